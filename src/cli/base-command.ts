// What every command shares: help sections, one way to present a result (--json, colour, width and notes decided
// once), and one way to fail — a single line (or `{"error": …}` with --json) with the documented exit code, never a
// stack trace unless DEBUG is set.
import {Command, Errors} from '@oclif/core'

import {ExitCode, ToolError, withActions, type ErrorCode} from '../errors.js'
import {createStyle, shouldColour, terminalWidth, type Style} from '../report/style.js'
import {optionHint} from './flags.js'
import {offlineEnvironment, type HelpEntry} from './help-sections.js'
import {streamJsonLines, writeJsonLines, writeTextChunks} from './json-out.js'
import {writeFileAtomic, type FileContent} from './write-file-atomic.js'

export interface ErrorReport {
  code: ErrorCode
  message: string
  exitCode: number
  [detail: string]: unknown
}

/** What every renderer is given. */
export interface RenderOptions {
  style: Style
  /** Columns to fit: the terminal's, or 80 when stdout is not a terminal (or the output is a file). */
  width: number
}

/**
 * The one renderer shape: a pure function from a command's result to text — one string, or chunks for output too
 * large to hold as one (an iterable that can be iterated again) — or, for a binary format, bytes.
 */
export type Renderer<R> = (result: R, options: RenderOptions) => Rendered | Promise<Rendered>
export type Rendered = FileContent

/** A result type's renderers by format name (`text` when a command has one human format). */
export type Renderers<R> = Readonly<Record<string, Renderer<R>>>

export interface PresentOptions {
  /** The format to render (a key of the renderers); default: the first one. */
  format?: string
  /** --color / --no-color (NO_COLOR and a non-terminal stdout turn colour off anyway). */
  color?: boolean
  /** --output: write there (no colour, 80 columns) instead of stdout. */
  output?: string
}

export const DEFAULT_WIDTH = 80

export abstract class BaseCommand extends Command {
  static enableJsonFlag = true

  /** The variables the command reads, for the ENVIRONMENT section of its --help. */
  static environment: readonly HelpEntry[] = offlineEnvironment()
  /** What each exit code means for this command, for the EXIT CODES section of its --help. */
  static exitCodes: readonly HelpEntry[] = []

  private readonly notes: string[] = []
  private jsonWritten = false

  /** A sentence meant for the user (an expired acceptance, an ignored flag, a warning): on stderr now, and in --json
   * output as `notes`. */
  protected note(text: string): void {
    this.notes.push(text)
    process.stderr.write(`${text}\n`)
  }

  /**
   * Show the result: nothing with --json (oclif prints the returned result, with the notes), else the renderer for
   * `format`, coloured only on a terminal, fitted to its width, on stdout or into --output.
   */
  protected async present<R extends object>(
    result: R,
    renderers: Renderers<R>,
    {format, color = true, output}: PresentOptions = {},
  ): Promise<void> {
    const name = this.jsonEnabled() ? 'json' : (format ?? Object.keys(renderers)[0]!)
    if (this.jsonEnabled() && output === undefined) return
    const renderer = renderers[name]
    if (!renderer) throw new Error(`no ${name} renderer for ${this.id ?? 'this command'}`)
    const style = createStyle(output === undefined && shouldColour(process.stdout, color))
    const width = output === undefined ? terminalWidth() : DEFAULT_WIDTH
    const rendered = await renderer(name === 'json' ? this.withNotes(result) : result, {style, width})
    if (output !== undefined) await writeFileAtomic(output, rendered)
    else if (rendered instanceof Uint8Array) process.stdout.write(rendered)
    else if (typeof rendered === 'string') process.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`)
    else await writeTextChunks(process.stdout, rendered)
  }

  protected override toSuccessJson(result: unknown): unknown {
    return typeof result === 'object' && result !== null && !Array.isArray(result) ? this.withNotes(result) : result
  }

  /**
   * The same text as oclif's (JSON, two-space indent, one newline), written in pieces (json-out.ts): oclif's
   * colouriser splits the whole text into tokens first, which for 100 000 candidates costs seconds and hundreds of
   * MB. --json output is never coloured.
   */
  override logJson(json: unknown): void {
    if (this.jsonWritten) return
    writeJsonLines(json, (bytes) => process.stdout.write(bytes))
  }

  /**
   * With --json, write the result (and the notes so far) now rather than when the command returns, waiting for
   * stdout whenever it asks to: a reader slower than us (a pipe) would otherwise have the whole text buffered here.
   */
  protected async writeJson<R extends object>(result: R): Promise<void> {
    await streamJsonLines(this.withNotes(result), process.stdout)
    this.jsonWritten = true
  }

  private withNotes<R extends object>(result: R): R & {notes: string[]} {
    return {...result, notes: [...this.notes]}
  }

  override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}; code?: string}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const report = describeError(error)
    process.exitCode = report.exitCode
    if (this.jsonEnabled()) {
      this.logJson({error: report})
    } else {
      process.stderr.write(`Error: ${report.message}\n`)
      if (process.env.DEBUG && report.exitCode === ExitCode.internal && error.stack)
        process.stderr.write(`${error.stack}\n`)
    }
    // oclif's handler exits with this code without printing anything more.
    throw new Errors.ExitError(report.exitCode)
  }
}

export function describeError(error: Error & {oclif?: {exit?: number}; code?: string}): ErrorReport {
  if (error instanceof ToolError) {
    const actions = error.actions.length > 0 ? {actions: error.actions} : {}
    return {
      ...error.details,
      code: error.code,
      message: withActions(error.message, error.actions),
      ...actions,
      exitCode: error.exitCode,
    }
  }
  // oclif's own parse errors (unknown flag, missing argument, bad option) are usage errors: exit 2.
  if (error instanceof Errors.CLIError || error.oclif?.exit !== undefined) {
    return {code: 'usage', message: `${usageSentence(error.message)} (see --help)`, exitCode: ExitCode.badInput}
  }
  const report = `This is a bug in zoom-scope-audit; please report it${process.env.DEBUG ? '' : ' (run with DEBUG=1 for the stack trace)'}.`
  return {
    code: 'internal',
    message: withActions(`internal error: ${error.message}.`, [report]),
    actions: [report],
    exitCode: ExitCode.internal,
  }
}

/** oclif's usage messages as one plain sentence: no "The following error occurred:" heading, no colour, no list. */
function usageSentence(message: string): string {
  const text = message
    // eslint-disable-next-line no-control-regex -- oclif dims the reasons with ANSI codes
    .replaceAll(/\u001B\[[0-9;]*m/g, '')
    .replace(/\n+See more help with --help\s*$/, '')
    .replace(/^The following errors? occurred:\s*/, '')
    .replace(/^Parsing (--[\w-]+)\s*\n\s*/, '$1: ')
  const missingArgs = /^Missing \d+ required args?:\n([\s\S]*?)(?:\n\n|$)/.exec(text)
  if (missingArgs) {
    const args = missingArgs[1]!.split('\n').map((line) => line.trim().split(/\s{2,}/))
    return `missing ${args.map(([name, about]) => `${name!.toUpperCase()}${about ? ` (${about})` : ''}`).join(' and ')}`
  }
  const sentence = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(plainReason)
    .join('; ')
  return /[.:]$/.test(sentence) ? sentence.slice(0, -1) : sentence
}

/** One of oclif's reasons in plain words; --plan enterprise gets what to write instead. */
function plainReason(reason: string): string {
  const required = /^Missing required flag ([\w-]+)$/.exec(reason)
  if (required) return `--${required[1]} is required`
  const option = /^Expected --([\w-]+)=(.*) to be one of: (.*)$/.exec(reason)
  if (!option) return reason
  const [, flag, value, options] = option as unknown as [string, string, string, string]
  const hint = optionHint(flag, value)
  return `--${flag} ${value} is not one of ${options}${hint ? `: ${hint}` : ''}`
}
