// What every command shares: exit codes in help, and one way to fail — a single line (or `{"error": …}` with
// --json) with the documented exit code, never a stack trace unless DEBUG is set.
import {Command, Errors} from '@oclif/core'

import {EXIT_CODES_HELP, ExitCode, ToolError} from '../errors.js'

export interface ErrorReport {
  code: string
  message: string
  exitCode: number
  [detail: string]: unknown
}

export abstract class BaseCommand extends Command {
  static enableJsonFlag = true

  /** Appended to every command's description so `--help` lists the exit codes. */
  static exitCodesHelp = `EXIT CODES\n${EXIT_CODES_HELP}`

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
    return {...error.details, code: error.code, message: error.message, exitCode: error.exitCode}
  }
  // oclif's own parse errors (unknown flag, missing argument, bad option) are usage errors: exit 2.
  if (error instanceof Errors.CLIError || error.oclif?.exit !== undefined) {
    const message = error.message
      .replace(/\n+See more help with --help$/, '')
      .split('\n')
      .join(' ')
    return {code: 'usage', message: `${message} (see --help)`, exitCode: ExitCode.badInput}
  }
  return {
    code: 'internal',
    message: `internal error: ${error.message}. This is a bug in zoom-scope-audit; please report it${process.env.DEBUG ? '' : ' (run with DEBUG=1 for the stack trace)'}.`,
    exitCode: ExitCode.internal,
  }
}
