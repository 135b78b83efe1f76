// JSON as `JSON.stringify(value, null, 2)` writes it, byte for byte, but in chunks: a report of 10 000 apps is over
// 100 MB of text, and one string of it (then one Buffer of it) costs seconds and gigabytes. Objects that appear more
// than once in long arrays (the audit shares a scope's entry among every app whose owner has the same role) are
// written once and their text reused.

/**
 * The text of `JSON.stringify(value, null, 2)`, lazily, in pieces (one element of a long array, or less); iterable
 * many times. Pieces are not joined here: whoever writes them gathers them (joining strings costs more than writing
 * each into a buffer).
 */
export function prettyJsonChunks(value: unknown): Iterable<string> {
  return {[Symbol.iterator]: () => chunks(value)}
}

function* chunks(value: unknown): Generator<string> {
  const writer = new PrettyJson()
  const top = toJsonValue(value, '')
  if (!isContainer(top)) {
    yield writer.text(top, 0) ?? 'undefined'
    return
  }
  // The top level and its properties are walked here, one element of each big array at a time, so at most one
  // element's text is held at once. Those elements (a report's apps and findings) are each met once: not remembered.
  const isArray = Array.isArray(top)
  let count = 0
  for (const [key, raw] of entries(top)) {
    const item = toJsonValue(raw, key)
    if (item === undefined && !isArray) continue
    yield `${count++ === 0 ? (isArray ? '[' : '{') : ','}\n  ${isArray ? '' : `${JSON.stringify(key)}: `}`
    if (Array.isArray(item) && item.length > 0) {
      for (let i = 0; i < item.length; i++) {
        yield i === 0 ? '[\n    ' : ',\n    '
        yield writer.text(toJsonValue(item[i], String(i)), 2, false) ?? 'null'
      }
      yield '\n  ]'
    } else {
      yield writer.text(item, 1) ?? 'null'
    }
  }
  yield count === 0 ? (isArray ? '[]' : '{}') : isArray ? '\n]' : '\n}'
}

type Container = unknown[] | Record<string, unknown>

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

function entries(value: Container): Iterable<[string, unknown]> {
  return Array.isArray(value) ? value.map((item, i): [string, unknown] => [String(i), item]) : Object.entries(value)
}

/** What JSON.stringify serialises in place of a value: toJSON's result; undefined for what it leaves out. */
function toJsonValue(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as {toJSON?: unknown}).toJSON === 'function')
    value = (value as {toJSON: (key: string) => unknown}).toJSON(key)
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value
}

/** Arrays longer than this are written element by element (their elements may be shared); the rest in one go. */
const LONG_ARRAY = 16

/**
 * Pretty JSON text of one value at a nesting depth, remembering the text of containers met a second time. A container
 * with no long array in it is written by JSON.stringify itself (far faster than walking it here) and re-indented.
 */
class PrettyJson {
  private readonly seen = new Set<object>()
  /** Per depth: a container's text there (indentation depends on depth). */
  private readonly known: Array<Map<object, string>> = []

  /** The value's text as it appears `depth` levels deep; undefined for what JSON leaves out. `remember`: false where
   * remembering would not pay (a report's apps and findings each appear once). */
  text(value: unknown, depth: number, remember = true): string | undefined {
    if (!isContainer(value)) return value === undefined ? undefined : JSON.stringify(value)
    let text = this.known[depth]?.get(value)
    if (text !== undefined) return text
    text = holdsLongArray(value) ? this.container(value, depth) : indent(JSON.stringify(value, null, 2), depth)
    if (!remember) return text
    if (this.seen.has(value)) (this.known[depth] ??= new Map()).set(value, text)
    else this.seen.add(value)
    return text
  }

  private container(value: Container, depth: number): string {
    const inner = `\n${'  '.repeat(depth + 1)}`
    const parts: string[] = []
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        parts.push(this.text(toJsonValue(value[i], String(i)), depth + 1) ?? 'null')
      return parts.length === 0 ? '[]' : `[${inner}${parts.join(`,${inner}`)}\n${'  '.repeat(depth)}]`
    }
    for (const key of Object.keys(value)) {
      const text = this.text(toJsonValue(value[key], key), depth + 1)
      if (text !== undefined) parts.push(`${JSON.stringify(key)}: ${text}`)
    }
    return parts.length === 0 ? '{}' : `{${inner}${parts.join(`,${inner}`)}\n${'  '.repeat(depth)}}`
  }
}

/** A long array, or an object with one among its values. */
function holdsLongArray(value: Container): boolean {
  if (Array.isArray(value)) return value.length > LONG_ARRAY
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (Array.isArray(item) && item.length > LONG_ARRAY) return true
  }
  return false
}

/** JSON text written at depth 0, as it reads `depth` levels deep (JSON strings hold no raw line breaks). */
function indent(text: string, depth: number): string {
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`)
}
