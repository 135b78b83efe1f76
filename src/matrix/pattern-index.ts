// Patterns indexed segment by segment, so finding the patterns that match a scope (or overlap another pattern)
// visits only the branches that can match instead of every pattern: one trie per segment count, each node with a
// child per literal segment and one child for `*`. Segments are Map keys, never object keys.

interface Node<T> {
  literal: Map<string, Node<T>>
  star?: Node<T>
  values: T[]
  /** The highest rank below this node: lets a search for values that outrank one skip whole branches. */
  maxRank: number
}

const node = <T>(): Node<T> => ({literal: new Map(), values: [], maxRank: -Infinity})

export class PatternIndex<T> {
  private readonly roots = new Map<number, Node<T>>()

  /** `rank` orders values for `overlapping(…, {above})`; values that need no order leave it at 0. */
  add(pattern: string, value: T, rank = 0): void {
    const segments = pattern.split(':')
    let at = this.roots.get(segments.length)
    if (!at) this.roots.set(segments.length, (at = node()))
    at.maxRank = Math.max(at.maxRank, rank)
    for (const segment of segments) {
      if (segment === '*') at = at.star ??= node()
      else {
        let next = at.literal.get(segment)
        if (!next) at.literal.set(segment, (next = node()))
        at = next
      }
      at.maxRank = Math.max(at.maxRank, rank)
    }
    at.values.push(value)
  }

  /** Every value whose pattern matches the scope (each `*` stands for exactly one segment). */
  matching(scope: string): T[] {
    const segments = scope.split(':')
    const found: T[] = []
    const walk = (at: Node<T> | undefined, depth: number): void => {
      if (!at) return
      if (depth === segments.length) {
        found.push(...at.values)
        return
      }
      walk(at.literal.get(segments[depth]!), depth + 1)
      walk(at.star, depth + 1)
    }
    walk(this.roots.get(segments.length), 0)
    return found
  }

  /**
   * Calls `visit` for every value whose pattern some scope matches together with `pattern` (and, with `above`, whose
   * rank is higher); stops when `visit` says so.
   */
  overlapping(pattern: string, visit: (value: T) => 'stop' | void, options: {above?: number} = {}): void {
    const segments = pattern.split(':')
    const above = options.above ?? -Infinity
    let stopped = false
    const walk = (at: Node<T> | undefined, depth: number): void => {
      if (!at || stopped || at.maxRank <= above) return
      if (depth === segments.length) {
        for (const value of at.values) if (!stopped && visit(value) === 'stop') stopped = true
        return
      }
      const segment = segments[depth]!
      if (segment === '*') for (const child of at.literal.values()) walk(child, depth + 1)
      else walk(at.literal.get(segment), depth + 1)
      walk(at.star, depth + 1)
    }
    walk(this.roots.get(segments.length), 0)
  }
}
