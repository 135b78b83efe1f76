// writeFileAtomic's guarantees (owner-only 0600, whole or not at all, only a plain file replaced, no temp file left
// by SIGINT/SIGTERM) for a text written piece by piece: a large output (a snapshot of 100 000 users) never has to
// be in memory as one string and again as bytes.
import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {InputError, ToolError} from '../errors.js'
import {checkOutputTarget} from './output-path.js'
import {tempFiles} from './temp-files.js'

export async function writeTextAtomic(file: string, pieces: Iterable<string> | AsyncIterable<string>): Promise<void> {
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
      for await (const piece of pieces) {
        const bytes = Buffer.from(piece, 'utf8')
        // A write may take fewer bytes than it was given: go on from where it stopped.
        for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten
      }
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    const code = (error as NodeJS.ErrnoException).code
    // Only the file system's refusals (EACCES, ENOSPC, …) are about the output; anything else is a fault of ours.
    if (error instanceof ToolError || typeof code !== 'string') throw error
    throw new InputError(`${file}: cannot write the output (${code}).`, {code: 'unwritable_output', file})
  } finally {
    tempFiles.untrack(temp)
  }
}
