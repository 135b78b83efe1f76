// JSON.parse with the error placed at a line and column, so people can find it in their editor.
import {InputError} from '../errors.js'

export function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = (error as Error).message
    const position = /position (\d+)/.exec(message)?.[1]
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')
    throw new InputError(`${file}: the ${what} is not valid JSON${where}: ${detail}.`, {
      code: 'malformed_json',
      file,
      place: where.replace(/^ at /, ''),
    })
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).replace(/^\uFEFF/, '')
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}
