// JSON.parse with the error placed at a line and column, so people can find it in their editor.
// V8 (Node 20) often omits the position from its message, so a strict jsonc-parser pass locates it.
// Nesting is bounded first: the schema checks and the locating pass recurse, and a file of 100 000 "[" would
// otherwise overflow the stack.
import {createRequire} from 'node:module'

import type * as Jsonc from 'jsonc-parser'

import {InputError} from '../errors.js'

/** Far deeper than any file the tool reads (a snapshot is 4 levels deep), far shallower than the stack allows. */
export const MAX_JSON_DEPTH = 64

export function parseJson(text: string, file: string, what: string): unknown {
  const body = text.replace(/^\uFEFF/, '')
  const tooDeep = offsetPastDepth(body, MAX_JSON_DEPTH)
  if (tooDeep !== undefined) {
    const place = lineAndColumn(body, tooDeep)
    throw new InputError(
      `${file}: the ${what} is nested more than ${MAX_JSON_DEPTH} levels deep at ${place}; no file the tool reads is.`,
      {code: 'json_too_deep', file, place},
    )
  }
  try {
    return JSON.parse(body)
  } catch (error) {
    // Required only on this error path: valid documents never load jsonc-parser.
    const {parse: locate, printParseErrorCode} = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc
    const errors: Jsonc.ParseError[] = []
    locate(body, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false})
    const first = errors[0]
    const place = first ? lineAndColumn(body, first.offset) : 'the end'
    const reason = first ? describe(printParseErrorCode(first.error)) : (error as Error).message
    throw new InputError(`${file}: the ${what} is not valid JSON at ${place}: ${reason}`, {
      code: 'malformed_json',
      file,
      place,
    })
  }
}

/** The offset of the first `[` or `{` (outside strings) that opens level `limit + 1`, if any. */
function offsetPastDepth(text: string, limit: number): number | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // A string: jump to its closing quote (one not escaped by an odd run of backslashes). Strings are most of a
      // snapshot's 26 MB, and indexOf skips them far faster than a loop over each character.
      for (;;) {
        i = text.indexOf('"', i + 1)
        if (i === -1) return undefined // unterminated: JSON.parse says where
        let backslashes = 0
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++
        if (backslashes % 2 === 0) break
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return undefined
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`
}

/** "CommaExpected" → "comma expected". */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
