// Reading user-given files: one place that turns fs errors into InputErrors naming the file.
import {readFile} from 'node:fs/promises'

import {InputError} from '../errors.js'

/** What to do when a file cannot be read, by fs error code (only where the answer is plain). */
const ACTIONS: Readonly<Record<string, string[]>> = {
  ENOENT: ['Check the path.'],
  EACCES: ['Give the user running zoom-scope-audit permission to read it.'],
  EISDIR: ['Name the file, not its folder.'],
}

export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    // Bytes first, then one decoding: readFile(file, 'utf8') decodes chunk by chunk, about twice as slow for the
    // tens of megabytes of a large snapshot. The text is the same (invalid UTF-8 becomes U+FFFD either way).
    return (await readFile(file)).toString('utf8')
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
    const actions = ACTIONS[code ?? '']
    throw new InputError(`${file}: cannot read the ${what} (${reason}).`, {
      code: 'unreadable_file',
      file,
      ...(actions ? {actions} : {}),
    })
  }
}
