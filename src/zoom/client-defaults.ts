// The client's default bounds, in a module of their own: the CLI's flags show them in --help, and importing the
// client itself (got among its modules) would slow the start-up of every command, offline ones included.

/** Documented in the README ("Reliability"): per attempt, attempts per request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_ATTEMPTS = 6
/** Of those, retries after 5xx, a dropped connection, a timeout or a stalled body. */
export const DEFAULT_RETRIES = 3
