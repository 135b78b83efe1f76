import {expect} from 'chai'

import {inspectBuiltinMatrix, loadBuiltinMatrix} from '../../src/matrix/load.js'

// Commands load the shipped matrix without validating it (start-up time): this is where it is validated.
describe('the built-in matrix', () => {
  it('fits the schema and the file rules, and loads the same rules as validation would', async () => {
    const inspected = await inspectBuiltinMatrix()
    expect(inspected.errors).to.deep.equal([])
    const rules = (await loadBuiltinMatrix()).matrix.rules.map((r) => [r.scope, r.requires])
    expect(rules).to.deep.equal(inspected.layer!.matrix.rules.map((r) => [r.scope, r.requires]))
  })
})
