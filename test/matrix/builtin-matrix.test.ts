import {expect} from 'chai'

import {inspectBuiltinMatrix, loadBuiltinMatrix} from '../../src/matrix/load.js'

// Commands load the shipped matrix without validating it (start-up time): this is where it is validated.
describe('the built-in matrix', () => {
  it('fits the schema and the file rules, and loads as validation would load it', async () => {
    const inspected = await inspectBuiltinMatrix()
    expect(inspected.errors).to.deep.equal([])
    expect(await loadBuiltinMatrix()).to.deep.equal(inspected.layer)
  })
})
