// JSON.parse with the error placed at a line and column, so people can find it in their editor.
// V8 (Node 20) often omits the position from its message, so a strict jsonc-parser pass locates it.
import {parse as locate, printParseErrorCode, type ParseError} from 'jsonc-parser'

import {InputError} from '../errors.js'

export function parseJson(text: string, file: string, what: string): unknown {
  const body = text.replace(/^\uFEFF/, '')
  try {
    return JSON.parse(body)
  } catch (error) {
    const errors: ParseError[] = []
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

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`
}

/** "CommaExpected" → "comma expected". */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
