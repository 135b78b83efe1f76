// What `transfer check`, `transfer candidates` and `roles suggest` all start with: the matrix, the inventory, only
// the part of the account the command needs, and the app under review with its scopes.
import type {InventoryApp, Inventory} from '../inventory/types.js'
import {loadInventory} from '../inventory/load.js'
import type {Matrix} from '../matrix/matrix.js'
import {splitScopeList} from '../matrix/scope.js'
import {scopesIgnoredNote} from '../report/transfer-text.js'
import type {Snapshot} from '../snapshot/types.js'
import {resolveApp, type AppTarget} from '../ownership/app-target.js'
import {loadAccount, type AccountNeeds, type LiveFlagValues} from './account-source.js'
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
}

/**
 * `users` says which users to read, given the app's inventory entry (e.g. the candidates plus its current owner);
 * `note` tells the user about flags that were ignored.
 */
export async function loadAppUnderReview<F extends AppUnderReviewFlags>(
  flags: F,
  users: (entry: InventoryApp | undefined) => AccountNeeds['users'],
  note: (text: string) => void,
): Promise<AppUnderReview<F['app'] extends string ? AppTarget : AppTarget | null>> {
  type Result = AppUnderReview<F['app'] extends string ? AppTarget : AppTarget | null>
  const matrix = await matrixFromFlags(flags)
  const inventory = flags.inventory ? await loadInventory(flags.inventory) : undefined
  const appId = flags.app?.trim()
  const entry = appId ? inventory?.apps.find((a) => a.id === appId) : undefined
  const flagScopes = splitScopeList(flags.scopes)
  const {snapshot} = await loadAccount(flags, {users: users(entry), apps: {ids: appId ? [appId] : []}})
  if (flags.app === undefined) return {matrix, inventory, snapshot, app: null, entry, flagScopes} as Result

  const resolved = resolveApp(snapshot, flags.app, {scopes: flagScopes, inventory, source: {snapshot: flags.snapshot}})
  if (resolved.flagScopesIgnored) note(scopesIgnoredNote(resolved.app))
  return {matrix, inventory, snapshot, app: resolved.app, entry: resolved.entry, flagScopes} as Result
}
