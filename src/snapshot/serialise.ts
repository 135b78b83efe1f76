// A snapshot as it is written to a file: the one text form `snapshot --output` and `audit --save-snapshot` share,
// `${JSON.stringify(snapshot, null, 2)}\n` to the byte.
import {prettyJsonChunks} from '../json-text.js'
import type {Snapshot} from './types.js'

/**
 * The snapshot's text in pieces (src/json-text.ts): a file is written from them without the whole text, and a copy
 * of it as bytes, in memory at once — for 100 000 users that is tens of megabytes.
 */
export function* snapshotText(snapshot: Snapshot): Generator<string> {
  yield* prettyJsonChunks(snapshot)
  yield '\n'
}
