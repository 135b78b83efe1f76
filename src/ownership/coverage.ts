// How a role covers a set of scopes. Every scope decision goes through eligibility.ts (checkScope), the one
// place that decides whether a role can hold a scope; this file only adds up its answers.
import {checkScope, rolePrivileges, type ScopeCheck} from './eligibility.js'
import type {Matrix} from '../matrix/matrix.js'
import {cleanScopes} from '../matrix/scope.js'
import {compareText, sortedUnique} from '../text-order.js'
import type {SnapshotRole} from '../snapshot/types.js'

export interface PrivilegeNeed {
  privilege: string
  /** The app's scopes whose rule lists it. */
  scopes: string[]
  /** Needed account-wide: an admin- or master-level scope requires it (a group-limited grant is not enough). */
  accountWide: boolean
}

export interface ScopeNeeds {
  scopes: string[]
  mapped: string[]
  /** No rule matches: nobody can tell what they need. */
  unmapped: string[]
  /** Privileges the mapped scopes' rules require. */
  requires: PrivilegeNeed[]
  /** Privileges only some operations of a scope need (rules' `partial`), and no scope requires. */
  partial: PrivilegeNeed[]
}

export function scopeNeeds(matrix: Matrix, rawScopes: Iterable<string>): ScopeNeeds {
  const scopes = cleanScopes(rawScopes)
  const mapped: string[] = []
  const unmapped: string[] = []
  const requires = new Map<string, PrivilegeNeed>()
  const partial = new Map<string, PrivilegeNeed>()
  const add = (into: Map<string, PrivilegeNeed>, privilege: string, scope: string, accountWide: boolean) => {
    const need = into.get(privilege) ?? {privilege, scopes: [], accountWide: false}
    need.scopes.push(scope)
    need.accountWide ||= accountWide
    into.set(privilege, need)
  }
  for (const scope of scopes) {
    const resolution = matrix.resolve(scope)
    if (!resolution.winner) {
      unmapped.push(scope)
      continue
    }
    mapped.push(scope)
    const accountWide = resolution.level !== 'user'
    for (const p of resolution.winner.rule.requires) add(requires, p, scope, accountWide)
    for (const p of resolution.winner.rule.partial ?? []) add(partial, p, scope, accountWide)
  }
  for (const p of requires.keys()) partial.delete(p)
  const sorted = (m: Map<string, PrivilegeNeed>) =>
    [...m.values()]
      .map((n) => ({...n, scopes: sortedUnique(n.scopes)}))
      .sort((a, b) => compareText(a.privilege, b.privilege))
  return {scopes, mapped, unmapped, requires: sorted(requires), partial: sorted(partial)}
}

export interface RoleCoverage {
  role: SnapshotRole
  /** One check per scope of the needs, in the same order (unmapped ones included, status 'unmapped'). */
  checks: ScopeCheck[]
  /** Keeps every mapped scope (with `partial`: also every partial privilege). */
  covers: boolean
  /** Privileges the role lacks for the mapped scopes (plus partial ones with `partial`), sorted. */
  missingPrivileges: string[]
  /** Of missingPrivileges, those the role holds only for some groups → the groups. */
  groupLimited: Record<string, string[]>
  /** The role's privileges that none of the app's scopes requires or partially uses, sorted. */
  excess: string[]
}

export function roleCoverage(
  matrix: Matrix,
  role: SnapshotRole,
  needs: ScopeNeeds,
  options: {partial?: boolean} = {},
): RoleCoverage {
  const privileges = rolePrivileges(role, matrix)
  const checks = needs.scopes.map((scope) => checkScope(matrix, privileges, scope))
  const missing = new Set<string>()
  for (const check of checks) {
    for (const p of check.missingPrivileges) missing.add(p)
    if (options.partial) for (const p of check.partialMissing) missing.add(p)
  }
  const missingPrivileges = sortedUnique(missing)
  const groupLimited: Record<string, string[]> = {}
  for (const p of missingPrivileges) {
    const groups = privileges.groupLimited.get(p)
    if (groups) groupLimited[p] = groups
  }
  const used = new Set([...needs.requires, ...needs.partial].map((n) => n.privilege))
  return {
    role,
    checks,
    covers: missingPrivileges.length === 0,
    missingPrivileges,
    groupLimited,
    excess: sortedUnique(role.privileges.filter((p) => !used.has(p))),
  }
}

/** Privilege → portal label, for every privilege named. */
export function labelsFor(matrix: Matrix, privileges: Iterable<string>): Record<string, string> {
  return Object.fromEntries(sortedUnique(privileges).map((p) => [p, matrix.label(p)]))
}

export interface LostScope {
  scope: string
  /** Required privileges the role does not hold where the scope needs them (account-wide for admin-level scopes). */
  missingPrivileges: string[]
  /** Of missingPrivileges, those the role holds only for some groups → the group ids. */
  groupLimited: Record<string, string[]>
}

export interface ScopeOutcomes {
  keptScopes: string[]
  /** Kept, but some of the scope's operations need privileges the role lacks (the rule's `partial`). */
  partialScopes: Array<{scope: string; missingPrivileges: string[]}>
  /** Scopes Zoom would deactivate. */
  deactivatedScopes: LostScope[]
  /** No rule in the matrix: cannot tell. */
  unmappedScopes: string[]
  /** Privilege → portal label for every privilege named above. */
  labels: Record<string, string>
}

/** A role's coverage as the scopes it keeps, keeps in part, loses, and cannot be judged on. */
export function scopeOutcomes(matrix: Matrix, coverage: RoleCoverage): ScopeOutcomes {
  const out: ScopeOutcomes = {keptScopes: [], partialScopes: [], deactivatedScopes: [], unmappedScopes: [], labels: {}}
  for (const check of coverage.checks) {
    if (check.status === 'unmapped') out.unmappedScopes.push(check.scope)
    else if (check.status === 'missing') {
      const groupLimited: Record<string, string[]> = {}
      for (const p of check.groupRestricted) groupLimited[p] = coverage.groupLimited[p] ?? []
      out.deactivatedScopes.push({scope: check.scope, missingPrivileges: [...check.missingPrivileges], groupLimited})
    } else {
      out.keptScopes.push(check.scope)
      if (check.status === 'partial')
        out.partialScopes.push({scope: check.scope, missingPrivileges: [...check.partialMissing]})
    }
  }
  out.labels = labelsFor(matrix, [
    ...out.deactivatedScopes.flatMap((s) => s.missingPrivileges),
    ...out.partialScopes.flatMap((s) => s.missingPrivileges),
  ])
  return out
}
