// JSON files the tool reads, as subprocesses: hostile nesting and wrong types are bad input (exit 2, the file and the
// place named), never an internal error.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
  apps: Array<{id: string; name: unknown}>
  roles: Array<{id: unknown; name: unknown}>
}
const snap = ['--snapshot', 'examples/snapshot.json']
const inventory = ['--inventory', 'examples/inventory.csv']

describe('JSON inputs (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  const deep = {
    'unclosed 100 000 [': '['.repeat(100_000),
    'closed 100 000 [ ]': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    '100 000 { } under a key': `{"apps": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
  }

  for (const [what, text] of Object.entries(deep)) {
    it(`a snapshot of ${what}: exit 2 naming the file and the line and column`, async () => {
      const file = tmp.write('deep-snapshot.json', text)
      const {code, stdout, stderr} = await runCli(['audit', '--snapshot', file, ...inventory])
      expect(code, stderr).to.equal(2)
      // The 65th opening bracket: `{"apps": ` is 9 characters, then 63 `{"a":` of 5.
      const column = text.startsWith('{') ? 9 + 63 * 5 + 1 : 65
      expect(stderr).to.equal(
        `Error: ${file}: the snapshot is nested more than 64 levels deep at line 1, column ${column}; no file the tool reads is.\n`,
      )
      expect(stdout).to.equal('')
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }

  const others: Array<[string, (file: string) => string[], string]> = [
    ['inventory', (file) => ['audit', ...snap, '--inventory', file], 'inventory'],
    ['matrix', (file) => ['audit', ...snap, ...inventory, '--matrix', file], 'privilege matrix'],
    ['baseline', (file) => ['audit', ...snap, ...inventory, '--baseline', file], 'baseline report'],
    ['accepted findings', (file) => ['audit', ...snap, ...inventory, '--accept', file], 'accepted findings'],
  ]
  for (const [what, argv, words] of others) {
    it(`a deeply nested ${what} file: exit 2 with the place`, async () => {
      const file = tmp.write(`deep-${what.replace(/ /g, '-')}.json`, `\n  ${'['.repeat(100_000)}`)
      const {code, stderr} = await runCli(argv(file))
      expect(code, stderr).to.equal(2)
      expect(stderr).to.include(`${file}: the ${words}`)
      expect(stderr).to.include('nested more than 64 levels deep at line 2, column 67')
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }

  it('matrix validate of a deeply nested file: exit 2, the file listed as invalid with the place', async () => {
    const file = tmp.write('deep-validate.json', `\n  ${'['.repeat(100_000)}`)
    const {code, stdout, stderr} = await runCli(['matrix', 'validate', file])
    expect(code, stderr).to.equal(2)
    expect(stdout).to.include(`invalid  ${file}`)
    expect(stdout).to.include('nested more than 64 levels deep at line 2, column 67')
  })

  it('brackets inside strings are text, not nesting: a name of 1 000 "[" loads', async () => {
    const snapshot = structuredClone(example)
    snapshot.apps[0]!.name = `${'['.repeat(1000)}\\"{{{`
    const file = tmp.write('brackets-in-names.json', snapshot)
    const {code, stdout, stderr} = await runCli(['audit', '--snapshot', file, ...inventory, '--json'])
    expect(code, stderr).to.equal(1)
    const report = JSON.parse(stdout) as {findings: Array<{appId: string; appName: string}>}
    expect(report.findings.find((f) => f.appId === snapshot.apps[0]!.id)?.appName).to.equal(snapshot.apps[0]!.name)
  })

  it('numeric names and ids in a snapshot: exit 2 with each JSON pointer (Zoom sends them as strings)', async () => {
    const snapshot = structuredClone(example)
    snapshot.apps[2]!.name = 12345
    snapshot.roles[1]!.id = 2
    snapshot.roles[1]!.name = 7
    const file = tmp.write('numeric.json', snapshot)
    const {code, stderr} = await runCli(['audit', '--snapshot', file, ...inventory])
    expect(code, stderr).to.equal(2)
    expect(stderr).to.equal(
      `Error: ${file}: not a valid account snapshot: /roles/1/id must be string; /roles/1/name must be string; /apps/2/name must be string\n`,
    )
  })

  it('names such as __proto__ and constructor in a snapshot are data', async () => {
    const snapshot = structuredClone(example)
    const hostile = ['__proto__', 'constructor', 'toString']
    for (const [i, app] of snapshot.apps.entries()) app.name = hostile[i % hostile.length]
    const file = tmp.write('proto-names.json', snapshot)
    const {code, stdout, stderr} = await runCli(['audit', '--snapshot', file, ...inventory, '--json'])
    expect(code, stderr).to.equal(1)
    const names = (JSON.parse(stdout) as {findings: Array<{appName: string}>}).findings.map((f) => f.appName)
    expect(names).to.include.members(hostile)
  })
})
