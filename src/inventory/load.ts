// The inventory from a JSON or CSV file (by extension), checked: schema, one entry per app id.
import {extname} from 'node:path'

import {InputError} from '../errors.js'
import {parseJson} from '../input/parse-json.js'
import {readTextFile} from '../input/read-file.js'
import {assertSchema} from '../input/schema-check.js'
import type {Inventory} from './types.js'

export async function loadInventory(file: string): Promise<Inventory> {
  const text = await readTextFile(file, 'inventory')
  const inventory =
    extname(file).toLowerCase() === '.csv'
      ? // csv-parse is loaded only for CSV inventories (start-up time).
        (await import('./parse-csv.js')).parseInventoryCsv(text, file)
      : assertSchema('inventory', parseJson(text, file, 'inventory'), file, 'inventory')
  const seen = new Map<string, number>()
  for (const [i, app] of inventory.apps.entries()) {
    app.id = app.id.trim()
    app.owner = app.owner.trim()
    const first = seen.get(app.id)
    if (first !== undefined) {
      throw new InputError(`${file}: app "${app.id}" is listed twice (entries ${first + 1} and ${i + 1}).`, {
        code: 'duplicate_app',
        actions: ['Keep one.'],
        file,
        place: `/apps/${i}`,
      })
    }
    seen.set(app.id, i)
  }
  return inventory
}
