// The one place that decides whether a role can hold a scope. The audit, `transfer` and `roles` share it.
import type {Matrix, ScopeResolution} from '../matrix/matrix.js'
import type {SnapshotRole} from '../snapshot/types.js'

export type ScopeStatus = 'ok' | 'missing' | 'partial' | 'unmapped'

export interface RolePrivileges {
  /** Held for every user of the account (the role's privileges plus what they imply). */
  accountWide: Set<string>
  /** Held only for some groups (Zoom's `privilege_scopes`): privilege → group ids. */
  groupLimited: Map<string, string[]>
}

export interface ScopeCheck {
  scope: string
  status: ScopeStatus
  resolution: ScopeResolution
  requiredPrivileges: string[]
  /** Required privileges the role does not hold account-wide (status missing). */
  missingPrivileges: string[]
  /** The subset of missingPrivileges the role holds only for some groups. */
  groupRestricted: string[]
  /** `partial` privileges the role lacks: some operations of the scope will fail. */
  partialMissing: string[]
}

export function rolePrivileges(role: SnapshotRole, matrix: Matrix): RolePrivileges {
  const limitedKeys = new Set(Object.keys(role.privilegeScopes))
  const accountWide = new Set<string>()
  for (const privilege of role.privileges) {
    if (!limitedKeys.has(privilege)) for (const held of matrix.withImplied(privilege)) accountWide.add(held)
  }
  const groupLimited = new Map<string, string[]>()
  for (const [privilege, groups] of Object.entries(role.privilegeScopes)) {
    for (const held of matrix.withImplied(privilege)) {
      if (!accountWide.has(held))
        groupLimited.set(held, [...new Set([...(groupLimited.get(held) ?? []), ...groups])].sort())
    }
  }
  return {accountWide, groupLimited}
}

/** Group-limited privileges count only for user-level scopes: admin- and master-level scopes act account-wide. */
function holds(privileges: RolePrivileges, privilege: string, resolution: ScopeResolution): boolean {
  return (
    privileges.accountWide.has(privilege) || (resolution.level === 'user' && privileges.groupLimited.has(privilege))
  )
}

export function checkScope(matrix: Matrix, privileges: RolePrivileges, scope: string): ScopeCheck {
  const resolution = matrix.resolve(scope)
  const base = {scope: resolution.scope, resolution, missingPrivileges: [], groupRestricted: [], partialMissing: []}
  if (!resolution.winner) return {...base, status: 'unmapped', requiredPrivileges: []}

  const {requires, partial = []} = resolution.winner.rule
  const missingPrivileges = requires.filter((p) => !holds(privileges, p, resolution))
  const groupRestricted = missingPrivileges.filter((p) => privileges.groupLimited.has(p))
  const partialMissing = partial.filter((p) => !holds(privileges, p, resolution))
  const status: ScopeStatus = missingPrivileges.length > 0 ? 'missing' : partialMissing.length > 0 ? 'partial' : 'ok'
  return {...base, status, requiredPrivileges: [...requires], missingPrivileges, groupRestricted, partialMissing}
}

/**
 * checkScope for one role, remembered per scope: the answer depends only on the role and the scope, and an audit asks
 * the same few hundred (role, scope) questions for thousands of apps. The checks returned are shared: read-only.
 */
export function roleScopeChecker(matrix: Matrix, role: SnapshotRole): (scope: string) => ScopeCheck {
  const privileges = rolePrivileges(role, matrix)
  const checks = new Map<string, ScopeCheck>()
  return (scope) => {
    let check = checks.get(scope)
    if (!check) {
      check = checkScope(matrix, privileges, scope)
      checks.set(scope, check)
    }
    return check
  }
}
