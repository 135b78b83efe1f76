// Reports hold emails: written owner-only (0600), whole or not at all (temp file + rename), folders created.
// Only a plain file is ever replaced (see output-path.ts), and an interrupted run (SIGINT, SIGTERM) leaves no temp file.
import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm, type FileHandle} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {InputError, ToolError} from '../errors.js'
import {checkOutputTarget} from './output-path.js'
import {tempFiles} from './temp-files.js'

/** What can be written: text, bytes, or text in chunks (a large report is never one string). */
export type FileContent = string | Uint8Array | Iterable<string>

/** Chunks are gathered up to this many bytes per write. */
const WRITE_SIZE = 1 << 20

/** `content` may also come as an async iterable of text (pieces made while the file is written). */
export async function writeFileAtomic(file: string, content: FileContent | AsyncIterable<string>): Promise<void> {
  // Again at write time: the path may have become a FIFO, a link or a folder while Zoom answered.
  const {path} = await checkOutputTarget(file)
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  tempFiles.track(temp)
  try {
    await mkdir(folder, {recursive: true})
    // 'wx': the temp name is new; an existing file or link there is never opened.
    const handle = await open(temp, 'wx', 0o600)
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content)
      else await writeChunks(handle, content)
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    // A renderer's own failure (while chunks are written) is not the output's fault: it stays what it is.
    if (error instanceof ToolError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    const {code} = error as NodeJS.ErrnoException
    throw new InputError(`${file}: cannot write the output (${code}).`, {code: 'unwritable_output', file})
  } finally {
    tempFiles.untrack(temp)
  }
}

async function writeChunks(handle: FileHandle, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  if (Symbol.asyncIterator in chunks) {
    for await (const piece of chunks) await writeAll(handle, Buffer.from(piece, 'utf8'))
    return
  }
  for (const bytes of utf8Batches(chunks, {reuse: true})) await writeAll(handle, bytes)
}

/**
 * Text in chunks as UTF-8 bytes, gathered in batches of about `size` bytes (default 1 MB). `reuse`: every batch is a view of one buffer,
 * valid until the next batch is asked for (each written and awaited in between) — a fresh Buffer per batch is external
 * memory that makes V8 collect garbage again and again; without it, each batch is a buffer of its own.
 */
export function* utf8Batches(
  chunks: Iterable<string>,
  {reuse, size = WRITE_SIZE}: {reuse: boolean; size?: number},
): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(size)
  let used = 0
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (used + chunk.length * 3 > buffer.length && used > 0) {
      yield buffer.subarray(0, used)
      if (!reuse) buffer = Buffer.allocUnsafe(size)
      used = 0
    }
    if (chunk.length * 3 > buffer.length) yield Buffer.from(chunk)
    else used += buffer.write(chunk, used)
  }
  if (used > 0) yield buffer.subarray(0, used)
}

/** write(2) may write less than asked: go on from where it stopped. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const {bytesWritten} = await handle.write(bytes, offset, bytes.length - offset)
    offset += bytesWritten
  }
}
