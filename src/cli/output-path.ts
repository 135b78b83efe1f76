// Where the tool may write: only plain files, never one of the run's own inputs, never through a symlink. Checked
// once when a command starts (so an impossible path fails in a second, before any request to Zoom) and again just
// before each write (the path may have changed while Zoom answered).
//
// Symlinks are refused rather than followed: the tool often runs as root in CI, where a link planted in a shared
// folder would otherwise redirect a report full of emails, or replace a system file, and a link resolved now could
// point elsewhere by the time the file is written. Giving the link's target itself is always possible.
import {randomBytes} from 'node:crypto'
import type {Stats} from 'node:fs'
import {lstat, open, readlink, realpath, rm, stat} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, parse, sep} from 'node:path'

import {InputError} from '../errors.js'
import {tempFiles} from './temp-files.js'

/** Flag values by flag name (without the dashes), as oclif parses them. */
export type PathFlags = Record<string, unknown>

/**
 * Pre-flight check for a command: every output flag that is set must name a plain file (or nothing yet) in a folder
 * the tool can create files in, distinct from every input flag's file and from the other outputs.
 */
export async function checkOutputPaths(flags: PathFlags, names: {outputs: string[]; inputs: string[]}): Promise<void> {
  const outputs = pathsOf(flags, names.outputs)
  const inputs = pathsOf(flags, names.inputs)
  const seen: Array<{flag: string} & OutputTarget> = []
  for (const {flag, file} of outputs) {
    const target = await checkOutputTarget(file, flag)
    const stats = target.existing
    for (const other of seen) {
      if (other.path === target.path || sameInode(other.existing, stats)) {
        throw refused(file, flag, `is also given to ${other.flag}: two outputs cannot share one file`)
      }
    }
    seen.push({flag, ...target})
    if (!stats) continue
    for (const input of inputs) {
      const inputStats = await stat(input.file).catch(() => undefined)
      if (sameInode(stats, inputStats)) {
        const spelled = input.file === file ? '' : ` (${input.file})`
        throw refused(
          file,
          flag,
          `is the same file as ${input.flag}${spelled}: writing it would destroy that input; choose another path`,
        )
      }
    }
  }
}

export interface OutputTarget {
  /** Where the file goes: through real folders only (links and `..` resolved as the system would), ending in its name. */
  path: string
  /** The plain file there now, if any. */
  existing?: Stats
}

/**
 * The checks of one output path: what is there now (a plain file, or nothing) and whether its folder accepts new
 * files. `flag` only makes the message name the flag.
 */
export async function checkOutputTarget(file: string, flag?: string): Promise<OutputTarget> {
  const path = await canonicalPath(file, flag)
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw refused(file, flag, `cannot be examined (${reasonOf(error)})`)
  })
  if (existing?.isSymbolicLink()) {
    const target = await readlink(file).catch(() => '?')
    throw refused(
      file,
      flag,
      `is a symbolic link (to ${target}); the tool does not write through links: give the real path`,
    )
  }
  if (existing && !existing.isFile()) {
    throw refused(file, flag, `is ${kindOf(existing)}, not a plain file; the tool writes only plain files`)
  }
  await checkFolderWritable(path, file, flag)
  return {path, ...(existing ? {existing} : {})}
}

/**
 * The path with every existing folder on the way replaced by its real path, as the system would walk it (a `..`
 * after a linked folder leaves the link's target), and folders still to be created kept by name. Writing there, and
 * comparing it with the inputs, is then writing and comparing what the system would write.
 */
async function canonicalPath(file: string, flag?: string): Promise<string> {
  const absolute = isAbsolute(file) ? file : `${process.cwd()}${sep}${file}`
  const parts = absolute.split(sep).filter((part) => part !== '' && part !== '.')
  const name = parts.pop()
  if (name === undefined || name === '..' || file.endsWith(sep)) throw refused(file, flag, 'names a folder, not a file')
  let current = parse(absolute).root
  let exists = true
  for (const part of parts) {
    if (part === '..') {
      current = dirname(current)
      continue
    }
    const next = join(current, part)
    if (exists) {
      const stats = await stat(next).catch(() => undefined)
      if (stats && !stats.isDirectory()) {
        throw refused(file, flag, `cannot be created: ${next} is ${kindOf(stats)}, not a folder`)
      }
      if (stats) {
        current = await realpath(next)
        continue
      }
      exists = false
    }
    current = next
  }
  return join(current, name)
}

/** The nearest folder that exists above the file must be a folder that takes a new file; a probe file proves it. */
async function checkFolderWritable(path: string, file: string, flag?: string): Promise<void> {
  let folder = dirname(path)
  for (;;) {
    const stats = await lstat(folder).catch(() => undefined)
    if (stats?.isSymbolicLink()) {
      const target = await stat(folder).catch(() => undefined)
      if (target?.isDirectory()) break
      throw refused(file, flag, `cannot be created: ${folder} is not a folder`)
    }
    if (stats?.isDirectory()) break
    if (stats) throw refused(file, flag, `cannot be created: ${folder} is ${kindOf(stats)}, not a folder`)
    const parent = dirname(folder)
    if (parent === folder) throw refused(file, flag, 'cannot be created: no folder above it exists')
    folder = parent
  }
  const probe = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.probe`)
  tempFiles.track(probe)
  try {
    const handle = await open(probe, 'wx', 0o600)
    await handle.close()
  } catch (error) {
    throw refused(file, flag, `cannot be created: ${folder} does not accept new files (${reasonOf(error)})`)
  } finally {
    await rm(probe, {force: true}).catch(() => undefined)
    tempFiles.untrack(probe)
  }
}

function pathsOf(flags: PathFlags, names: string[]): Array<{flag: string; file: string}> {
  return names.flatMap((name) => {
    const value = flags[name]
    const files = Array.isArray(value) ? value : [value]
    return files
      .filter((f): f is string => typeof f === 'string' && f !== '')
      .map((file) => ({flag: `--${name}`, file}))
  })
}

function sameInode(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino
}

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file'
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSymbolicLink()) return 'a symbolic link'
  return 'not a plain file'
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such folder',
    ENOTDIR: 'not a folder',
    ENOSPC: 'no space left',
  }
  return code ? `${code}${words[code] ? `: ${words[code]}` : ''}` : 'unknown error'
}

function refused(file: string, flag: string | undefined, why: string): InputError {
  return new InputError(`${file}${flag ? ` (${flag})` : ''} ${why}. Nothing was written.`, {
    code: 'unwritable_output',
    file,
    ...(flag ? {place: flag} : {}),
  })
}
