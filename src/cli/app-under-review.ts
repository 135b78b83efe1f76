// What `transfer check`, `transfer candidates` and `roles suggest` all start with: the matrix, the inventory, only
// the part of the account the command needs, and the app under review with its scopes.
import type {InventoryApp, Inventory} from '../inventory/types.js'
import {loadInventory} from '../inventory/load.js'
import type {Matrix} from '../matrix/matrix.js'
import {splitScopeList} from '../matrix/scope.js'
import {scopesIgnoredNote} from '../report/transfer-text.js'
import type {ActiveCounts} from '../snapshot/fetch-role-members.js'
import type {Snapshot, SnapshotApp, SnapshotRole} from '../snapshot/types.js'
import {resolveApp, type AppTarget} from '../ownership/app-target.js'
import {roleCoverage, scopeNeeds} from '../ownership/coverage.js'
import {
  createLiveClient,
  liveBudget,
  liveProgress,
  loadAccount,
  type Note,
  type AccountNeeds,
  type LiveFlagValues,
} from './account-source.js'
import {now} from './clock.js'
import {matrixFromFlags} from './matrix-from-flags.js'

export interface AppUnderReviewFlags extends LiveFlagValues {
  app?: string
  scopes?: string[]
  inventory?: string
  snapshot?: string
  matrix?: string[]
  'builtin-matrix': boolean
}

export interface AppUnderReview<App extends AppTarget | null = AppTarget | null> {
  matrix: Matrix
  inventory?: Inventory
  snapshot: Snapshot
  /** Null only when no --app was given (roles suggest --scopes). */
  app: App
  /** The app's inventory entry (its owner, mustKeep), when the inventory lists it. */
  entry?: InventoryApp
  /** --scopes, split and cleaned. */
  flagScopes: string[]
  /** With 'qualifying' users, when `snapshot.users` holds only some roles' members and nobody qualifies. */
  activeCounts?: ActiveCounts
}

/**
 * What users to read: as for any account (see AccountNeeds), or 'qualifying': the active users whose role keeps
 * every mapped scope of the app — live, only those roles' members are read when that is quicker (a snapshot file
 * gives every user).
 */
export type UsersNeeded = AccountNeeds['users'] | 'qualifying'

/**
 * `users` says which users to read, given the app's inventory entry (e.g. the candidates plus its current owner);
 * `note` tells the user about flags that were ignored.
 */
export async function loadAppUnderReview<F extends AppUnderReviewFlags>(
  flags: F,
  users: (entry: InventoryApp | undefined) => UsersNeeded,
  note: (text: string) => void,
): Promise<AppUnderReview<F['app'] extends string ? AppTarget : AppTarget | null>> {
  type Result = AppUnderReview<F['app'] extends string ? AppTarget : AppTarget | null>
  // Built while Zoom answers the first calls, when the fetch can start before it (below); awaited before anything
  // else can fail, so a bad matrix is still the error reported.
  const matrixLoad = matrixFromFlags(flags)
  matrixLoad.catch(() => undefined)
  let inventory: Inventory | undefined
  try {
    inventory = flags.inventory ? await loadInventory(flags.inventory) : undefined
  } catch (error) {
    await matrixLoad
    throw error
  }
  const appId = flags.app?.trim()
  const entry = appId ? inventory?.apps.find((a) => a.id === appId) : undefined
  const flagScopes = splitScopeList(flags.scopes)
  const needed = users(entry)
  const resolve = (snapshot: Snapshot, rawId: string) =>
    resolveApp(snapshot, rawId, {scopes: flagScopes, inventory, source: {snapshot: flags.snapshot}})
  const fetching =
    needed === 'qualifying' && !flags.snapshot && flags.app !== undefined
      ? loadQualifyingMembers(flags, note, flags.app, async (apps) => {
          const matrix = await matrixLoad
          const {app} = resolve(appsOnly(apps), flags.app!)
          const needs = scopeNeeds(matrix, app.scopes)
          return (role) => roleCoverage(matrix, role, needs).covers
        })
      : undefined
  fetching?.catch(() => undefined)
  const matrix = await matrixLoad
  const {snapshot, activeCounts}: {snapshot: Snapshot; activeCounts?: ActiveCounts} = fetching
    ? await fetching
    : await loadAccount(
        flags,
        {users: needed === 'qualifying' ? 'active' : needed, apps: {ids: appId ? [appId] : []}},
        note,
      )
  if (flags.app === undefined) return {matrix, inventory, snapshot, app: null, entry, flagScopes} as Result

  const resolved = resolve(snapshot, flags.app)
  if (resolved.flagScopesIgnored) note(scopesIgnoredNote(resolved.app))
  return {
    matrix,
    inventory,
    snapshot,
    app: resolved.app,
    entry: resolved.entry,
    flagScopes,
    ...(activeCounts ? {activeCounts} : {}),
  } as Result
}

/** Live: the roles, the app, and the active members of the roles `qualifies` accepts (see fetch-role-members.ts). */
async function loadQualifyingMembers(
  flags: LiveFlagValues,
  note: Note,
  appId: string,
  qualifying: (apps: SnapshotApp[]) => Promise<(role: SnapshotRole) => boolean>,
): Promise<{snapshot: Snapshot; activeCounts?: ActiveCounts}> {
  const progress = liveProgress(flags)
  try {
    const client = await createLiveClient(flags, note)
    // Loaded only for live runs: the client brings got (start-up time of offline commands).
    const {fetchRoleMembers} = await import('../snapshot/fetch-role-members.js')
    return await fetchRoleMembers(client, {
      appIds: [appId.trim()].filter((id) => id !== ''),
      qualifying,
      budget: liveBudget(flags),
      now,
      onProgress: (event) => progress.update(event),
    })
  } finally {
    progress.done()
  }
}

/** A snapshot with only these apps: enough to resolve the app under review before the rest is read. */
function appsOnly(apps: SnapshotApp[]): Snapshot {
  return {schemaVersion: 1, capturedAt: '', account: {id: ''}, users: [], roles: [], apps}
}
