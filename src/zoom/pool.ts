// At most `size` Zoom calls in flight at once (a call includes its retries and 429 waits).

export class Pool {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be a positive integer, got ${size}`)
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
    try {
      return await task()
    } finally {
      // Hand the slot straight to the next waiter, so `active` never over-counts.
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
