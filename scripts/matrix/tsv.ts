// Minimal reader for the tab-separated files in data/zoom/: a header line, then one record per line.
// The files never quote or escape fields, so splitting on tabs is exact.
import {readFileSync} from 'node:fs'

export type TsvRow = Record<string, string>

export function readTsv(file: string): TsvRow[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
  const header = lines.shift()?.split('\t')
  if (!header) throw new Error(`${file}: empty file`)
  return lines.map((line, index) => {
    const cells = line.split('\t')
    if (cells.length !== header.length) {
      throw new Error(`${file}:${index + 2}: ${cells.length} fields, expected ${header.length}`)
    }
    const row: TsvRow = {}
    header.forEach((name, i) => {
      row[name] = cells[i] ?? ''
    })
    return row
  })
}

/** A comma-joined list cell → its trimmed, non-empty items. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return []
  return cell
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}
