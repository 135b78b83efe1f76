// Text to stdout in pieces. A result with 100 000 candidates is ~25 MB of --json text and a report of 10 000 apps
// over 100 MB: building either as one string (and oclif's colouriser, which splits it into tokens first) is what made
// the peak memory of such runs. The JSON text itself comes from src/json-text.ts; here it is only written.
import {prettyJsonChunks} from '../json-text.js'
import {utf8Batches} from './write-file-atomic.js'

/** The text of JSON.stringify(value, null, 2) and a newline, in pieces. */
export function* jsonLines(value: unknown): Generator<string> {
  yield* prettyJsonChunks(value)
  yield '\n'
}

/** Bytes per write to a stream: a pipe's buffer on Linux, so a slow reader never has much of the text waiting. */
const STREAM_BATCH = 1 << 16

/** Writes the value's JSON text through `write` at once, in batches of bytes (a stream that never pushes back). */
export function writeJsonLines(value: unknown, write: (bytes: Uint8Array) => void): void {
  for (const bytes of utf8Batches(jsonLines(value), {reuse: false, size: STREAM_BATCH})) write(bytes)
}

/** Writes the value's JSON text to `stream`, waiting whenever it asks to (see writeTextChunks). */
export function streamJsonLines(value: unknown, stream: NodeJS.WritableStream): Promise<void> {
  return writeTextChunks(stream, jsonLines(value))
}

/**
 * Text in chunks to a stream, in batches of bytes, waiting whenever the stream asks to (a pipe whose reader is slower
 * than us would otherwise hold the whole text in its buffer); ends with a newline.
 */
export async function writeTextChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let last = 0x0a
  for (const bytes of utf8Batches(chunks, {reuse: false, size: STREAM_BATCH})) {
    if (bytes.length === 0) continue
    last = bytes[bytes.length - 1]!
    if (!stream.write(bytes)) await drained(stream)
  }
  if (last !== 0x0a) stream.write('\n')
}

/** The stream can take more, or it will never (closed, failed): either way, waiting is over. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) stream.off(event, done)
      resolve()
    }
    for (const event of ['drain', 'close', 'error']) stream.on(event, done)
  })
}
