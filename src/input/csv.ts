// RFC 4180 CSV with exact line numbers: each record knows the line it starts on, a quoted cell that never closes is
// reported at the line where it opens, and CRLF, LF or CR all count as one line break (inside quotes too).
// A small parser of our own because csv-parse reports the line where a record ends, counts a quoted CRLF twice and
// places an unclosed quote at the end of the file.

export interface CsvRecord {
  cells: string[]
  /** 1-based line where the record starts. */
  line: number
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
    this.name = 'CsvSyntaxError'
  }
}

/** What a spreadsheet may use between cells: Excel in many European locales saves with ";". */
export const CSV_DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

/** Without the byte-order mark Excel puts first. */
export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '')
}

/**
 * The delimiter of a file, from its header (first record): the first of `,` `;` TAB under which the header has every
 * `expected` column name (compared trimmed, case-insensitively); `,` when none does, so the missing column is named.
 */
export function detectDelimiter(text: string, expected: readonly string[]): CsvDelimiter {
  for (const delimiter of CSV_DELIMITERS) {
    let header: CsvRecord | undefined
    try {
      header = parseCsv(text, delimiter, {limit: 1})[0]
    } catch {
      continue
    }
    const names = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase())
    if (expected.every((name) => names.includes(name))) return delimiter
  }
  return ','
}

/** Records of the text (BOM dropped, empty lines skipped). Throws CsvSyntaxError naming the line. */
export function parseCsv(text: string, delimiter: CsvDelimiter, options: {limit?: number} = {}): CsvRecord[] {
  const body = stripBom(text)
  const records: CsvRecord[] = []
  const limit = options.limit ?? Infinity
  let i = 0
  let line = 1

  /** Index just past the line break at `at` (CRLF, LF or CR), or `at` when there is none. */
  const pastBreak = (at: number): number =>
    body[at] === '\r' ? (body[at + 1] === '\n' ? at + 2 : at + 1) : body[at] === '\n' ? at + 1 : at

  while (i < body.length && records.length < limit) {
    const start = line
    const from = i
    const cells: string[] = []
    for (;;) {
      let cell = ''
      if (body[i] === '"') {
        const opened = line
        i++
        for (;;) {
          const close = body.indexOf('"', i)
          if (close === -1) {
            throw new CsvSyntaxError(`a quoted cell opens here and is never closed`, opened)
          }
          const chunk = body.slice(i, close)
          line += countBreaks(chunk)
          cell += chunk
          if (body[close + 1] === '"') {
            cell += '"'
            i = close + 2
            continue
          }
          i = close + 1
          break
        }
        const next = body[i]
        if (i < body.length && next !== delimiter && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(`text after the closing quote of a quoted cell (quote it whole, doubling "")`, line)
        }
      } else {
        let end = i
        while (end < body.length && body[end] !== delimiter && body[end] !== '\r' && body[end] !== '\n') end++
        cell = body.slice(i, end)
        i = end
      }
      cells.push(cell)
      if (body[i] === delimiter) {
        i++
        continue
      }
      break
    }
    // At a line break or the end of the text; a line with nothing on it is no record.
    if (i > from) records.push({cells, line: start})
    const after = pastBreak(i)
    if (after !== i) line++
    i = after
  }
  return records
}

/** Line breaks in a piece of text, CRLF counted once. */
function countBreaks(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') count++
    else if (text[i] === '\r') {
      count++
      if (text[i + 1] === '\n') i++
    }
  }
  return count
}
