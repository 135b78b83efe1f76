// An inventory as a file: JSON in the shape of schemas/inventory.schema.json, or CSV with the columns
// parse-csv.ts reads (app_id,name,owner,scopes,must_keep; lists space-separated). Both load back unchanged, except
// a CSV name that a spreadsheet would run as a formula, which gains a leading apostrophe.
import {extname} from 'node:path'

import {stringify} from 'csv-stringify/sync'

import {spreadsheetSafe} from '../report/csv-cell.js'
import type {Inventory} from './types.js'

export type InventoryFormat = 'json' | 'csv'

export const INVENTORY_CSV_HEADER = ['app_id', 'name', 'owner', 'scopes', 'must_keep'] as const

/** By extension: `.csv` → CSV, `.json` → JSON; anything else is undefined (the caller says what it wants). */
export function inventoryFormatOf(file: string): InventoryFormat | undefined {
  const ext = extname(file).toLowerCase()
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined
}

export function renderInventory(inventory: Inventory, format: InventoryFormat): string {
  return format === 'csv' ? renderInventoryCsv(inventory) : renderInventoryJson(inventory)
}

export function renderInventoryJson(inventory: Inventory): string {
  // Fixed key order, so diffs between two runs show only what changed.
  const apps = inventory.apps.map((app) => ({
    id: app.id,
    ...(app.name !== undefined ? {name: app.name} : {}),
    owner: app.owner,
    ...(app.scopes !== undefined ? {scopes: app.scopes} : {}),
    ...(app.mustKeep !== undefined ? {mustKeep: app.mustKeep} : {}),
  }))
  return `${JSON.stringify({apps}, null, 2)}\n`
}

export function renderInventoryCsv(inventory: Inventory): string {
  const rows = inventory.apps.map((app) => [
    app.id,
    // The name is free text from the app's author: made spreadsheet-safe. Ids, owners and scopes are written exactly.
    spreadsheetSafe(app.name ?? ''),
    app.owner,
    (app.scopes ?? []).join(' '),
    (app.mustKeep ?? []).join(' '),
  ])
  // CRLF, as RFC 4180 and Excel expect (the audit's CSV does the same).
  return stringify([[...INVENTORY_CSV_HEADER], ...rows], {record_delimiter: 'windows'})
}
