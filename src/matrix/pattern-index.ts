// Patterns indexed segment by segment, so finding the patterns that match a scope (or overlap another pattern)
// visits only the branches that can match instead of every pattern: one trie per segment count, each node with a
// child per literal segment and one child for `*`. Segments are Map keys, never object keys.

interface Node<T> {
  literal: Map<string, Node<T>>
  star?: Node<T>
  values: T[]
}

const node = <T>(): Node<T> => ({literal: new Map(), values: []})

export class PatternIndex<T> {
  private readonly roots = new Map<number, Node<T>>()

  add(pattern: string, value: T): void {
    const segments = pattern.split(':')
    let at = this.roots.get(segments.length)
    if (!at) this.roots.set(segments.length, (at = node()))
    for (const segment of segments) {
      if (segment === '*') at = at.star ??= node()
      else {
        let next = at.literal.get(segment)
        if (!next) at.literal.set(segment, (next = node()))
        at = next
      }
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

  /** Calls `visit` for every value whose pattern some scope matches together with `pattern`; stops when it says so. */
  overlapping(pattern: string, visit: (value: T) => 'stop' | void): void {
    const segments = pattern.split(':')
    let stopped = false
    const walk = (at: Node<T> | undefined, depth: number): void => {
      if (!at || stopped) return
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
