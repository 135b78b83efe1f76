// The schemas the client checks Zoom's answers with are valid JSON Schema: the client compiles them without checking
// them against the meta-schema (start-up time), so that check is made here. The build compiles them ahead of time
// (scripts/build-validators.mjs); those validators must say what ajv says of the same schemas.
import {Ajv} from 'ajv'
import {expect} from 'chai'

import {ANSWER_SCHEMAS, answerValidatorName, type AnswerEndpoint} from '../../src/zoom/answers/schemas.js'

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

  it("the build's validators (dist/zoom/answers/validators.js) give ajv's verdict and first error on every endpoint", async () => {
    type Validate = ((body: unknown) => boolean) & {errors?: Array<Record<string, unknown>> | null}
    const prebuilt = (await import(new URL('../../dist/zoom/answers/validators.js', import.meta.url).href)) as Record<
      string,
      Validate
    >
    // The options of src/zoom/answers/check.ts.
    const runtime = new Ajv({allErrors: false, strict: true, verbose: true, validateSchema: false})
    const bodies: unknown[] = [
      null,
      [],
      'text',
      {},
      {access_token: 'token', expires_in: 3600},
      {access_token: '', expires_in: '3600'},
      {users: [{id: 'u1', email: 'a@example.com', role_id: null}], next_page_token: ''},
      {users: [{id: '', email: 7}], total_records: -1},
      {id: 'u1', email: 'a@example.com'},
      {permissions: ['User:Read', 3]},
      {roles: [{id: 'r1', name: null}, {name: 'no id'}]},
      {privileges: ['User:Read'], privilege_scopes: [{permission_id: 'User:Read', group_ids: 'g1'}]},
      {members: [{id: 'u1'}]},
      {apps: [{app_id: 'a1', scopes: [{scope_name: 5}]}]},
      {app_scopes: ['meeting:read:admin']},
    ]
    const names = Object.keys(ANSWER_SCHEMAS).map((e) => answerValidatorName(e as AnswerEndpoint))
    expect(new Set(names).size, 'one name per endpoint').to.equal(names.length)
    expect(Object.keys(prebuilt).sort()).to.deep.equal([...names].sort())
    let invalid = 0
    for (const [endpoint, schema] of Object.entries(ANSWER_SCHEMAS)) {
      const built = prebuilt[answerValidatorName(endpoint as AnswerEndpoint)]!
      const compiled = runtime.compile(schema)
      for (const body of bodies) {
        const verdict = compiled(body)
        const where = `${endpoint} on ${JSON.stringify(body)}`
        expect(built(body), where).to.equal(verdict)
        if (verdict) continue
        invalid++
        const [a, b] = [built.errors?.[0], compiled.errors?.[0]]
        // What check.ts reads of an error: where, which keyword, its params, the data and the parent schema.
        expect([a?.instancePath, a?.keyword, a?.params, a?.data], where).to.deep.equal([
          b?.instancePath,
          b?.keyword,
          b?.params,
          b?.data,
        ])
        expect(a?.parentSchema, where).to.deep.equal(b?.parentSchema)
      }
    }
    expect(invalid).to.be.greaterThan(50)
  })
})
