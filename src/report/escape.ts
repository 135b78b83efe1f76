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
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`
  })
}

/**
 * A copy of a result with every string in it (object keys included) passed through `terminalSafe`: renderers apply
 * it to their input once, so no field can be forgotten, and colour is added afterwards by the renderer itself.
 */
export function terminalSafeDeep<T>(value: T): T {
  return deepMapStrings(value, terminalSafe)
}

function deepMapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => deepMapStrings(item, map)) as T
  // Plain data only (results are JSON-shaped); anything else is passed through untouched.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[map(key)] = deepMapStrings(item, map)
    return out as T
  }
  return value
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
