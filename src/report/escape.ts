// Names and messages come from Zoom or from files anyone may have written: before they reach a terminal or a
// document they are made inert. Identifiers in CSV cells are never altered (spreadsheets do not run escapes).

/**
 * C0 and C1 controls, DEL, and the Unicode bidirectional controls (embeddings, overrides, isolates, marks): an ESC
 * sequence can recolour or rewrite the screen, BEL rings, a bidi override makes text read backwards ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0')

/** Shows each control character as a visible escape: ESC → `\x1b`, RLO → `\u202e`. Other text is unchanged. */
export function terminalSafe(text: string): string {
  // Nearly every text has nothing to escape: test before replacing (a replace builds a new string even then).
  UNSAFE.lastIndex = 0
  if (!UNSAFE.test(text)) return text
  UNSAFE.lastIndex = 0
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`
  })
}

/**
 * The result with every string in it (object keys included) passed through `terminalSafe`: renderers apply it to their
 * input once, so no field can be forgotten, and colour is added afterwards by the renderer itself. Only what changes
 * is copied — a part with nothing to escape is the input's own (renderers never modify their input), and a part met
 * twice (the audit shares one scope entry among many apps) is mapped once — so a report of 10 000 apps is not copied
 * whole to escape the few names that need it.
 */
export function terminalSafeDeep<T>(value: T): T {
  // Keys repeat in every object of a kind ("id", "kind", "message"): each is looked at once.
  const keys = new Map<string, string>()
  const mapKey = (key: string) => {
    let mapped = keys.get(key)
    if (mapped === undefined) keys.set(key, (mapped = terminalSafe(key)))
    return mapped
  }
  return deepMapStrings(value, terminalSafe, mapKey, new Map())
}

function deepMapStrings<T>(
  value: T,
  map: (text: string) => string,
  mapKey: (key: string) => string,
  done: Map<object, unknown>,
): T {
  if (typeof value === 'string') return map(value) as T
  if (value === null || typeof value !== 'object') return value
  if (done.has(value)) return done.get(value) as T
  let result: unknown = value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const mapped = deepMapStrings(item, map, mapKey, done)
      if (copy) copy.push(mapped)
      else if (mapped !== item) copy = [...value.slice(0, i), mapped]
    }
    result = copy ?? value
  } else if (isPlain(value)) {
    // Plain data only (results are JSON-shaped); anything else is passed through untouched.
    const source = value as Record<string, unknown>
    const keys = Object.keys(source)
    let copy: Record<string, unknown> | undefined
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      const item = source[key]
      const mappedKey = mapKey(key)
      const mapped = deepMapStrings(item, map, mapKey, done)
      if (copy) setOwn(copy, mappedKey, mapped)
      else if (mappedKey !== key || mapped !== item) {
        copy = {}
        for (let j = 0; j < i; j++) setOwn(copy, keys[j]!, source[keys[j]!])
        setOwn(copy, mappedKey, mapped)
      }
    }
    result = copy ?? value
  }
  done.set(value, result)
  return result as T
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** `target[key] = value` as an own property, even for a key named "__proto__" (which JSON.parse makes one). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true})
  else target[key] = value
}

/**
 * Text inside Markdown (a paragraph or a table cell): controls escaped as on a terminal, HTML neutralised
 * (`<`, `>`, `&` as entities), and the characters that make links, code, emphasis or table cells (`\`, `` ` ``, `[`,
 * `]`, `*`, `|`) backslash-escaped, so a name like `[x](http://e)` shows as written and links nowhere (with its
 * brackets escaped, no `(` can start a link target).
 */
export function markdownText(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`[\]*|]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

/** An identifier (app id, scope, finding id) as code — or as escaped text when it holds anything a code span can't. */
export function markdownCode(text: string): string {
  if (text === '') return ''
  return /^[\w:.@/+-]+$/.test(text) ? `\`${text}\`` : markdownText(text)
}
