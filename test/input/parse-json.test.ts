import {expect} from 'chai'

import {MAX_JSON_DEPTH, parseJson} from '../../src/input/parse-json.js'

describe('parseJson nesting limit', () => {
  // Brackets inside strings do not nest, whatever the escapes before them: \" does not end a string, \\" does.
  const strings = `"${'['.repeat(100)}\\"${'{'.repeat(100)}", "b": "\\\\", "c": "\\\\\\"[[[", "d": "é{🙂["`
  const nested = (levels: number) => `{"a": ${strings}, "n": ${'['.repeat(levels)}${']'.repeat(levels)}}`

  it(`reads ${MAX_JSON_DEPTH} levels with brackets and escaped quotes inside strings`, () => {
    const text = nested(MAX_JSON_DEPTH - 1)
    expect(parseJson(text, 'x.json', 'snapshot')).to.deep.equal(JSON.parse(text))
  })

  it(`refuses level ${MAX_JSON_DEPTH + 1} at its opening bracket, past strings full of brackets`, () => {
    const text = nested(MAX_JSON_DEPTH)
    const column = text.indexOf('"n": ') + '"n": '.length + MAX_JSON_DEPTH
    expect(() => parseJson(text, 'x.json', 'snapshot')).to.throw(
      `x.json: the snapshot is nested more than ${MAX_JSON_DEPTH} levels deep at line 1, column ${column}`,
    )
  })

  it('leaves an unterminated string to JSON.parse, which says where', () => {
    expect(() => parseJson('{"a": "[[[', 'x.json', 'snapshot')).to.throw(/x\.json: the snapshot is not valid JSON at/)
  })
})
