// Terminal colour, decided once by the caller (TTY, NO_COLOR, --no-color) and passed to renderers.

export interface Style {
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  yellow(text: string): string
  green(text: string): string
  cyan(text: string): string
}

const wrap = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`
const same = (text: string) => text

export function createStyle(colour: boolean): Style {
  if (!colour) return {bold: same, dim: same, red: same, yellow: same, green: same, cyan: same}
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  }
}

/** Colour only for a terminal, and never with NO_COLOR or --no-color. */
export function shouldColour(stream: {isTTY?: boolean}, flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag && Boolean(stream.isTTY) && env.NO_COLOR === undefined
}

/** Columns people's text may use: the terminal's width, or 80 when stdout is not a terminal (a file, a pipe). */
export function terminalWidth(stream: {isTTY?: boolean; columns?: number} = process.stdout): number {
  const columns = stream.isTTY ? stream.columns : undefined
  return columns && columns > 0 ? Math.max(40, columns) : 80
}
