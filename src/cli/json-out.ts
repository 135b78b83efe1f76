// --json output: exactly JSON.stringify(value, null, 2) and a newline, produced in pieces. A result with 100 000
// candidates is ~25 MB of text; building it as one string (and oclif's colouriser, which splits it into tokens first)
// is what made the peak memory of such a run. Long arrays are written item by item, in chunks of about 64 KB: small
// enough for V8's young generation (larger strings go to its large-object space, freed only by a full collection).
import {once} from 'node:events'
import type {Writable} from 'node:stream'

/** Arrays longer than this are written item by item. */
const STREAM_ARRAYS_LONGER_THAN = 256
const CHUNK_CHARS = 1 << 16

/** The text of JSON.stringify(value, null, 2) and a newline, in chunks of about 64 KB. */
export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = ''
  for (const piece of valuePieces(value, '')) {
    buffer += piece
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer
      buffer = ''
    }
  }
  yield `${buffer}\n`
}

/** Writes the chunks through `write` at once (for a stream that never pushes back, or a collector). */
export function writeJsonLines(value: unknown, write: (text: string) => void): void {
  for (const chunk of jsonChunks(value)) write(chunk)
}

/**
 * Writes the chunks to `stream`, waiting whenever it asks to (a pipe whose reader is slower than us would otherwise
 * hold the whole text in its buffer).
 */
export async function streamJsonLines(value: unknown, stream: Writable): Promise<void> {
  for (const chunk of jsonChunks(value)) if (!stream.write(chunk)) await once(stream, 'drain')
}

function* valuePieces(value: unknown, indent: string): Generator<string> {
  // Only plain data is split (what every command returns); anything else is written as JSON.stringify says.
  if (!hasLongArray(value)) {
    const plain = JSON.stringify(value, null, 2) as string | undefined
    yield plain === undefined ? 'null' : indented(plain, indent)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    yield '['
    for (const [index, item] of value.entries()) {
      yield `${index === 0 ? '' : ','}\n${inner}`
      // As in JSON.stringify: undefined, functions and symbols in an array are null.
      yield* valuePieces(omitted(item) ? null : item, inner)
    }
    yield `\n${indent}]`
    return
  }
  // As in JSON.stringify: keys whose value is undefined, a function or a symbol are left out.
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => !omitted(item))
  if (entries.length === 0) {
    yield '{}'
    return
  }
  yield '{'
  for (const [index, [key, item]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `
    yield* valuePieces(item, inner)
  }
  yield `\n${indent}}`
}

/** A long array somewhere in plain objects and arrays (not behind a toJSON, a class instance or a Map). */
function hasLongArray(value: unknown, depth = 0): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false
  if (Array.isArray(value))
    return value.length > STREAM_ARRAYS_LONGER_THAN || value.some((item) => hasLongArray(item, depth + 1))
  if (Object.getPrototypeOf(value) !== Object.prototype || 'toJSON' in value) return false
  return Object.values(value).some((item) => hasLongArray(item, depth + 1))
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function indented(text: string, indent: string): string {
  // JSON escapes newlines inside strings: every newline in the text is a line break of the layout.
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`)
}
