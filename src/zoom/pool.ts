// At most `size` Zoom calls in flight at once (a call includes its retries and 429 waits, but not its waits for the
// rate budget: those step out of the slot, see `Slot.outside`).

export interface Slot {
  /** Run `wait` without holding the slot (another call may use it meanwhile); resolves once the slot is held again. */
  outside<T>(wait: () => Promise<T>): Promise<T>
}

export class Pool {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be a positive integer, got ${size}`)
  }

  async run<T>(task: (slot: Slot) => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await task({
        outside: async (wait) => {
          this.release()
          try {
            return await wait()
          } finally {
            await this.acquire()
          }
        },
      })
    } finally {
      this.release()
    }
  }

  private async acquire(): Promise<void> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
  }

  private release(): void {
    // Hand the slot straight to the next waiter, so `active` never over-counts.
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }
}
