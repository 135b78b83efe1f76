// `roles show ROLE`: the role's privileges (portal labels, group limits) and which apps its members could own.
// Pure. Which apps: the inventory's when one is given, else the account's.
import type {Inventory} from '../inventory/types.js'
import type {Matrix} from '../matrix/matrix.js'
import type {Snapshot} from '../snapshot/types.js'
import type {ScopesFrom} from '../ownership/app-target.js'
import {roleCoverage, scopeNeeds, scopeOutcomes, type ScopeOutcomes} from '../ownership/coverage.js'
import {cleanScopes} from '../matrix/scope.js'
import {compareText, sortedUnique} from '../text-order.js'
import {findRole} from './find-role.js'

export interface ShownPrivilege {
  privilege: string
  label: string
  /** Group ids when Zoom limits the privilege to some groups; null = account-wide. */
  groups: string[] | null
}

export interface RoleApp extends ScopeOutcomes {
  id: string
  name: string
  /** Where the scopes came from; null = nowhere (an inventory app Zoom does not show, listed without scopes). */
  scopesFrom: ScopesFrom | null
  /** A member of the role keeps every mapped scope; null = cannot tell (no scopes known). */
  canOwn: boolean | null
}

export interface RoleShowResult {
  role: {id: string; name: string; description: string | null}
  privileges: ShownPrivilege[]
  /** Privileges the role holds only because a listed one implies them (matrix `implies`). */
  implied: Array<{privilege: string; label: string}>
  /** 'inventory' when --inventory was given, else the account's apps. */
  appsFrom: 'inventory' | 'account'
  apps: RoleApp[]
}

export function showRole(snapshot: Snapshot, matrix: Matrix, ref: string, inventory?: Inventory): RoleShowResult {
  const role = findRole(snapshot, ref)
  const listed = sortedUnique([...role.privileges, ...Object.keys(role.privilegeScopes)])
  const privileges = listed.map((p) => ({
    privilege: p,
    label: matrix.label(p),
    groups: role.privilegeScopes[p] ? sortedUnique(role.privilegeScopes[p]) : null,
  }))
  const listedSet = new Set(listed)
  const implied = sortedUnique(listed.flatMap((p) => matrix.withImplied(p)))
    .filter((p) => !listedSet.has(p))
    .map((p) => ({privilege: p, label: matrix.label(p)}))

  const accountApps = new Map(snapshot.apps.map((a) => [a.id, a]))
  const targets: Array<{id: string; name: string; scopes: string[] | null; scopesFrom: ScopesFrom | null}> = inventory
    ? inventory.apps.map((entry) => {
        const app = accountApps.get(entry.id)
        if (app)
          return {
            id: entry.id,
            name: app.name || entry.name || entry.id,
            scopes: app.scopes,
            scopesFrom: 'account' as const,
          }
        const scopes = cleanScopes(entry.scopes ?? [])
        return {
          id: entry.id,
          name: entry.name || entry.id,
          scopes: scopes.length > 0 ? scopes : null,
          scopesFrom: scopes.length > 0 ? ('inventory' as const) : null,
        }
      })
    : snapshot.apps.map((app) => ({
        id: app.id,
        name: app.name || app.id,
        scopes: app.scopes,
        scopesFrom: 'account' as const,
      }))

  const apps = targets
    .map((t): RoleApp => {
      if (t.scopes === null) {
        return {
          id: t.id,
          name: t.name,
          scopesFrom: null,
          canOwn: null,
          keptScopes: [],
          partialScopes: [],
          deactivatedScopes: [],
          unmappedScopes: [],
          labels: {},
        }
      }
      const outcomes = scopeOutcomes(matrix, roleCoverage(matrix, role, scopeNeeds(matrix, t.scopes)))
      return {
        id: t.id,
        name: t.name,
        scopesFrom: t.scopesFrom,
        canOwn: outcomes.deactivatedScopes.length === 0,
        ...outcomes,
      }
    })
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id))

  return {
    role: {id: role.id, name: role.name, description: role.description?.trim() || null},
    privileges,
    implied,
    appsFrom: inventory ? 'inventory' : 'account',
    apps,
  }
}
