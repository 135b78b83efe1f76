// The inventory as a spreadsheet: columns found by header name in any order, RFC 4180 quoting,
// lists space-separated, an empty cell = absent. Errors name the line.
import {parse} from 'csv-parse/sync'

import {InputError} from '../errors.js'
import type {Inventory, InventoryApp} from './types.js'

const COLUMNS = {app_id: 'id', owner: 'owner', name: 'name', scopes: 'scopes', must_keep: 'mustKeep'} as const
type Column = keyof typeof COLUMNS

export function parseInventoryCsv(text: string, file: string): Inventory {
  let records: Array<{record: string[]; info: {lines: number}}>
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records
  } catch (error) {
    const line = (error as {lines?: number}).lines
    throw new InputError(
      `${file}${line ? `, line ${line}` : ''}: not valid CSV: ${(error as Error).message.replace(/^Invalid [^:]+: /, '')}`,
      {
        code: 'malformed_csv',
        file,
        place: line ? `line ${line}` : undefined,
      },
    )
  }
  const [header, ...rows] = records
  if (!header)
    throw new InputError(`${file}: the inventory CSV is empty (expected a header with app_id and owner).`, {
      code: 'malformed_csv',
      file,
      place: 'line 1',
    })

  const names = header.record.map((cell) => cell.trim().toLowerCase())
  for (const required of ['app_id', 'owner'] as const) {
    if (!names.includes(required)) {
      throw new InputError(
        `${file}, line ${header.info.lines}: the header has no "${required}" column (found: ${names.join(', ') || 'nothing'}).`,
        {
          code: 'missing_column',
          file,
          place: `line ${header.info.lines}`,
          column: required,
        },
      )
    }
  }
  const index = Object.fromEntries(Object.keys(COLUMNS).map((c) => [c, names.indexOf(c)])) as Record<Column, number>

  const apps = rows.map(({record, info}) => {
    if (record.length !== names.length) {
      throw new InputError(
        `${file}, line ${info.lines}: ${record.length} cells where the header has ${names.length}.`,
        {
          code: 'wrong_row_width',
          file,
          place: `line ${info.lines}`,
        },
      )
    }
    const cell = (column: Column) => (index[column] >= 0 ? (record[index[column]] ?? '').trim() : '')
    const list = (column: Column) =>
      cell(column)
        .split(/\s+/)
        .filter((s) => s.length > 0)
    if (cell('app_id') === '') {
      throw new InputError(`${file}, line ${info.lines}: the app_id cell is empty.`, {
        code: 'missing_app_id',
        file,
        place: `line ${info.lines}`,
      })
    }
    const app: InventoryApp = {id: cell('app_id'), owner: cell('owner')}
    if (cell('name')) app.name = cell('name')
    if (cell('scopes')) app.scopes = list('scopes')
    if (cell('must_keep')) app.mustKeep = list('must_keep')
    return app
  })
  return {apps}
}
