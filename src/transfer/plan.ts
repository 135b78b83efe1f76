// `transfer plan`: every app the inventory says a leaving person owns, who could take each one, the suggested heir,
// and what blocks the hand-over. Pure, and built only from findCandidates and checkTransfer so that each app's answer
// is the one `transfer candidates` and `transfer check` give for it.
import {accountUser, indexAccount, type AccountUser} from '../ownership/account-index.js'
import {InputError} from '../errors.js'
import type {Inventory, InventoryApp} from '../inventory/types.js'
import type {Matrix} from '../matrix/matrix.js'
import type {Snapshot, SnapshotUser} from '../snapshot/types.js'
import {resolveApp, type AppTarget} from '../ownership/app-target.js'
import {findCandidates, type NobodyQualifies, type RankedCandidate} from './candidates.js'
import {checkTransfer, type CandidateOutcome} from './check.js'

/** Zoom's built-in Owner role: matched by name, as the API does not document its id (docs/account-owner.md). */
const OWNER_ROLE_NAME = 'owner'

export interface PlanCandidate extends RankedCandidate {
  /** The account owner: Zoom hands a removed owner's apps to them. */
  accountOwner: boolean
  /** The person leaving (listed when their role qualifies, never suggested). */
  leaving: boolean
}

export interface PlanBlockers {
  message: string
  /** Why nobody else qualifies, as `transfer candidates` explains it (null when the app could not be read). */
  explanation: NobodyQualifies | null
}

export interface PlanApp {
  app: AppTarget
  /** The app's inventory entry's owner cell, as written. */
  ownerRef: string
  /** False when neither the account nor the inventory gives the app's scopes: nothing could be checked. */
  checked: boolean
  /** Scopes no matrix rule covers: held against nobody (cannot tell). */
  unmappedScopes: string[]
  /** Everyone who keeps every mapped scope, least excess privilege first (as `transfer candidates`). */
  candidates: PlanCandidate[]
  /** The first candidate who is not the person leaving; null when there is none. */
  suggested: PlanCandidate | null
  /** Set when nobody but the person leaving qualifies. */
  blockers: PlanBlockers | null
  /** The account owner checked as `transfer check` would (null when the account shows no active owner). */
  accountOwner: CandidateOutcome | null
  /** With --to: the named heir checked as `transfer check` would. */
  to?: CandidateOutcome
}

export interface PlanPerson {
  ref: string
  user: AccountUser | null
}

export interface TransferPlan {
  from: PlanPerson
  to?: PlanPerson
  accountOwner: {email: string; name: string | null} | null
  apps: PlanApp[]
  summary: {
    apps: number
    withSuggestion: number
    /** Apps nobody (but the person leaving) could own without losing a scope. */
    withoutCandidate: number
    /** Apps whose only candidate is the account owner. */
    onlyAccountOwner: number
    /** With --to: apps the named heir would lose a scope on. */
    toLosesScopes: number | null
    /** What the command's exit code says: every app has a candidate (with --to: the heir keeps everything). */
    ready: boolean
  }
}

export interface PlanInput {
  snapshot: Snapshot
  matrix: Matrix
  inventory: Inventory
  from: string
  to?: string
  /** How the account was read, for error messages. */
  source: {snapshot?: string}
}

/** The inventory entries whose owner cell names the person (by the reference given, their email or their id). */
export function appsOwnedBy(inventory: Inventory, ref: string, user?: SnapshotUser): InventoryApp[] {
  const names = new Set([ref.trim().toLowerCase()])
  if (user) {
    names.add(user.email.toLowerCase())
    if (user.id) names.add(user.id.toLowerCase())
  }
  return inventory.apps.filter((app) => app.owner.trim() !== '' && names.has(app.owner.trim().toLowerCase()))
}

/** Active users whose role is the built-in Owner role. */
export function accountOwners(snapshot: Snapshot): SnapshotUser[] {
  const ownerRoles = new Set(
    snapshot.roles.filter((r) => r.name.trim().toLowerCase() === OWNER_ROLE_NAME).map((r) => r.id),
  )
  return snapshot.users.filter((u) => u.status === 'active' && ownerRoles.has(u.roleId))
}

export function planTransfer(input: PlanInput): TransferPlan {
  const {snapshot, matrix, inventory} = input
  const account = indexAccount(snapshot)
  const fromUser = account.findUser(input.from)
  const owned = appsOwnedBy(inventory, input.from, fromUser)
  if (!fromUser && owned.length === 0) {
    throw new InputError(
      `--from ${input.from}: no such user in the account, and the inventory names no app of theirs.`,
      {code: 'user_not_found', place: '--from', actions: ['Check the email or Zoom user id.']},
    )
  }
  const owner = accountOwners(snapshot)[0]
  const fromKey = fromUser?.email.toLowerCase()
  const withoutLeaving: Snapshot = fromKey
    ? {...snapshot, users: snapshot.users.filter((u) => u.email.toLowerCase() !== fromKey)}
    : snapshot

  const apps = owned.map((entry) => planApp(entry))
  function planApp(entry: InventoryApp): PlanApp {
    let app: AppTarget
    try {
      app = resolveApp(snapshot, entry.id, {inventory, source: input.source}).app
    } catch (error) {
      if (!(error instanceof InputError) || error.code !== 'app_not_found') throw error
      const unread: AppTarget = {
        id: entry.id,
        name: entry.name?.trim() || entry.id,
        scopes: [],
        scopesFrom: 'inventory',
        mustKeep: [],
      }
      return {
        app: unread,
        ownerRef: entry.owner,
        checked: false,
        unmappedScopes: [],
        candidates: [],
        suggested: null,
        blockers: {message: error.message, explanation: null},
        accountOwner: null,
        // No `to`: nobody can tell what the heir would keep (the summary counts it against them).
      }
    }
    const found = findCandidates({snapshot, matrix, app, ownerRef: entry.owner})
    const candidates = found.candidates.map((c) => ({
      ...c,
      accountOwner: owner !== undefined && c.user.email.toLowerCase() === owner.email.toLowerCase(),
      leaving: fromKey !== undefined && c.user.email.toLowerCase() === fromKey,
    }))
    const suggested = candidates.find((c) => !c.leaving) ?? null
    let blockers: PlanBlockers | null = null
    if (!suggested) {
      // Why nobody else qualifies: `transfer candidates`' explanation for the account without the person leaving.
      const explanation = findCandidates({snapshot: withoutLeaving, matrix, app}).explanation
      const only = candidates.length > 0 ? 'Only the person leaving qualifies. ' : ''
      blockers = {message: `${only}${explanation?.message ?? ''}`.trim(), explanation}
    }
    const check = (ref: string) => checkTransfer({snapshot, matrix, app, candidates: [ref]}).candidates[0]!
    return {
      app,
      ownerRef: entry.owner,
      checked: true,
      unmappedScopes: found.unmappedScopes,
      candidates,
      suggested,
      blockers,
      accountOwner: owner ? check(owner.email) : null,
      ...(input.to ? {to: check(input.to)} : {}),
    }
  }

  const toUser = input.to ? account.findUser(input.to) : undefined
  const withoutCandidate = apps.filter((a) => a.suggested === null).length
  // An app that could not be read counts against the heir too: nobody can tell what they would keep.
  const toLosesScopes = input.to ? apps.filter((a) => !a.checked || !a.to?.eligible).length : null
  return {
    from: {ref: input.from, user: fromUser ? accountUser(fromUser, account.role(fromUser.roleId)?.name ?? null) : null},
    ...(input.to
      ? {to: {ref: input.to, user: toUser ? accountUser(toUser, account.role(toUser.roleId)?.name ?? null) : null}}
      : {}),
    accountOwner: owner ? {email: owner.email, name: owner.name?.trim() || null} : null,
    apps,
    summary: {
      apps: apps.length,
      withSuggestion: apps.length - withoutCandidate,
      withoutCandidate,
      onlyAccountOwner: apps.filter((a) => {
        const others = a.candidates.filter((c) => !c.leaving)
        return others.length === 1 && others[0]!.accountOwner
      }).length,
      toLosesScopes,
      ready: toLosesScopes === null ? withoutCandidate === 0 : toLosesScopes === 0,
    },
  }
}
