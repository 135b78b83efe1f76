// An inventory template from the account's apps, and a merge of it into an inventory the admin already started.
// Pure. The owner is the one thing Zoom cannot tell us: a fresh template leaves it empty for the admin to fill in
// (the audit reports empty owners as owner-unknown).
import type {SnapshotApp} from '../snapshot/types.js'
import {compareText} from '../text-order.js'
import type {Inventory, InventoryApp} from './types.js'

export interface TemplateResult {
  inventory: Inventory
  /** Ids of apps that were not in the existing inventory (all of them for a fresh template). */
  added: string[]
  /** Ids of apps of the existing inventory that the account still has (their owners, names, mustKeep are kept). */
  kept: string[]
  /** Ids of apps of the existing inventory that the account no longer shows: kept as they were. */
  gone: string[]
  /** Entries whose owner is still empty. */
  ownersMissing: number
}

/** The account's apps; apps a snapshot knows only from an inventory are not the account's. */
function accountApps(apps: readonly SnapshotApp[]): SnapshotApp[] {
  return apps.filter((app) => app.source !== 'inventory')
}

/** One entry per app, owner empty, ordered by name then id (how an admin scans a spreadsheet). */
export function inventoryTemplate(apps: readonly SnapshotApp[]): TemplateResult {
  const entries = sortedByName(accountApps(apps)).map(fromAccount)
  return {
    inventory: {apps: entries},
    added: entries.map((e) => e.id),
    kept: [],
    gone: [],
    ownersMissing: entries.length,
  }
}

/**
 * The existing inventory, in its order, with each app's scopes refreshed from the account (owner, name and mustKeep
 * as the admin left them; an empty name is filled from the account), then the account's new apps (by name).
 * Apps the account no longer shows stay as they were: the audit will report them as app-not-found.
 */
export function mergeInventory(existing: Inventory, apps: readonly SnapshotApp[]): TemplateResult {
  const account = new Map(accountApps(apps).map((app) => [app.id, app]))
  const kept: string[] = []
  const gone: string[] = []
  const merged = existing.apps.map((entry): InventoryApp => {
    const app = account.get(entry.id)
    if (!app) {
      gone.push(entry.id)
      return {...entry}
    }
    kept.push(entry.id)
    const name = entry.name?.trim() ? entry.name : app.name
    return {
      id: entry.id,
      ...(name ? {name} : {}),
      owner: entry.owner,
      scopes: [...app.scopes],
      ...(entry.mustKeep && entry.mustKeep.length > 0 ? {mustKeep: [...entry.mustKeep]} : {}),
    }
  })
  const known = new Set(existing.apps.map((e) => e.id))
  const added = sortedByName([...account.values()].filter((app) => !known.has(app.id))).map(fromAccount)
  const entries = [...merged, ...added]
  return {
    inventory: {apps: entries},
    added: added.map((e) => e.id),
    kept,
    gone,
    ownersMissing: entries.filter((e) => e.owner.trim() === '').length,
  }
}

function fromAccount(app: SnapshotApp): InventoryApp {
  return {id: app.id, ...(app.name ? {name: app.name} : {}), owner: '', scopes: [...app.scopes]}
}

function sortedByName(apps: SnapshotApp[]): SnapshotApp[] {
  const key = (app: SnapshotApp) => (app.name || app.id).toLowerCase()
  return [...apps].sort((a, b) => compareText(key(a), key(b)) || compareText(a.id, b.id))
}
