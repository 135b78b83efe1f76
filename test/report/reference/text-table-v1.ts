// REFERENCE ONLY: src/report/text-table.ts as it was before the table layout was rewritten for speed (main at 8f73c03), kept
// unchanged so table-layout-reference.test.ts can check the rewrite lays out every input byte for byte the same.
// Plain-text columns for people. Knows nothing of what the cells mean.
import {textWidth, wrapText} from './wrap-v1.js'

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

const SGR = /\u001B\[[0-9;]*m/g

/** Visible width, ignoring ANSI colour codes. */
export function visibleWidth(text: string): number {
  return textWidth(text.replace(SGR, ''))
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
  const natural = headers.map((header, column) =>
    Math.max(visibleWidth(header), ...cells.map((row) => visibleWidth(row[column]!.text))),
  )
  const widths = [...natural]
  if (options.width !== undefined) {
    const available = options.width - textWidth(indent) - 2 * last
    const floor = options.minColumnWidth ?? 12
    const min = natural.map((n, column) => Math.max(visibleWidth(headers[column]!), Math.min(n, floor)))
    // Narrow the widest column, one step at a time, until the table fits or nothing can narrow further.
    while (widths.reduce((a, b) => a + b, 0) > available) {
      let widest = -1
      for (const [column, w] of widths.entries())
        if (w > min[column]! && (widest < 0 || w > widths[widest]!)) widest = column
      if (widest < 0) break
      widths[widest]!--
    }
  }
  const line = (parts: Array<{text: string; paint?: (t: string) => string}>) =>
    (
      indent +
      parts
        .map(({text, paint}, column) => {
          const shown = paint && text !== '' ? paint(text) : text
          return column === last ? shown : shown + ' '.repeat(Math.max(0, widths[column]! - visibleWidth(text)))
        })
        .join('  ')
    ).trimEnd()

  return {
    header: line(headers.map((text) => ({text}))),
    rows: cells.map((row) => {
      // Pre-coloured strings (with ANSI codes) are never split: only plain text wraps.
      const wrapped = row.map((cell, column) =>
        visibleWidth(cell.text) <= widths[column]! || cell.text.includes('\u001B')
          ? [cell.text]
          : wrapText(cell.text, widths[column]!),
      )
      const height = Math.max(...wrapped.map((lines) => lines.length))
      return Array.from({length: height}, (_, i) =>
        line(row.map((cell, column) => ({text: wrapped[column]![i] ?? '', paint: cell.paint}))),
      )
    }),
  }
}

export function renderTable(headers: string[], rows: CellInput[][], options: TableOptions = {}): string {
  const {header, rows: body} = layoutTable(headers, rows, options)
  return [header, ...body.flat()].join('\n')
}
