// `roles suggest`: the least privileges an app's owner role needs, and the existing roles that already cover them.
// Pure. Coverage comes from ownership/eligibility.ts through ownership/coverage.ts.
import type {Matrix} from '../matrix/matrix.js'
import type {Snapshot} from '../snapshot/types.js'
import type {AppTarget} from '../ownership/app-target.js'
import {labelsFor, roleCoverage, scopeNeeds, type PrivilegeNeed} from '../ownership/coverage.js'
import {compareText} from '../text-order.js'

export interface SuggestedRole {
  id: string
  name: string
  /** Keeps every mapped scope (with --partial: also holds every partial privilege). */
  covers: boolean
  missingPrivileges: string[]
  /** Of missingPrivileges, those the role holds only for some groups → groups. */
  groupLimited: Record<string, string[]>
  /** The role's privileges the app's scopes neither require nor partially use. */
  excessPrivileges: string[]
}

export interface RolesSuggestResult {
  /** null when only --scopes was given. */
  app: AppTarget | null
  scopes: string[]
  unmappedScopes: string[]
  /** Whether `partial` privileges count as needed (--partial). */
  includePartial: boolean
  /** The minimal set: what the mapped scopes' rules require. */
  requires: PrivilegeNeed[]
  /** Only some operations need these; part of the set with --partial. */
  partial: PrivilegeNeed[]
  /** Every role of the account: covering ones first, least excess first; then the rest, fewest missing first. */
  roles: SuggestedRole[]
  labels: Record<string, string>
}

export function suggestRoles(
  snapshot: Snapshot,
  matrix: Matrix,
  target: {app: AppTarget | null; scopes: string[]},
  options: {partial?: boolean} = {},
): RolesSuggestResult {
  const needs = scopeNeeds(matrix, target.scopes)
  const includePartial = options.partial ?? false
  const roles = snapshot.roles
    .map((role) => {
      const c = roleCoverage(matrix, role, needs, {partial: includePartial})
      return {
        id: role.id,
        name: role.name,
        covers: c.covers,
        missingPrivileges: c.missingPrivileges,
        groupLimited: c.groupLimited,
        excessPrivileges: c.excess,
      }
    })
    .sort(
      (a, b) =>
        Number(b.covers) - Number(a.covers) ||
        a.missingPrivileges.length - b.missingPrivileges.length ||
        a.excessPrivileges.length - b.excessPrivileges.length ||
        compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
        compareText(a.id, b.id),
    )
  const named = [...needs.requires, ...needs.partial].map((n) => n.privilege)
  return {
    app: target.app,
    scopes: needs.scopes,
    unmappedScopes: needs.unmapped,
    includePartial,
    requires: needs.requires,
    partial: needs.partial,
    roles,
    labels: labelsFor(matrix, [...named, ...roles.flatMap((r) => [...r.missingPrivileges, ...r.excessPrivileges])]),
  }
}
