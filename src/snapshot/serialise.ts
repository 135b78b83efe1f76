// A snapshot as it is written to a file: the one text form `snapshot --output` and `audit --save-snapshot` share.
import type {Snapshot} from './types.js'

/**
 * Characters per piece, about: well below the 128 KB past which V8 keeps a string in its large-object space, where
 * making and freeing one costs milliseconds (writing 100 000 users in pieces of 180 KB took seconds, in pieces of
 * 64 KB a few hundred milliseconds).
 */
const PIECE_CHARS = 64 * 1024

export function serialiseSnapshot(snapshot: Snapshot): string {
  return [...snapshotText(snapshot)].join('')
}

/**
 * The text of `serialiseSnapshot`, `${JSON.stringify(snapshot, null, 2)}\n` to the byte, in pieces: a file can be
 * written from them without the whole text (and a copy of it as bytes) in memory at once, which for 100 000 users
 * is tens of megabytes. Each top-level array is cut between its items; everything else is JSON.stringify's own text.
 */
export function* snapshotText(snapshot: Snapshot): Generator<string> {
  // JSON.stringify leaves out members whose value is undefined.
  const members = Object.entries(snapshot).filter(([, value]) => value !== undefined)
  if (members.length === 0) {
    yield '{}\n'
    return
  }
  for (const [index, [key, value]] of members.entries()) {
    yield `${index === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `
    if (Array.isArray(value) && value.length > 0) yield* arrayText(value)
    else yield indented(JSON.stringify(value, null, 2), 1)
  }
  yield '\n}\n'
}

/** A non-empty array one level deep, as JSON.stringify(…, null, 2) writes it there, cut between items. */
function* arrayText(items: readonly unknown[]): Generator<string> {
  let piece = '['
  for (const [index, item] of items.entries()) {
    // JSON.stringify writes null for an item that has no JSON form (undefined, a function).
    piece += `${index === 0 ? '' : ','}\n    ${indented(JSON.stringify(item, null, 2) ?? 'null', 2)}`
    if (piece.length >= PIECE_CHARS) {
      yield piece
      piece = ''
    }
  }
  yield `${piece}\n  ]`
}

/** Text of JSON.stringify(…, null, 2) moved `depth` levels in. Its strings never hold a raw line break. */
function indented(text: string, depth: number): string {
  return text.replace(/\n/g, `\n${'  '.repeat(depth)}`)
}
