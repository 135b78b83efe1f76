// The inventory as a spreadsheet: columns found by header name in any order, RFC 4180 quoting, cells separated by
// "," ";" or TAB (whichever the header line uses), lists space-separated, an empty cell = absent. Errors name the line.
import {CsvSyntaxError, detectDelimiter, parseCsv, type CsvRecord} from '../input/csv.js'
import {InputError} from '../errors.js'
import type {Inventory, InventoryApp} from './types.js'

const COLUMNS = {
  app_id: 'id',
  owner: 'owner',
  name: 'name',
  scopes: 'scopes',
  must_keep: 'mustKeep',
  type: 'type',
} as const
type Column = keyof typeof COLUMNS
const REQUIRED = ['app_id', 'owner'] as const

export function parseInventoryCsv(text: string, file: string): Inventory {
  let records: CsvRecord[]
  try {
    records = parseCsv(text, detectDelimiter(text, REQUIRED))
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    throw new InputError(`${file}, line ${error.line}: not valid CSV: ${error.message}.`, {
      code: 'malformed_csv',
      file,
      place: `line ${error.line}`,
    })
  }
  const [header, ...rows] = records
  if (!header)
    throw new InputError(`${file}: the inventory CSV is empty (expected a header with app_id and owner).`, {
      code: 'malformed_csv',
      file,
      place: 'line 1',
    })

  const names = header.cells.map((cell) => cell.trim().toLowerCase())
  for (const required of REQUIRED) {
    if (!names.includes(required)) {
      throw new InputError(
        `${file}, line ${header.line}: the header has no "${required}" column (found: ${names.join(', ') || 'nothing'}; cells separated by a comma, a semicolon or a tab).`,
        {
          code: 'missing_column',
          file,
          place: `line ${header.line}`,
          column: required,
        },
      )
    }
  }
  const index = Object.fromEntries(Object.keys(COLUMNS).map((c) => [c, names.indexOf(c)])) as Record<Column, number>

  const apps = rows.map(({cells: record, line}) => {
    if (record.length !== names.length) {
      throw new InputError(`${file}, line ${line}: ${record.length} cells where the header has ${names.length}.`, {
        code: 'wrong_row_width',
        file,
        place: `line ${line}`,
      })
    }
    const cell = (column: Column) => (index[column] >= 0 ? (record[index[column]] ?? '').trim() : '')
    const list = (column: Column) =>
      cell(column)
        .split(/\s+/)
        .filter((s) => s.length > 0)
    if (cell('app_id') === '') {
      throw new InputError(`${file}, line ${line}: the app_id cell is empty.`, {
        code: 'missing_app_id',
        file,
        place: `line ${line}`,
      })
    }
    const app: InventoryApp = {id: cell('app_id'), owner: cell('owner')}
    if (cell('name')) app.name = cell('name')
    if (cell('scopes')) app.scopes = list('scopes')
    if (cell('must_keep')) app.mustKeep = list('must_keep')
    if (cell('type')) app.type = cell('type')
    return app
  })
  return {apps}
}
