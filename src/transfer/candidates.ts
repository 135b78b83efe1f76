// `transfer candidates`: every active user whose role keeps every mapped scope of the app, least privilege first.
// Pure. Works per role (a role's answer is the same for all its members), so 20 000 users cost a few role checks.
import type {Matrix} from '../matrix/matrix.js'
import {labelsFor, roleCoverage, scopeNeeds, type RoleCoverage} from '../ownership/coverage.js'
import {compareText} from '../text-order.js'
import type {ActiveCounts} from '../snapshot/fetch-role-members.js'
import type {Snapshot, SnapshotRole, SnapshotUser} from '../snapshot/types.js'
import type {AppTarget} from '../ownership/app-target.js'

export interface RankedCandidate {
  user: {id: string | null; email: string; name: string | null; roleId: string; roleName: string}
  /** How many of the role's privileges none of the app's scopes requires (or partially uses). */
  excessPrivileges: number
  /** The inventory names this user as the app's owner. */
  currentOwner: boolean
}

export interface ClosestRole {
  id: string
  name: string
  activeMembers: number
  /** Required privileges the role lacks (account-wide where an admin-level scope needs them). */
  missingPrivileges: string[]
  /** Of those, the ones it holds only for some groups → groups. */
  groupLimited: Record<string, string[]>
  excessPrivileges: number
}

export interface NobodyQualifies {
  message: string
  /** Each required privilege and the roles of active users that hold it where needed. */
  required: Array<{privilege: string; label: string; accountWide: boolean; heldBy: string[]}>
  /** Required privileges no active user's role holds at all. */
  heldByNoActiveUser: string[]
  /** Roles (any, even without active members) missing the fewest required privileges. */
  closestRoles: ClosestRole[]
}

export interface CandidatesResult {
  app: AppTarget
  /** Privileges the app's mapped scopes require, with portal labels in `labels`. */
  requiredPrivileges: string[]
  /** Scopes no matrix rule covers: not held against anyone (cannot tell). */
  unmappedScopes: string[]
  /** How many active users qualify (before --limit). */
  total: number
  candidates: RankedCandidate[]
  /** Only when nobody qualifies: why. */
  explanation: NobodyQualifies | null
  labels: Record<string, string>
}

export interface CandidatesInput {
  snapshot: Snapshot
  matrix: Matrix
  app: AppTarget
  /** Keep the first N (undefined or 0: all). */
  limit?: number
  /** The inventory's owner reference for the app, to mark them. */
  ownerRef?: string | null
  /**
   * Active users in all and per role, when `snapshot.users` holds only some roles' members (read live role by role).
   * Without it they are counted from `snapshot.users`, which must then hold every active user.
   */
  activeCounts?: ActiveCounts
}

const CLOSEST = 3

export function findCandidates(input: CandidatesInput): CandidatesResult {
  const {snapshot, matrix, app} = input
  const needs = scopeNeeds(matrix, app.scopes)
  const coverage = new Map<string, RoleCoverage>(
    snapshot.roles.map((role) => [role.id, roleCoverage(matrix, role, needs)]),
  )
  const owner = input.ownerRef ? findUser(snapshot.users, input.ownerRef) : undefined

  const ranked: RankedCandidate[] = []
  for (const user of snapshot.users) {
    if (user.status !== 'active') continue
    const c = coverage.get(user.roleId)
    if (!c?.covers) continue
    ranked.push({
      user: {
        id: user.id ?? null,
        email: user.email,
        name: user.name?.trim() || null,
        roleId: c.role.id,
        roleName: c.role.name,
      },
      excessPrivileges: c.excess.length,
      currentOwner: owner !== undefined && owner.email.toLowerCase() === user.email.toLowerCase(),
    })
  }
  ranked.sort(
    (a, b) =>
      a.excessPrivileges - b.excessPrivileges ||
      compareText(a.user.email.toLowerCase(), b.user.email.toLowerCase()) ||
      compareText(a.user.email, b.user.email),
  )

  const required = needs.requires.map((n) => n.privilege)
  const limit = input.limit && input.limit > 0 ? input.limit : undefined
  return {
    app,
    requiredPrivileges: required,
    unmappedScopes: needs.unmapped,
    total: ranked.length,
    candidates: limit === undefined ? ranked : ranked.slice(0, limit),
    explanation:
      ranked.length > 0
        ? null
        : explainNobody(matrix, needs, [...coverage.values()], input.activeCounts ?? countActive(snapshot.users), app),
    labels: labelsFor(matrix, required),
  }
}

function explainNobody(
  matrix: Matrix,
  needs: ReturnType<typeof scopeNeeds>,
  coverages: RoleCoverage[],
  active: ActiveCounts,
  app: AppTarget,
): NobodyQualifies {
  const members = (role: SnapshotRole) => active.byRole.get(role.id) ?? 0
  const staffed = coverages.filter((c) => members(c.role) > 0)

  const required = needs.requires.map((n) => ({
    privilege: n.privilege,
    label: matrix.label(n.privilege),
    accountWide: n.accountWide,
    heldBy: staffed
      .filter((c) => !c.missingPrivileges.includes(n.privilege))
      .map((c) => c.role.name)
      .sort(compareText),
  }))
  const heldByNoActiveUser = required.filter((r) => r.heldBy.length === 0).map((r) => r.privilege)

  const closestRoles = [...coverages]
    .sort(
      (a, b) =>
        a.missingPrivileges.length - b.missingPrivileges.length ||
        a.excess.length - b.excess.length ||
        compareText(a.role.name, b.role.name) ||
        compareText(a.role.id, b.role.id),
    )
    .slice(0, CLOSEST)
    .map((c) => ({
      id: c.role.id,
      name: c.role.name,
      activeMembers: members(c.role),
      missingPrivileges: c.missingPrivileges,
      groupLimited: c.groupLimited,
      excessPrivileges: c.excess.length,
    }))

  const label = (ps: string[]) => ps.map((p) => matrix.label(p)).join(', ')
  const sentences: string[] = []
  if (active.total === 0) sentences.push('The account has no active user.')
  else if (staffed.length === 0) sentences.push("No active user has a role that is among the account's roles.")
  else if (heldByNoActiveUser.length > 0) {
    const which = heldByNoActiveUser.length === 1 ? label(heldByNoActiveUser) : `any of ${label(heldByNoActiveUser)}`
    const accountWide = required.filter((r) => heldByNoActiveUser.includes(r.privilege)).every((r) => r.accountWide)
    sentences.push(
      `No active user's role holds ${which}${accountWide ? ' account-wide (as admin-level scopes need)' : ''}.`,
    )
  } else {
    sentences.push(
      `Every required privilege is held by some active user, but no active user's role combines ${label(required.map((r) => r.privilege))}.`,
    )
  }
  const best = closestRoles[0]
  if (best) {
    if (best.missingPrivileges.length === 0) {
      sentences.push(
        `The role ${best.name} would keep every scope of ${app.name} but has no active member: give it to the new owner.`,
      )
    } else {
      const limited = Object.keys(best.groupLimited)
      const limitedNote = limited.length > 0 ? ` (it holds ${label(limited)} only for some groups)` : ''
      sentences.push(
        `Closest: ${best.name} (${best.activeMembers} active member${best.activeMembers === 1 ? '' : 's'}) lacks only ${label(best.missingPrivileges)}${limitedNote}; add ${best.missingPrivileges.length === 1 ? 'it' : 'them'} to that role, or create a role with the privileges "roles suggest --app ${app.id}" lists.`,
      )
    }
  }
  return {message: sentences.join(' '), required, heldByNoActiveUser, closestRoles}
}

function countActive(users: readonly SnapshotUser[]): ActiveCounts {
  const byRole = new Map<string, number>()
  let total = 0
  for (const user of users) {
    if (user.status !== 'active') continue
    total++
    byRole.set(user.roleId, (byRole.get(user.roleId) ?? 0) + 1)
  }
  return {total, byRole}
}

/** The user an owner reference (id, or email whatever its case) names, like the account index, without one. */
function findUser(users: readonly SnapshotUser[], ref: string): SnapshotUser | undefined {
  const wanted = ref.trim()
  const email = wanted.toLowerCase()
  return users.find((u) => u.id === wanted) ?? users.find((u) => u.email.toLowerCase() === email)
}
