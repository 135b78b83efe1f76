// Plain-text columns for people. Knows nothing of what the cells mean.

export interface TableOptions {
  /** Cells longer than this are cut with "…" (never the last column, which may wrap). */
  maxCellWidth?: number
  indent?: string
}

/** Visible width, ignoring ANSI colour codes. */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;]*m/g, '').length
}

export function renderTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const max = options.maxCellWidth ?? 60
  const indent = options.indent ?? ''
  const last = headers.length - 1
  const cut = (cell: string, column: number) =>
    column < last && visibleWidth(cell) > max ? `${cell.slice(0, max - 1)}…` : cell
  const cells = [headers, ...rows].map((row) => row.map((cell, column) => cut(cell, column)))
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => visibleWidth(row[column] ?? ''))))
  return cells
    .map(
      (row) =>
        indent +
        row
          .map((cell, column) => (column === last ? cell : cell + ' '.repeat(widths[column]! - visibleWidth(cell))))
          .join('  ')
          .trimEnd(),
    )
    .join('\n')
}
