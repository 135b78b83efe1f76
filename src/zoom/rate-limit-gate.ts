// Zoom's 429s: when may we call an endpoint again, and have we waited long enough to give up.
import type {RateLimitLabel} from './endpoints.js'
import {rateLimitWaitError} from './translate-error.js'

/**
 * Per-label gate: Zoom counts its rate limits per label (Light, Medium, …), so after a 429 on one endpoint no
 * request to any endpoint of that label (from any concurrent call) starts before Retry-After has passed. The time
 * the run spends gated is bounded by `maxTotalWaitMs`.
 */
export class RateLimitGate {
  private readonly openAt = new Map<RateLimitLabel, number>()
  private gatedMs = 0

  constructor(
    private readonly maxTotalWaitMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Resolves once `label` may be called; waits again if another 429 moved the gate meanwhile. */
  async pass(label: RateLimitLabel): Promise<void> {
    for (;;) {
      const wait = (this.openAt.get(label) ?? 0) - this.now()
      if (wait <= 0) return
      await this.sleep(wait)
    }
  }

  /** Whether `label` may be called right now. */
  isOpen(label: RateLimitLabel): boolean {
    return (this.openAt.get(label) ?? 0) <= this.now()
  }

  /**
   * Close `label` for `waitMs` after a 429 on `endpoint`; throws when that would take the run's total rate-limit
   * wait over the bound.
   */
  close(label: RateLimitLabel, waitMs: number, endpoint: string): void {
    const now = this.now()
    const until = now + waitMs
    const current = Math.max(this.openAt.get(label) ?? 0, now)
    const extension = Math.max(0, until - current)
    if (this.gatedMs + extension > this.maxTotalWaitMs) throw rateLimitWaitError(endpoint, waitMs, this.maxTotalWaitMs)
    this.gatedMs += extension
    if (until > current) this.openAt.set(label, until)
  }

  /** Milliseconds the run has been held back by 429s so far. */
  get totalWaitMs(): number {
    return this.gatedMs
  }
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds, an HTTP date or an ISO-8601 timestamp. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000)
  // Only something that looks like a date (has letters or a dash between digits): "-5" is not a date.
  if (!/[a-z]/i.test(text) && !/\d-\d/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** Zoom marks daily-quota 429s with `X-RateLimit-Type: Daily-limit`; some only say so in the message. */
export function isDailyLimit(rateLimitType: string | undefined, message: string | undefined): boolean {
  return /daily/i.test(rateLimitType ?? '') || /daily/i.test(message ?? '')
}
