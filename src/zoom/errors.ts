// Typed failures of the Zoom client. All are ZoomError (exit 3) except a read-only violation, which is our bug.
import {ExitCode, ToolError, ZoomError} from '../errors.js'

/** 404 with Zoom code 1001 (user does not exist) or 1401 (app does not exist): callers catch it to mean "absent". */
export class ZoomNotFoundError extends ZoomError {
  constructor(message: string, details: {status: number; zoomCode?: number; endpoint: string}) {
    super(message, {...details, code: 'zoom_not_found'})
  }
}

/** The auditor's own app lacks scopes Zoom asked for ("Invalid access token, does not contain scopes: [...]"). */
export class ZoomMissingScopesError extends ZoomError {
  readonly scopes: string[]

  constructor(
    message: string,
    details: {status: number; zoomCode?: number; endpoint: string; scopes: string[]; actions?: string[]},
  ) {
    super(message, {...details, code: 'zoom_missing_scopes'})
    this.scopes = details.scopes
  }
}

/** Zoom is rate-limiting us: a daily quota is used up, or waiting would exceed the allowed total wait. */
export class ZoomRateLimitError extends ZoomError {
  constructor(
    message: string,
    details: {endpoint: string; daily: boolean; resetAt?: string; status?: number; actions?: string[]},
  ) {
    super(message, {...details, code: details.daily ? 'zoom_daily_limit' : 'zoom_rate_limited'})
  }
}

/** The client tried something other than GET under the API URL or POST to the token URL. A bug: exit 4. */
export class ReadOnlyViolationError extends ToolError {
  readonly exitCode = ExitCode.internal
  readonly code = 'read_only_violation'
}

/** Zoom's code 300 on a paged request: the next_page_token is invalid or expired. */
export function isRejectedPageToken(error: unknown): boolean {
  return error instanceof ZoomError && error.details.status === 400 && error.details.zoomCode === 300
}
