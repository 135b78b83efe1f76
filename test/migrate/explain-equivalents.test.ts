// `matrix explain` of a classic scope lists its granular equivalents (from the shipped map); a granular one does not.
import {expect} from 'chai'

import {explainScope} from '../../src/matrix/explain.js'
import {loadMatrixLayers} from '../../src/matrix/load.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import {loadClassicToGranular} from '../../src/migrate/map.js'
import {runCli} from '../helpers/run-cli.js'

describe('matrix explain: granular equivalents of a classic scope', function () {
  this.timeout(60_000)

  it('lists each granular scope with how many operations it comes from; none for granular or unknown scopes', async () => {
    const matrix = buildMatrix(await loadMatrixLayers({}))
    const map = loadClassicToGranular()
    const classic = explainScope(matrix, 'user:read:admin', map)
    expect(classic.granularEquivalents).to.have.length(13)
    expect(classic.granularEquivalents).to.deep.include({scope: 'user:read:list_users:admin', operations: 1})
    expect(classic.granularEquivalents).to.deep.include({scope: 'user:read:settings:admin', operations: 2})
    expect(explainScope(matrix, 'imchat:bot', map).granularEquivalents).to.deep.equal([])
    expect(explainScope(matrix, 'user:read:user:admin', map)).to.not.have.property('granularEquivalents')
    expect(explainScope(matrix, 'user:read:admin')).to.not.have.property('granularEquivalents')
  })

  it('shows them in the text view, one per line', async () => {
    const {code, stdout} = await runCli(['matrix', 'explain', 'user:read:admin', 'imchat:bot'])
    expect(code).to.equal(0)
    expect(stdout).to.match(
      /^ {2}granular +user:read:collaboration_device:admin \(1 operation\)\n {14}user:read:email:admin \(1 operation\)$/m,
    )
    expect(stdout).to.match(/^ {14}user:read:settings:admin \(2 operations\)$/m)
    expect(stdout).to.match(/^ {2}granular +\(none of its level in Zoom's data\)$/m)
  })
})
