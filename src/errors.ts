// Every failure the tool expects is one of these; each carries the exit code documented in --help (each command's
// EXIT CODES, src/cli/help-sections.ts).
// Anything else that escapes is a bug (exit 4).

export const ExitCode = {
  ok: 0,
  findings: 1,
  badInput: 2,
  zoom: 3,
  internal: 4,
} as const
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

// The `code` of `{"error": {...}}` in --json output, one union per family. README.md's "Error codes" table lists every
// member with its exit code (a test checks it).

/** A file, flag or environment variable the user gave is wrong (exit 2). */
export type InputErrorCode =
  | 'usage'
  | 'bad_input'
  | 'unreadable_file'
  | 'malformed_json'
  | 'json_too_deep'
  | 'schema_invalid'
  | 'baseline_version'
  | 'snapshot_too_old'
  | 'matrix_invalid'
  | 'malformed_csv'
  | 'missing_column'
  | 'wrong_row_width'
  | 'missing_app_id'
  | 'duplicate_app'
  | 'unknown_app'
  | 'app_not_found'
  | 'user_not_found'
  | 'role_not_found'
  | 'ambiguous_role'
  | 'output_exists'
  | 'unwritable_output'
  | 'binary_to_terminal'
  | 'missing_credentials'
  | 'bad_url'
  | 'bad_proxy'

/** Zoom refused, failed, or could not be reached (exit 3). */
export type ZoomErrorCode =
  | 'zoom_api_error'
  | 'zoom_auth_failed'
  | 'zoom_missing_scopes'
  | 'zoom_not_found'
  | 'zoom_rate_limited'
  | 'zoom_daily_limit'
  | 'zoom_bad_answer'
  | 'zoom_answer_too_large'
  | 'zoom_body_stalled'
  | 'zoom_pagination'
  | 'zoom_redirect'
  | 'zoom_timeout'
  | 'zoom_unreachable'
  | 'zoom_request_failed'

/** A bug in the tool (exit 4). */
export type InternalErrorCode = 'internal' | 'read_only_violation'

export type ErrorCode = InputErrorCode | ZoomErrorCode | InternalErrorCode

/** What every error may carry besides its code: where (file, place), facts for --json, and what to do about it. */
export interface ErrorDetails {
  /** What the user can do about it, one sentence each; printed after the message. Kept apart so --json has them. */
  actions?: string[]
  [detail: string]: unknown
}

export abstract class ToolError extends Error {
  abstract readonly exitCode: ExitCodeValue
  abstract readonly code: ErrorCode
  /** Extra, JSON-safe facts for `{"error": {...}}`. Never secrets. */
  readonly details: Record<string, unknown>
  /** What to do about it (see ErrorDetails); `message` says only what went wrong. */
  readonly actions: string[]

  constructor(message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = new.target.name
    const {actions = [], ...rest} = details
    this.details = rest
    this.actions = actions
  }
}

/** The message and its actions as one line, as printed on stderr and in --json's `message`. */
export function withActions(message: string, actions: readonly string[]): string {
  return [message, ...actions].join(' ')
}

/** A file or flag the user gave us is wrong. `file` and `place` say where. */
export class InputError extends ToolError {
  readonly exitCode = ExitCode.badInput
  readonly code: InputErrorCode

  constructor(message: string, details: ErrorDetails & {code?: InputErrorCode; file?: string; place?: string} = {}) {
    super(message, details)
    this.code = details.code ?? 'bad_input'
  }
}

/** Zoom answered with an error, refused our credentials, or could not be reached. */
export class ZoomError extends ToolError {
  readonly exitCode = ExitCode.zoom
  readonly code: ZoomErrorCode

  constructor(
    message: string,
    details: ErrorDetails & {code?: ZoomErrorCode; status?: number; zoomCode?: number} = {},
  ) {
    super(message, details)
    this.code = details.code ?? 'zoom_api_error'
  }
}
