// Which format a command writes, from --format, --json and the --output file's extension, so that the three never
// say different things: `--output report.csv` writes CSV, and a contradiction is a usage error (exit 2), not a guess.
import {extname} from 'node:path'

import {InputError} from '../errors.js'

/** File extensions and the format name each one means (only formats a command registers count). */
const EXTENSION_FORMATS: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'markdown',
  '.markdown': 'markdown',
  // The table as it shows on a terminal, without colour.
  '.txt': 'table',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
}

export interface FormatChoice<F extends string> {
  /** --format, when given. */
  format?: F | undefined
  /** --output, when given. */
  output?: string | undefined
  /** oclif's --json. */
  json: boolean
}

/** The format an extension names, or undefined when it names none of `formats`. */
export function formatOfExtension<F extends string>(file: string, formats: readonly F[]): F | undefined {
  const format = EXTENSION_FORMATS[extname(file).toLowerCase()]
  return formats.find((f) => f === format)
}

/**
 * --format wins when given; else --json means json; else the --output extension decides; else `fallback`.
 * An extension that names another format than --format / --json, or --json with a non-JSON --format, is exit 2.
 */
export function resolveFormat<F extends string>(choice: FormatChoice<F>, formats: readonly F[], fallback: F): F {
  const {format, output, json} = choice
  if (json && format !== undefined && format !== 'json') {
    throw new InputError(`--json writes JSON, but --format says ${format}.`, {
      code: 'usage',
      place: '--json',
      actions: ['Drop one of them.'],
    })
  }
  const wanted = format ?? (json ? formats.find((f) => f === 'json') : undefined)
  if (output === undefined) return wanted ?? fallback

  const ext = extname(output).toLowerCase()
  const fromExtension = formatOfExtension(output, formats)
  if (wanted !== undefined) {
    if (fromExtension !== undefined && fromExtension !== wanted) {
      throw new InputError(
        `--output ${output} is a ${ext} file, but ${format !== undefined ? `--format ${format}` : '--json'} writes ${wanted}.`,
        {code: 'usage', place: '--output', actions: ['Make them agree.']},
      )
    }
    return wanted
  }
  if (fromExtension !== undefined) return fromExtension
  if (ext === '') return fallback
  throw new InputError(`--output ${output}: ${ext} names no report format (${knownExtensions(formats)}).`, {
    code: 'usage',
    place: '--output',
    actions: ['Give --format.'],
  })
}

/** For files that only hold JSON (a snapshot): an extension naming another format is exit 2. */
export function assertJsonFile(file: string, flag: string): void {
  const format = EXTENSION_FORMATS[extname(file).toLowerCase()]
  if (format !== undefined && format !== 'json') {
    throw new InputError(`${flag} ${file}: a snapshot is JSON.`, {
      code: 'usage',
      place: flag,
      actions: ['Name the file .json.'],
    })
  }
}

function knownExtensions(formats: readonly string[]): string {
  return Object.entries(EXTENSION_FORMATS)
    .filter(([, format]) => formats.includes(format))
    .map(([ext]) => ext)
    .join(', ')
}
