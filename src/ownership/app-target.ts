// The app under review (transfer, roles suggest, migrate preview) and its scopes: the account's own (snapshot or
// Zoom), else --scopes, else the inventory's (for apps the Marketplace API does not show). Pure.
import {InputError} from '../errors.js'
import type {Inventory, InventoryApp} from '../inventory/types.js'
import {cleanScopes} from '../matrix/scope.js'
import type {Snapshot} from '../snapshot/types.js'

export type ScopesFrom = 'account' | 'flag' | 'inventory'

export interface AppTarget {
  id: string
  name: string
  scopes: string[]
  /** Where the scopes came from: the account (snapshot or Zoom), --scopes, or the inventory. */
  scopesFrom: ScopesFrom
  /** The inventory's mustKeep scopes for the app (empty without one). */
  mustKeep: string[]
}

export interface ResolvedApp {
  app: AppTarget
  /** The app's inventory entry, when an inventory was given and lists it. */
  entry?: InventoryApp
  /** --scopes was given but the account shows the app's own scopes, which win. */
  flagScopesIgnored: boolean
}

export interface AppSourceOptions {
  /** From --scopes (already split and cleaned); empty = not given. */
  scopes?: string[]
  inventory?: Inventory
  /** How the account was read, for the error message: a snapshot file, or live. */
  source: {snapshot?: string}
}

export function resolveApp(snapshot: Snapshot, rawId: string, options: AppSourceOptions): ResolvedApp {
  const id = rawId.trim()
  if (!id)
    throw new InputError('--app is empty.', {
      code: 'usage',
      actions: ['Give the app id (Zoom Marketplace "App ID", e.g. from "audit --json").'],
    })
  const entry = options.inventory?.apps.find((a) => a.id === id)
  const inAccount = snapshot.apps.find((a) => a.id === id)
  const flagScopes = options.scopes ?? []
  const mustKeep = cleanScopes(entry?.mustKeep ?? [])
  const name = (inAccount?.name || entry?.name || id).trim()

  if (inAccount) {
    return {
      app: {id, name, scopes: cleanScopes(inAccount.scopes), scopesFrom: 'account', mustKeep},
      entry,
      flagScopesIgnored: flagScopes.length > 0,
    }
  }
  if (flagScopes.length > 0)
    return {app: {id, name, scopes: flagScopes, scopesFrom: 'flag', mustKeep}, entry, flagScopesIgnored: false}
  if (entry?.scopes && cleanScopes(entry.scopes).length > 0) {
    return {
      app: {id, name, scopes: cleanScopes(entry.scopes), scopesFrom: 'inventory', mustKeep},
      entry,
      flagScopesIgnored: false,
    }
  }
  const where = options.source.snapshot
    ? `the snapshot ${options.source.snapshot} has no app "${id}"`
    : `Zoom does not show an app "${id}" to this account (GET /marketplace/apps/${id} answered 404)`
  const inventoryNote = entry ? ' (the inventory lists it, but without scopes)' : ''
  throw new InputError(`${where}${inventoryNote}.`, {
    code: 'app_not_found',
    actions: ['Check the id, or give the app\'s scopes with --scopes (or in the inventory\'s "scopes").'],
    appId: id,
  })
}
