// The client's default bounds, in a module of their own: the CLI's flags show them in --help, and importing the
// client itself (got among its modules) would slow the start-up of every command, offline ones included.

/** Documented in the README ("Reliability"): per attempt, attempts per request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_ATTEMPTS = 6
/** Of those, retries after 5xx, a dropped connection, a timeout or a stalled body. */
export const DEFAULT_RETRIES = 3

/**
 * Requests in flight at once. The rate budget, not this, is meant to be what limits a run; but every request spends a
 * round trip in flight, so with too few slots the round trip caps the rate instead (4 slots at 200 ms allow 20
 * requests a second, a third of Business's Medium limit). Enough slots for the budget's Light and Medium rates (the
 * labels of every endpoint the tool calls) over a round trip of PLANNED_ROUND_TRIP_MS, within [MIN, MAX]. The upper
 * bound also bounds memory: each call in flight may hold one body of up to --max-body-mb.
 */
export const PLANNED_ROUND_TRIP_MS = 200
export const MIN_CONCURRENCY = 4
export const MAX_CONCURRENCY = 24

/** Requests per second a label's budget allows: `requests` per `windowMs`. */
interface LabelRate {
  requests: number
  windowMs: number
}

export function concurrencyFor(budget: {LIGHT: LabelRate; MEDIUM: LabelRate}): number {
  const perSecond = [budget.LIGHT, budget.MEDIUM].reduce(
    (sum, {requests, windowMs}) => sum + (requests * 1000) / windowMs,
    0,
  )
  const needed = Math.ceil((perSecond * PLANNED_ROUND_TRIP_MS) / 1000)
  return Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, needed))
}
