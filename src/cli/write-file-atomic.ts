// Reports hold emails: written owner-only (0600), whole or not at all (temp file + rename), folders created.
import {randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {InputError} from '../errors.js'

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(file)
  const temp = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await mkdir(folder, {recursive: true})
    await writeFile(temp, content, {mode: 0o600})
    await rename(temp, file)
  } catch (error) {
    await rm(temp, {force: true})
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new InputError(`${file}: cannot write the output (${code}).`, {code: 'unwritable_output', file})
  }
}
