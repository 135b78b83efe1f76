// The client-side rate limiter: one independent sliding window per Zoom rate-limit label, and per label one queue of
// the requests waiting for it. Pure timing (clock and sleep are injectable), so it can be tested without a network or
// real time.
//
// Why a sliding window (a log of the last N send times) and not a token bucket: a bucket of capacity C refilling
// at r/s lets C + r requests through in some 1-second window, i.e. up to twice the budget. The log guarantees what
// the budget promises: never more than N sends in any window of the label, measured at the moment each request is
// released. A small guard is added to the window, because a request reaches Zoom a little after it is released and
// network jitter can bring two releases that were a full window apart closer together on Zoom's side (how much, and
// what it costs: docs/rate-limits.md, "The guard").
//
// Why pages of listings go first (docs/rate-limits.md, "Pages of a listing go first"): a listing is a chain of
// requests (each page's next_page_token comes with the page before), so a page that waits delays every page after
// it, while an independent call delays nothing else. First come, first served lets a long listing queue behind
// hundreds of app details a page at a time and then run alone, a round trip per page, once its label has nothing
// else to do. So:
// - a waiting page of a listing goes before the independent calls waiting on its label (first come, first served
//   within each kind); but while calls wait, at most `requests − 1` pages go in a row (at least one call in every
//   window the label fills), so no number of listings holds calls back for long;
// - while a listing is in progress on the label (one of its pages went within the last window), independent calls
//   share the window with it: they go window ÷ (requests − the window's pages) apart, and leave one room free for the
//   listing's next page. Without it a backlog of calls takes the whole window the moment it turns over, and keeps
//   doing so (a sliding window frees its rooms at the times of the sends a window before); the listing's next page,
//   asked for a round trip after the page before, then finds the window full and waits for the next turn-over: one
//   page a window. Spread out, the window frees a room at a time and the page finds one. The label stays as busy (N
//   a window either way); what the calls lose is the burst at the start of a window: less than a window at the end.
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

export interface AcquireOptions {
  /** A page of a listing: goes before the independent calls of its label (see the top of this file). */
  listingPage?: boolean
  /**
   * Runs the wait, when the request has to wait: the client passes one that steps out of its concurrency slot
   * meanwhile and resolves once the slot is held again. Default: just wait.
   */
  wait?: (run: () => Promise<void>) => Promise<void>
}

export interface LabelUsage {
  /** Requests released. */
  sent: number
  /** Times a request had to wait for the budget. */
  waits: number
  /** Milliseconds spent waiting, summed over requests (waits of concurrent requests overlap). */
  waitedMs: number
}

/** One label's window and the requests waiting for it. */
interface LabelQueue {
  /** Release times of the sends still inside the (guarded) window, oldest first; and of the pages among them. */
  sent: number[]
  sentPages: number[]
  /** Waiting pages of listings, and waiting independent calls, each first come first served. */
  pages: Array<() => void>
  calls: Array<() => void>
  /**
   * Waiters told to go and not released yet (they are getting their concurrency slot back): their room in the
   * window is kept for them, so `sent.length + granted` never exceeds the label's requests.
   */
  granted: number
  /** Pages told to go one after the other while calls were waiting. */
  pagesInARow: number
  /** When the last page and the last independent call were told to go (-Infinity: never). */
  lastPageAt: number
  lastCallAt: number
  /** When the pending wake-up is due (-Infinity: none). */
  wakeAt: number
}

export class RateLimiter {
  private readonly queues = new Map<RateLimitLabel, LabelQueue>()
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
   * Release one independent request of `label` now if nothing waits for the label and its window has room (returns 0
   * and records the send); otherwise return how many milliseconds until it could go (at least 1). Never waits.
   */
  tryTake(label: RateLimitLabel): number {
    const queue = this.queueOf(label)
    const ms = this.msUntilCallMayGo(label)
    if (ms === 0 && queue.pages.length === 0 && queue.calls.length === 0) {
      queue.lastCallAt = this.now()
      this.record(label, false)
      return 0
    }
    return Math.max(1, ms)
  }

  /**
   * Resolves once a request of `label` has been released: at once when it is next and the window has room,
   * otherwise in its turn (see the top of this file), waiting inside `options.wait`.
   */
  async acquire(label: RateLimitLabel, options: AcquireOptions = {}): Promise<void> {
    const queue = this.queueOf(label)
    const line = options.listingPage ? queue.pages : queue.calls
    const started = this.now()
    let waited = false
    for (;;) {
      // Queued even when it may go at once: dispatch decides, so a newcomer never passes a waiter with precedence.
      let told = false
      let go: (() => void) | undefined
      line.push(() => {
        told = true
        go?.()
      })
      this.dispatch(label)
      if (!told) {
        waited = true
        const wait = options.wait ?? ((run) => run())
        await wait(() => (told ? Promise.resolve() : new Promise<void>((resolve) => (go = resolve))))
      }
      queue.granted--
      // The room kept for this waiter is still there (nothing else could take it, and the window only empties as
      // time passes); checked all the same, so a clock that jumps back costs a wait, never a send over budget.
      if (this.msUntilRoom(label) === 0) break
    }
    this.record(label, options.listingPage === true)
    if (waited) {
      const usage = this.usageOf(label)
      usage.waits++
      usage.waitedMs += this.now() - started
    }
    // When every room was kept for waiters, only their releases can time the next wake-up.
    if (queue.pages.length + queue.calls.length > 0) this.dispatch(label)
  }

  /**
   * The client's `limiter` seam. Waits happen outside the client's concurrency slot, so a request held back by one
   * label's budget does not stop requests of other labels (the labels are independent); the send itself is
   * recorded only once the slot is held again, right before the request leaves.
   */
  readonly limiter: Limiter = (request, context) =>
    this.acquire(request.label, {
      ...(request.listingPage ? {listingPage: true} : {}),
      ...(context ? {wait: (run) => context.outsideSlot(run)} : {}),
    })

  /** Per-label counts so far (labels never used are left out). */
  stats(): Partial<Record<RateLimitLabel, LabelUsage>> {
    return Object.fromEntries([...this.usage].map(([label, usage]) => [label, {...usage}]))
  }

  /** Tell waiters to go, in turn, while the window has room for them; then schedule a wake-up for the next turn. */
  private dispatch(label: RateLimitLabel): void {
    const queue = this.queueOf(label)
    const {requests} = this.budget[label]
    for (;;) {
      if (queue.pages.length + queue.calls.length === 0) return
      const room = this.msUntilRoom(label)
      if (room > 0) return this.wakeIn(label, room)
      const callWait = queue.calls.length > 0 ? this.msUntilCallMayGo(label) : Infinity
      // A call's turn after requests − 1 pages in a row, if it may go now (else pages go on meanwhile).
      const callDue = callWait === 0 && queue.pagesInARow >= Math.max(1, requests - 1)
      if (queue.pages.length > 0 && !callDue) {
        queue.pagesInARow = queue.calls.length === 0 ? 0 : queue.pagesInARow + 1
        queue.lastPageAt = this.now()
        queue.granted++
        queue.pages.shift()!()
        continue
      }
      if (callWait > 0) return this.wakeIn(label, callWait)
      queue.pagesInARow = 0
      queue.lastCallAt = this.now()
      queue.granted++
      queue.calls.shift()!()
    }
  }

  private wakeIn(label: RateLimitLabel, ms: number): void {
    // Infinity: every room is kept for waiters not released yet; each release dispatches again.
    if (ms === Infinity) return
    const queue = this.queueOf(label)
    const at = this.now() + ms
    if (queue.wakeAt > this.now() && queue.wakeAt <= at) return
    queue.wakeAt = at
    void this.sleep(ms).then(() => {
      // A timer may fire a little before the clock says it is due: this wake-up is over, the next one is scheduled.
      if (queue.wakeAt === at) queue.wakeAt = -Infinity
      this.dispatch(label)
    })
  }

  /**
   * Milliseconds until the window of `label` has room for one more request beside those released and those kept:
   * 0 now, Infinity when the kept ones alone fill it (the time then depends on when they are released).
   */
  private msUntilRoom(label: RateLimitLabel, keepFree = 0): number {
    const queue = this.queueOf(label)
    const requests = this.budget[label].requests - keepFree
    const window = this.windowMs(label)
    const now = this.now()
    const {sent, sentPages} = queue
    let gone = 0
    while (gone < sent.length && sent[gone]! + window <= now) gone++
    if (gone > 0) sent.splice(0, gone)
    gone = 0
    while (gone < sentPages.length && sentPages[gone]! + window <= now) gone++
    if (gone > 0) sentPages.splice(0, gone)
    // Room once the send at this index has left the window.
    const leaving = sent.length + queue.granted - requests
    if (leaving < 0) return 0
    return leaving < sent.length ? sent[leaving]! + window - now : Infinity
  }

  /**
   * Milliseconds until an independent call of `label` may go (top of this file): when the window has room; and while
   * a listing is in progress, window ÷ requests after the call before, and leaving one room free for the listing's
   * next page unless a page is already waiting (it goes first anyway) or the budget is one request a window.
   */
  private msUntilCallMayGo(label: RateLimitLabel): number {
    const queue = this.queueOf(label)
    const {requests} = this.budget[label]
    const window = this.windowMs(label)
    const now = this.now()
    if (now - queue.lastPageAt >= window) return this.msUntilRoom(label)
    const keepFree = requests > 1 && queue.pages.length === 0 ? 1 : 0
    const room = this.msUntilRoom(label, keepFree)
    const callsPerWindow = Math.max(1, requests - queue.sentPages.length)
    return Math.max(room, queue.lastCallAt + window / callsPerWindow - now)
  }

  private windowMs(label: RateLimitLabel): number {
    return this.budget[label].windowMs + this.guardMs
  }

  private record(label: RateLimitLabel, listingPage: boolean): void {
    const queue = this.queueOf(label)
    queue.sent.push(this.now())
    if (listingPage) queue.sentPages.push(this.now())
    this.usageOf(label).sent++
  }

  private queueOf(label: RateLimitLabel): LabelQueue {
    let queue = this.queues.get(label)
    if (!queue) {
      queue = {
        sent: [],
        sentPages: [],
        pages: [],
        calls: [],
        granted: 0,
        pagesInARow: 0,
        lastPageAt: -Infinity,
        lastCallAt: -Infinity,
        wakeAt: -Infinity,
      }
      this.queues.set(label, queue)
    }
    return queue
  }

  private usageOf(label: RateLimitLabel): LabelUsage {
    let usage = this.usage.get(label)
    if (!usage) this.usage.set(label, (usage = {sent: 0, waits: 0, waitedMs: 0}))
    return usage
  }
}
