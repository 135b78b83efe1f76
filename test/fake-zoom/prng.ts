// Seeded PRNG for the scenario generator (no Math.random: same seed → same scenario).

/** FNV-1a, 32 bit. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class Prng {
  private state: number

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' && Number.isInteger(seed) ? seed >>> 0 : hash32(String(seed))
    if (this.state === 0) this.state = 0x9e3779b9
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** `count` distinct items, in pick order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items]
    const out: T[] = []
    while (out.length < count && pool.length > 0) {
      const i = Math.floor(this.next() * pool.length)
      out.push(pool.splice(i, 1)[0]!)
    }
    return out
  }

  /** Zoom-looking id: 22 characters of base64url (16 bytes), like "49D7a0xPQvGQ2DCMZgSe7w". */
  zoomId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    let s = ''
    for (let i = 0; i < 22; i++) s += alphabet[Math.floor(this.next() * 64)]
    return s
  }
}
