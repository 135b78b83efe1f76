// The README's promise: two commands get a person from zero to a first report, and to the test suite CI runs.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {runCli} from '../helpers/run-cli.js'

const readme = readFileSync('README.md', 'utf8')
const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n') ?? []

describe('README quick start', function () {
  this.timeout(60_000)

  it('has exactly two commands: install + audit the example, install + test (what .ci/run runs)', () => {
    expect(quickStart).to.have.length(2)
    expect(quickStart[0]).to.match(
      /^npm ci && node bin\/run\.js audit --snapshot examples\/snapshot\.json --inventory examples\/inventory\.json$/,
    )
    expect(quickStart[1]).to.equal('npm ci && npm test')
    const ci = readFileSync('.ci/run', 'utf8')
    expect(ci)
      .to.match(/^npm ci$/m)
      .and.match(/^npm test$/m)
  })

  it('the first command audits the example with no credentials', async () => {
    const args = quickStart[0]!.replace('npm ci && node bin/run.js ', '').split(' ')
    const {code, stdout, stderr} = await runCli(args)
    expect(code).to.equal(1)
    expect(stdout).to.include('Recording Archiver')
    expect(stderr).to.match(/^16 apps, \d+ at risk/)
  })
})
