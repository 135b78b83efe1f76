// The client-side rate limiter: one independent sliding window per Zoom rate-limit label. Pure timing (clock and
// sleep are injectable), so it can be tested without a network or real time.
//
// Why a sliding window (a log of the last N send times) and not a token bucket: a bucket of capacity C refilling
// at r/s lets C + r requests through in some 1-second window, i.e. up to twice the budget. The log guarantees what
// the budget promises: never more than N sends in any window of the label, measured at the moment each request is
// released. A small guard is added to the window, because a request reaches Zoom a little after it is released and
// network jitter can bring two releases that were a full window apart closer together on Zoom's side (how much, and
// what it costs: docs/rate-limits.md, "The guard").
import type {RateLimitLabel} from './endpoints.js'
import type {Limiter} from './http.js'
import type {LabelBudget, RateBudget} from './rate-plans.js'

/** Added to every window (see docs/rate-limits.md, "The guard"). */
export const DEFAULT_GUARD_MS = 20

export interface RateLimiterOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  guardMs?: number
}

export interface LabelUsage {
  /** Requests released. */
  sent: number
  /** Times a request had to wait for the budget. */
  waits: number
  /** Milliseconds spent waiting, summed over requests (waits of concurrent requests overlap). */
  waitedMs: number
}

export class RateLimiter {
  private readonly windows = new Map<RateLimitLabel, number[]>()
  private readonly usage = new Map<RateLimitLabel, LabelUsage>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly guardMs: number

  constructor(
    readonly budget: RateBudget,
    options: RateLimiterOptions = {},
  ) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.guardMs = options.guardMs ?? DEFAULT_GUARD_MS
    for (const [label, {requests, windowMs}] of Object.entries(budget) as Array<[RateLimitLabel, LabelBudget]>) {
      if (!Number.isInteger(requests) || requests < 1 || !(windowMs > 0)) {
        throw new RangeError(`RateLimiter: bad budget for ${label}: ${requests} per ${windowMs} ms`)
      }
    }
  }

  /**
   * Release one request of `label` now if its window has room (returns 0 and records the send), otherwise return
   * how many milliseconds to wait before asking again. Never waits itself.
   */
  tryTake(label: RateLimitLabel): number {
    const {requests, windowMs} = this.budget[label]
    const window = this.windowMs(windowMs)
    const now = this.now()
    let sent = this.windows.get(label)
    if (!sent) this.windows.set(label, (sent = []))
    // sent[] holds the release times of (at most) the last `requests` sends, oldest first.
    if (sent.length >= requests) {
      const freeAt = sent[sent.length - requests]! + window
      if (freeAt > now) return freeAt - now
    }
    sent.push(now)
    if (sent.length > requests) sent.splice(0, sent.length - requests)
    this.usageOf(label).sent++
    return 0
  }

  /** Resolves once a request of `label` has been released (see tryTake); waits with `wait` (default: sleep). */
  async acquire(
    label: RateLimitLabel,
    wait: (run: () => Promise<void>) => Promise<void> = (run) => run(),
  ): Promise<void> {
    let waited = false
    const started = this.now()
    for (;;) {
      const ms = this.tryTake(label)
      if (ms === 0) break
      waited = true
      await wait(() => this.sleep(ms))
    }
    if (waited) {
      const usage = this.usageOf(label)
      usage.waits++
      usage.waitedMs += this.now() - started
    }
  }

  /**
   * The client's `limiter` seam. Waits happen outside the client's concurrency slot, so a request held back by one
   * label's budget does not stop requests of other labels (the labels are independent); the send itself is
   * recorded only once the slot is held again, right before the request leaves.
   */
  readonly limiter: Limiter = (request, context) =>
    this.acquire(request.label, context ? (run) => context.outsideSlot(run) : undefined)

  /** Per-label counts so far (labels never used are left out). */
  stats(): Partial<Record<RateLimitLabel, LabelUsage>> {
    return Object.fromEntries([...this.usage].map(([label, usage]) => [label, {...usage}]))
  }

  private windowMs(windowMs: number): number {
    return windowMs + this.guardMs
  }

  private usageOf(label: RateLimitLabel): LabelUsage {
    let usage = this.usage.get(label)
    if (!usage) this.usage.set(label, (usage = {sent: 0, waits: 0, waitedMs: 0}))
    return usage
  }
}
