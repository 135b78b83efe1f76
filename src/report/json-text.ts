// JSON as `JSON.stringify(value, null, 2)` writes it, byte for byte, but in chunks: a report of 10 000 apps is over
// 100 MB of text, and one string of it (then one Buffer of it) costs seconds and gigabytes. Objects that appear more
// than once (the audit shares a scope's entry among every app whose owner has the same role) are written once and
// their text reused.

/** Chunks are joined up to about this many characters before they are handed out. */
const CHUNK = 1 << 16

/** The text of `JSON.stringify(value, null, 2)`, lazily, in chunks of about 64 K characters; iterable many times. */
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
  // element's text (and one chunk) is held at once.
  let pending: string[] = []
  let size = 0
  const push = (piece: string) => {
    pending.push(piece)
    size += piece.length
  }
  const take = () => {
    const chunk = pending.join('')
    pending = []
    size = 0
    return chunk
  }
  const isArray = Array.isArray(top)
  let count = 0
  for (const [key, raw] of entries(top)) {
    const item = toJsonValue(raw, key)
    if (item === undefined && !isArray) continue
    push(`${count++ === 0 ? (isArray ? '[' : '{') : ','}\n  ${isArray ? '' : `${JSON.stringify(key)}: `}`)
    if (Array.isArray(item) && item.length > 0) {
      for (let i = 0; i < item.length; i++) {
        push(i === 0 ? '[\n    ' : ',\n    ')
        push(writer.text(toJsonValue(item[i], String(i)), 2) ?? 'null')
        if (size >= CHUNK) yield take()
      }
      push('\n  ]')
    } else {
      push(writer.text(item, 1) ?? 'null')
    }
    if (size >= CHUNK) yield take()
  }
  push(count === 0 ? (isArray ? '[]' : '{}') : isArray ? '\n]' : '\n}')
  yield take()
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

/** Pretty JSON text of one value at a nesting depth, remembering the text of objects met a second time. */
class PrettyJson {
  private readonly seen = new WeakSet<object>()
  /** Per depth: an object's text there (indentation depends on depth). */
  private readonly known: Array<WeakMap<object, string>> = []

  /** The value's text as it appears `depth` levels deep; undefined for what JSON leaves out. */
  text(value: unknown, depth: number): string | undefined {
    if (!isContainer(value)) return value === undefined ? undefined : JSON.stringify(value)
    const known = (this.known[depth] ??= new WeakMap())
    let text = known.get(value)
    if (text !== undefined) return text
    text = this.container(value, depth)
    if (this.seen.has(value)) known.set(value, text)
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
