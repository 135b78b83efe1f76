// `migrate preview`: what Zoom would assign when an app moves from classic to granular scopes, what the granular set
// needs, and — with the app's owner — whether the owner could hold it. Pure: map + matrix (+ account) → result.
// Whether a role can hold a scope is decided in one place (ownership/eligibility.ts, through ownership/coverage.ts).
import {accountUser, displayName, indexAccount, type AccountUser} from '../ownership/account-index.js'
import type {Matrix} from '../matrix/matrix.js'
import {cleanScopes} from '../matrix/scope.js'
import {
  labelsFor,
  roleCoverage,
  scopeNeeds,
  scopeOutcomes,
  type LostScope,
  type ScopeNeeds,
} from '../ownership/coverage.js'
import type {Snapshot} from '../snapshot/types.js'
import {compareText, sortedUnique} from '../text-order.js'
import type {AppTarget} from '../ownership/app-target.js'
import type {ClassicToGranular} from './map.js'
import {scopeKind} from './scope-model.js'

export const TOKEN_NOTE =
  'After the migration, new access tokens carry the granular scope values (e.g. meeting:read:meeting:admin instead of meeting:read:admin): code that checks the token\'s "scope" string must accept them.'

export interface GranularAssignment {
  scope: string
  /** Privileges the matrix requires for the granular scope; empty when unmapped. */
  requires: string[]
  /** Operations listing both this granular scope and the classic scope it comes from. */
  operations: string[]
  /** False when no matrix rule covers the granular scope (what it needs cannot be told). */
  mapped: boolean
}

export interface ClassicAssignment {
  classic: string
  /** False when Zoom's operation data does not list the classic scope: what Zoom assigns cannot be told. */
  known: boolean
  granular: GranularAssignment[]
}

export interface PrivilegeUse {
  privilege: string
  label: string
  /** The scopes that require it. */
  scopes: string[]
}

export interface DropCandidate {
  scope: string
  /** The privileges that make it a candidate: required by no current scope of the app. */
  privileges: string[]
  operations: string[]
}

export interface MigrationOwner {
  /** The owner as the inventory names them. */
  ref: string
  user: AccountUser
  /** Why the owner could not be checked (not in the account, unknown role); null when checked. */
  problem: string | null
  /** Classic scopes the owner already cannot hold today. */
  lostToday: string[]
}

export interface MigrationDelta {
  /** Privileges the granular set requires that the owner's role lacks (where the scope needs them). */
  lacking: PrivilegeUse[]
  /** Privileges the app's current scopes require that no scope after the migration requires. */
  noLongerNeeded: PrivilegeUse[]
}

export interface MigrationPreview {
  app?: {id: string; name: string; scopesFrom: AppTarget['scopesFrom']}
  owner?: MigrationOwner
  /** One entry per classic scope of the app, sorted. */
  scopes: ClassicAssignment[]
  /** The app's scopes that are granular already: kept as they are. */
  alreadyGranular: string[]
  /** Every scope after the migration: the granular scopes assigned plus those already granular. */
  granularSet: string[]
  /** What the granular set requires, with portal labels. */
  privileges: PrivilegeUse[]
  /** Of those, the privileges no current scope of the app requires. */
  newlyRequired: string[]
  /** Granular scopes that only some operations need and that require privileges no current scope requires. */
  dropCandidates: DropCandidate[]
  /** Granular scopes no matrix rule covers. */
  unmapped: string[]
  delta?: MigrationDelta
  /** Granular scopes Zoom would deactivate after the migration because the owner's role cannot hold them. */
  wouldDeactivate?: LostScope[]
  labels: Record<string, string>
  tokenNote: string
  events: string
}

export interface MigrationInput {
  map: ClassicToGranular
  matrix: Matrix
  scopes: string[]
  app?: AppTarget
  /** With the owner: the account to find them in. */
  snapshot?: Snapshot
  ownerRef?: string | null
}

export function previewMigration(input: MigrationInput): MigrationPreview {
  const {map, matrix} = input
  const scopes = cleanScopes(input.scopes)
  const classic = scopes.filter((s) => scopeKind(map, s) === 'classic')
  const alreadyGranular = scopes.filter((s) => scopeKind(map, s) === 'granular')

  const assignments: ClassicAssignment[] = classic.map((scope) => {
    const equivalents = map.granularFor(scope)
    return {
      classic: scope,
      known: equivalents !== null,
      granular: (equivalents ?? []).map((g) => {
        const rule = matrix.resolve(g.scope).winner?.rule
        return {
          scope: g.scope,
          requires: [...(rule?.requires ?? [])],
          operations: g.operations,
          mapped: rule !== undefined,
        }
      }),
    }
  })
  const granularSet = sortedUnique([...assignments.flatMap((a) => a.granular.map((g) => g.scope)), ...alreadyGranular])
  const before = scopeNeeds(matrix, scopes)
  const after = scopeNeeds(matrix, granularSet)
  const requiredBefore = new Set(before.requires.map((n) => n.privilege))
  const newlyRequired = after.requires.map((n) => n.privilege).filter((p) => !requiredBefore.has(p))

  const privileges = after.requires.map((n) => ({
    privilege: n.privilege,
    label: matrix.label(n.privilege),
    scopes: n.scopes,
  }))
  // An app without classic scopes has nothing to migrate: what its owner can hold is the audit's business.
  const ownerRef = input.ownerRef?.trim()
  const checked =
    ownerRef && input.snapshot && classic.length > 0
      ? checkOwner(matrix, input.snapshot, ownerRef, before, after)
      : undefined
  const wouldDeactivate = checked?.wouldDeactivate
  return {
    ...(input.app ? {app: {id: input.app.id, name: input.app.name, scopesFrom: input.app.scopesFrom}} : {}),
    ...(checked ? {owner: checked.owner} : {}),
    scopes: assignments,
    alreadyGranular,
    granularSet,
    privileges,
    newlyRequired,
    dropCandidates: dropCandidates(assignments, new Set(newlyRequired)),
    unmapped: after.unmapped,
    ...(checked?.delta ? {delta: checked.delta} : {}),
    ...(wouldDeactivate ? {wouldDeactivate} : {}),
    labels: labelsFor(matrix, [
      ...privileges.map((p) => p.privilege),
      ...before.requires.map((n) => n.privilege),
      ...(wouldDeactivate ?? []).flatMap((s) => s.missingPrivileges),
    ]),
    tokenNote: TOKEN_NOTE,
    events: map.events,
  }
}

/** The owner as the account knows them, and — when their role is known — the delta and what Zoom would deactivate. */
function checkOwner(
  matrix: Matrix,
  snapshot: Snapshot,
  ownerRef: string,
  before: ScopeNeeds,
  after: ScopeNeeds,
): {owner: MigrationOwner; delta?: MigrationDelta; wouldDeactivate?: LostScope[]} {
  const account = indexAccount(snapshot)
  const user = account.findUser(ownerRef)
  const role = user ? account.role(user.roleId) : undefined
  const owner: MigrationOwner = {
    ref: ownerRef,
    user: accountUser(user, role?.name ?? null),
    problem: null,
    lostToday: [],
  }
  if (!user) {
    owner.problem = `No user "${ownerRef}" in the account (by email or Zoom user id): cannot tell what the owner could hold.`
    return {owner}
  }
  if (!role) {
    owner.problem = `${displayName(user)}'s role (id ${user.roleId || 'none'}) is not among the account's roles: cannot tell what the owner could hold.`
    return {owner}
  }
  owner.lostToday = scopeOutcomes(matrix, roleCoverage(matrix, role, before)).deactivatedScopes.map((s) => s.scope)
  const lost = scopeOutcomes(matrix, roleCoverage(matrix, role, after)).deactivatedScopes
  const requiredAfter = new Set(after.requires.map((n) => n.privilege))
  const delta: MigrationDelta = {
    lacking: sortedUnique(lost.flatMap((s) => s.missingPrivileges)).map((p) => ({
      privilege: p,
      label: matrix.label(p),
      scopes: lost.filter((s) => s.missingPrivileges.includes(p)).map((s) => s.scope),
    })),
    noLongerNeeded: before.requires
      .filter((n) => !requiredAfter.has(n.privilege))
      .map((n) => ({privilege: n.privilege, label: matrix.label(n.privilege), scopes: n.scopes})),
  }
  return {owner, delta, wouldDeactivate: lost}
}

/**
 * Assigned granular scopes requiring a privilege in `raising` (one no current scope requires). Each serves only the
 * operations it is listed on; an app that calls none of them can do without it, and its owner without the privilege.
 */
function dropCandidates(assignments: ClassicAssignment[], raising: Set<string>): DropCandidate[] {
  const byScope = new Map<string, DropCandidate>()
  for (const assignment of assignments) {
    for (const g of assignment.granular) {
      const privileges = g.requires.filter((p) => raising.has(p))
      if (privileges.length === 0) continue
      const candidate = byScope.get(g.scope) ?? {scope: g.scope, privileges, operations: []}
      candidate.operations = sortedUnique([...candidate.operations, ...g.operations])
      byScope.set(g.scope, candidate)
    }
  }
  return [...byScope.values()].sort((a, b) => compareText(a.scope, b.scope))
}
