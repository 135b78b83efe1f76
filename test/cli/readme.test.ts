// The README's promise: two commands get a person from zero to a first report, and to the test suite CI runs.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {EXAMPLE_ACCOUNT} from '../helpers/example-account.js'
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

/** The README's `$ zoom-scope-audit audit …` and `$ zoom-scope-audit transfer …` samples, with what follows them. */
// The "Offboarding someone" walkthrough is a sequence (its audit follows a set-owner): readme-offboarding.test.ts runs it.
const standalone = readme.replace(/\n## Offboarding someone\n[\s\S]*?(?=\n## )/, '\n')
const samples = [
  ...standalone.matchAll(/```text\n\$ zoom-scope-audit ((?:audit|transfer) [^\n]*)\n([\s\S]*?)```/g),
].map((m) => {
  const [output = '', exit] = m[2]!.split('$ echo $?\n')
  return {command: m[1]!, output, exit: exit === undefined ? undefined : Number(exit.trim())}
})

describe('README sample outputs are the real outputs of the commands shown', function () {
  this.timeout(60_000)

  it('shows the audit table and transfer commands', () => {
    const commands = samples.map((s) => s.command.split(' ').slice(0, 2).join(' '))
    expect(commands).to.include.members(['audit --snapshot', 'transfer check', 'transfer candidates'])
  })

  for (const sample of samples) {
    it(`$ zoom-scope-audit ${sample.command}`, async () => {
      // stdout is not a terminal here: 80 columns, as the README says. stderr follows stdout, as on a terminal. The
      // clock is pinned four days after the example snapshot, the age the sample shows.
      const {code, stdout, stderr} = await runCli(sample.command.split(' '), {
        env: {COLUMNS: '80', SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)},
      })
      expect(stdout + stderr).to.equal(sample.output)
      if (sample.exit !== undefined) expect(code).to.equal(sample.exit)
    })
  }

  it('the CSV sample: its header and row are lines of the real CSV of the example', async () => {
    const csv = /```csv\n([\s\S]*?)```/.exec(readme)![1]!.trimEnd().split('\n')
    const {stdout} = await runCli(['audit', ...EXAMPLE_ACCOUNT, '--format', 'csv'])
    const lines = stdout.split('\r\n')
    expect(csv).to.have.length.at.least(2)
    for (const line of csv) expect(lines).to.include(line)
  })
})
