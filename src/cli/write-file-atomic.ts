// Reports hold emails: written owner-only (0600), whole or not at all (temp file + rename), folders created.
// Only a plain file is ever replaced (see output-path.ts), and an interrupted run (SIGINT, SIGTERM) leaves no temp file.
import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {InputError, ToolError} from '../errors.js'
import {checkOutputTarget} from './output-path.js'
import {tempFiles} from './temp-files.js'

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  // Again at write time: the path may have become a FIFO, a link or a folder while Zoom answered.
  const {path} = await checkOutputTarget(file)
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  tempFiles.track(temp)
  try {
    await mkdir(folder, {recursive: true})
    // 'wx': the temp name is new; an existing file or link there is never opened.
    await writeFile(temp, content, {mode: 0o600, flag: 'wx'})
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    if (error instanceof ToolError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new InputError(`${file}: cannot write the output (${code}).`, {code: 'unwritable_output', file})
  } finally {
    tempFiles.untrack(temp)
  }
}
