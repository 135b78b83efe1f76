// Plain-text columns for people. Knows nothing of what the cells mean.
import {textWidth, wrapText} from './wrap.js'

/** A cell's text, and the colour to paint each of its lines with once the text is laid out. */
export interface Cell {
  text: string
  paint?: (text: string) => string
}

export type CellInput = string | Cell

export interface TableOptions {
  /** Without `width`: cells longer than this are cut with "…" (never the last column, which may run on). */
  maxCellWidth?: number
  indent?: string
  /**
   * Fit every line in this many columns: the widest columns narrow (never below their header, nor below
   * `minColumnWidth` unless their content is narrower) and their cells wrap onto more lines. Nothing is cut.
   */
  width?: number
  minColumnWidth?: number
}

export interface TableLayout {
  header: string
  /** Each row's lines (one, or more when its cells wrap). */
  rows: string[][]
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[0-9;]*m/g

/** Visible width, ignoring ANSI colour codes. */
export function visibleWidth(text: string): number {
  return textWidth(text.includes('\u001B') ? text.replace(SGR, '') : text)
}

const asCell = (cell: CellInput | undefined): Cell => (typeof cell === 'string' ? {text: cell} : (cell ?? {text: ''}))

export function layoutTable(headers: string[], rows: CellInput[][], options: TableOptions = {}): TableLayout {
  const indent = options.indent ?? ''
  const last = headers.length - 1
  let cells = rows.map((row) => headers.map((_, column) => asCell(row[column])))
  if (options.width === undefined) {
    const max = options.maxCellWidth ?? 60
    cells = cells.map((row) =>
      row.map((cell, column) =>
        column < last && visibleWidth(cell.text) > max
          ? {...cell, text: `${[...cell.text].slice(0, max - 1).join('')}…`}
          : cell,
      ),
    )
  }
  // Every cell is measured once; a loop, not Math.max(...cells), which overflows the stack on a long table.
  const cellWidths = cells.map((row) => row.map((cell) => visibleWidth(cell.text)))
  const natural = headers.map((header) => visibleWidth(header))
  for (const row of cellWidths)
    for (let column = 0; column < natural.length; column++) natural[column] = Math.max(natural[column]!, row[column]!)
  const widths =
    options.width === undefined
      ? natural
      : fitWidths(
          natural,
          natural.map((n, column) =>
            Math.max(visibleWidth(headers[column]!), Math.min(n, options.minColumnWidth ?? 12)),
          ),
          options.width - textWidth(indent) - 2 * last,
        )
  /** One line: each column's text (painted) padded to the column's width, the last one not; `known`: their widths. */
  const line = (texts: string[], paints?: Array<Cell['paint']>, known?: number[]) => {
    let text = indent
    for (let column = 0; column <= last; column++) {
      const part = texts[column]!
      const paint = paints?.[column]
      if (column > 0) text += '  '
      text += paint && part !== '' ? paint(part) : part
      if (column < last) text += ' '.repeat(Math.max(0, widths[column]! - (known?.[column] ?? visibleWidth(part))))
    }
    return text.trimEnd()
  }

  return {
    header: line(headers),
    rows: cells.map((row, r) => {
      const texts = row.map((cell) => cell.text)
      const paints = row.map((cell) => cell.paint)
      // Pre-coloured strings (with ANSI codes) are never split: only plain text wraps.
      const fits = row.map((cell, column) => cellWidths[r]![column]! <= widths[column]! || cell.text.includes('\u001B'))
      if (!fits.includes(false)) return [line(texts, paints, cellWidths[r])]
      const wrapped = row.map((cell, column) => (fits[column] ? [cell.text] : wrapText(cell.text, widths[column]!)))
      let height = 1
      for (const lines of wrapped) height = Math.max(height, lines.length)
      return Array.from({length: height}, (_, i) =>
        line(
          wrapped.map((lines) => lines[i] ?? ''),
          paints,
        ),
      )
    }),
  }
}

/**
 * Column widths that fit in `available`: the widest column narrows (the leftmost of equally wide ones), one step at a
 * time, never below its `min`, until the columns fit or none can narrow. Steps = the excess width: cheap at any size.
 */
function fitWidths(natural: number[], min: number[], available: number): number[] {
  const widths = [...natural]
  let excess = widths.reduce((a, b) => a + b, 0) - available
  while (excess > 0) {
    let widest = -1
    for (let column = 0; column < widths.length; column++)
      if (widths[column]! > min[column]! && (widest < 0 || widths[column]! > widths[widest]!)) widest = column
    if (widest < 0) break
    widths[widest]!--
    excess--
  }
  return widths
}

export function renderTable(headers: string[], rows: CellInput[][], options: TableOptions = {}): string {
  const {header, rows: body} = layoutTable(headers, rows, options)
  return [header, ...body.flat()].join('\n')
}
