// Reading user-given files: one place that turns fs errors into InputErrors naming the file.
import {readFile} from 'node:fs/promises'

import {InputError} from '../errors.js'

export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : (code ?? 'unreadable')
    throw new InputError(`${file}: cannot read the ${what} (${reason})`, {code: 'unreadable_file', file})
  }
}
