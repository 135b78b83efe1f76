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

export abstract class ToolError extends Error {
  abstract readonly exitCode: ExitCodeValue
  abstract readonly code: string
  /** Extra, JSON-safe facts for `{"error": {...}}`. Never secrets. */
  readonly details: Record<string, unknown>

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = new.target.name
    this.details = details
  }
}

/** A file or flag the user gave us is wrong. `file` and `place` say where. */
export class InputError extends ToolError {
  readonly exitCode = ExitCode.badInput
  readonly code: string

  constructor(message: string, details: {code?: string; file?: string; place?: string; [k: string]: unknown} = {}) {
    super(message, details)
    this.code = details.code ?? 'bad_input'
  }
}

/** Zoom answered with an error, refused our credentials, or could not be reached. */
export class ZoomError extends ToolError {
  readonly exitCode = ExitCode.zoom
  readonly code: string

  constructor(
    message: string,
    details: {code?: string; status?: number; zoomCode?: number; [k: string]: unknown} = {},
  ) {
    super(message, details)
    this.code = details.code ?? 'zoom_api_error'
  }
}
