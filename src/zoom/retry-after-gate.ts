// Zoom's 429s: when may we call an endpoint again, and have we waited long enough to give up.
import {ZoomRateLimitError} from './errors.js'

/**
 * Per-endpoint gate: after a 429 on an endpoint, no request to that endpoint (from any concurrent call) starts
 * before Retry-After has passed. The time the run spends gated is bounded by `maxTotalWaitMs`.
 */
export class RateLimitGate {
  private readonly openAt = new Map<string, number>()
  private gatedMs = 0

  constructor(
    private readonly maxTotalWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once `endpoint` may be called; waits again if another 429 moved the gate meanwhile. */
  async pass(endpoint: string): Promise<void> {
    for (;;) {
      const wait = (this.openAt.get(endpoint) ?? 0) - this.now()
      if (wait <= 0) return
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }

  /** Whether `endpoint` may be called right now. */
  isOpen(endpoint: string): boolean {
    return (this.openAt.get(endpoint) ?? 0) <= this.now()
  }

  /** Close `endpoint` for `waitMs`; throws when that would take the run's total rate-limit wait over the bound. */
  close(endpoint: string, waitMs: number): void {
    const now = this.now()
    const until = now + waitMs
    const current = Math.max(this.openAt.get(endpoint) ?? 0, now)
    const extension = Math.max(0, until - current)
    if (this.gatedMs + extension > this.maxTotalWaitMs) {
      throw new ZoomRateLimitError(
        `Zoom keeps rate-limiting ${endpoint}: waiting another ${formatSeconds(waitMs)} would exceed the ${formatSeconds(this.maxTotalWaitMs)} this run may wait in total. Try again later.`,
        {endpoint, daily: false, status: 429},
      )
    }
    this.gatedMs += extension
    if (until > current) this.openAt.set(endpoint, until)
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
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** Zoom marks daily-quota 429s with `X-RateLimit-Type: Daily-limit`; some only say so in the message. */
export function isDailyLimit(rateLimitType: string | undefined, message: string | undefined): boolean {
  return /daily/i.test(rateLimitType ?? '') || /daily/i.test(message ?? '')
}

export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}
