// The schemas the client checks Zoom's answers with are valid JSON Schema: the client compiles them without checking
// them against the meta-schema (start-up time), so that check is made here.
import {Ajv} from 'ajv'
import {expect} from 'chai'

import {ANSWER_SCHEMAS} from '../../src/zoom/answers/schemas.js'

describe("Zoom answers' schemas", () => {
  const ajv = new Ajv({allErrors: true, strict: true, validateSchema: true})

  for (const [endpoint, schema] of Object.entries(ANSWER_SCHEMAS)) {
    it(`${endpoint}: valid against the meta-schema, and compiles in strict mode`, () => {
      expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).to.equal(true)
      expect(() => ajv.compile(schema)).not.to.throw()
    })
  }

  it('the meta-schema check can fail: a schema with a wrong type name is refused', () => {
    expect(ajv.validateSchema({type: 'list'})).to.equal(false)
  })
})
