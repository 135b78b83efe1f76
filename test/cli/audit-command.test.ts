import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {schemaProblems} from '../../src/input/schema-check.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json']
const testMatrix = ['--no-builtin-matrix', '--matrix', 'test/fixtures/test-matrix.json']
const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const inventory = JSON.parse(readFileSync('examples/inventory.json', 'utf8'))

describe('audit command on the example account (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('table (default): worst app first, summary on stderr, exit 1 (findings ≥ medium)', async () => {
    const {code, stdout, stderr} = await runCli(['audit', ...example])
    expect(code).to.equal(1)
    expect(stdout).to.include('Recording Archiver').and.include('Users: Edit')
    expect(stderr.trim()).to.match(
      /^16 apps, \d+ at risk, \d+ findings \(\d+ high, \d+ medium(, \d+ low)?\); snapshot of 2026-11-16T07:00:00.000Z, \d+ days old$/,
    )
  })

  it('--json: the report on stdout, valid against the schema, exit code set not thrown', async () => {
    const {code, stdout} = await runCli(['audit', ...example, '--json'])
    expect(code).to.equal(1)
    const report = JSON.parse(stdout)
    expect(schemaProblems('report', report)).to.deep.equal([])
    expect(report.apps).to.have.length(16)
    const kinds = new Set(report.findings.map((f: {kind: string}) => f.kind))
    for (const kind of [
      'missing-privilege',
      'group-restricted-privilege',
      'owner-unknown',
      'owner-not-found',
      'owner-role-unknown',
      'owner-inactive',
      'app-not-found',
      'unmapped-scope',
    ]) {
      expect(kinds, kind).to.include(kind)
    }
  })

  it('--format json equals --json', async () => {
    const a = await runCli(['audit', ...example, '--format', 'json'], {env: {SOURCE_DATE_EPOCH: '1790000000'}})
    const b = await runCli(['audit', ...example, '--json'], {env: {SOURCE_DATE_EPOCH: '1790000000'}})
    expect(JSON.parse(a.stdout)).to.deep.equal(JSON.parse(b.stdout))
  })

  it('--format csv: parses back, one row per finding; the CSV inventory gives the same report', async () => {
    const fromJson = await runCli(['audit', ...example, '--format', 'csv'])
    const fromCsv = await runCli([
      'audit',
      '--snapshot',
      'examples/snapshot.json',
      '--inventory',
      'examples/inventory.csv',
      '--format',
      'csv',
    ])
    expect(fromCsv.stdout).to.equal(fromJson.stdout)
    const rows = parse(fromJson.stdout, {columns: true}) as Array<Record<string, string>>
    expect(rows.length).to.be.greaterThan(5)
    expect(rows.map((r) => r.finding_id)).to.satisfy((ids: string[]) =>
      ids.every((id) => /^zsa-[0-9a-f]{12}$/.test(id)),
    )
  })

  it('--format markdown', async () => {
    const {code, stdout} = await runCli(['audit', ...example, ...testMatrix, '--format', 'markdown'])
    expect(code).to.equal(1)
    expect(stdout).to.equal(readFileSync('test/fixtures/example-report.md', 'utf8').replace(/\n?$/, '\n'))
  })

  const failOn: Array<[string, number, string[]]> = [
    ['high', 1, ['high']],
    ['medium', 1, ['high', 'medium']],
    ['low', 1, ['high', 'medium', 'low']],
    ['none', 0, []],
  ]
  for (const [level, expected] of failOn) {
    it(`--fail-on ${level} → exit ${expected}`, async () => {
      const {code} = await runCli(['audit', ...example, '--fail-on', level, '--format', 'csv'])
      expect(code).to.equal(expected)
    })
  }

  it('--fail-on high → exit 0 when only medium and low findings exist', async () => {
    const snap = tmp.write('only-medium.json', {
      ...snapshot,
      apps: snapshot.apps.filter((a: {id: string}) => a.id === 'aRoomDash3'),
    })
    const inv = tmp.write('only-medium-inv.json', {
      apps: inventory.apps.filter((a: {id: string}) => a.id === 'aRoomDash3'),
    })
    const high = await runCli(['audit', '--snapshot', snap, '--inventory', inv, '--fail-on', 'high', '--json'])
    expect(JSON.parse(high.stdout).summary.bySeverity.high).to.equal(0)
    expect(JSON.parse(high.stdout).summary.bySeverity.medium).to.be.greaterThan(0)
    expect(high.code).to.equal(0)
    expect((await runCli(['audit', '--snapshot', snap, '--inventory', inv, '--fail-on', 'medium'])).code).to.equal(1)
  })

  it('--output writes the report atomically, 0600, creating folders; stdout stays empty', async () => {
    const out = join(tmp.dir, 'reports', 'weekly', 'audit.csv')
    const {code, stdout, stderr} = await runCli(['audit', ...example, '--format', 'csv', '--output', out])
    expect(code).to.equal(1)
    expect(stdout).to.equal('')
    expect(stderr).to.include(`→ ${out}`)
    expect(statSync(out).mode & 0o777).to.equal(0o600)
    expect(readFileSync(out, 'utf8')).to.match(/^finding_id,severity,kind/)
    expect(readdirSync(join(tmp.dir, 'reports', 'weekly'))).to.deep.equal(['audit.csv'])
  })

  it('finding ids are stable across runs with inventory and snapshot reordered', async () => {
    const reversed = {
      ...snapshot,
      users: [...snapshot.users].reverse(),
      roles: [...snapshot.roles].reverse(),
      apps: [...snapshot.apps].reverse().map((a: {scopes: string[]}) => ({...a, scopes: [...a.scopes].reverse()})),
    }
    const snap = tmp.write('reversed-snapshot.json', reversed)
    const inv = tmp.write('reversed-inventory.json', {apps: [...inventory.apps].reverse()})
    const one = JSON.parse((await runCli(['audit', ...example, '--json'])).stdout)
    const two = JSON.parse((await runCli(['audit', '--snapshot', snap, '--inventory', inv, '--json'])).stdout)
    expect(two.findings.map((f: {id: string}) => f.id)).to.deep.equal(one.findings.map((f: {id: string}) => f.id))
    expect(two.apps.map((a: {id: string}) => a.id)).to.deep.equal(one.apps.map((a: {id: string}) => a.id))
  })

  const bad: Array<{name: string; args: (dir: string) => string[]; message: RegExp}> = [
    {
      name: 'CSV inventory without an owner column',
      args: () => ['--inventory', tmp.write('no-owner.csv', 'app_id,name\naRecArch01,Recording Archiver\n')],
      message: /no-owner\.csv, line 1: the header has no "owner" column/,
    },
    {
      name: 'CSV inventory without an app_id column',
      args: () => ['--inventory', tmp.write('no-id.csv', 'owner,name\nann@x,Rec\n')],
      message: /no-id\.csv, line 1: the header has no "app_id" column/,
    },
    {
      name: 'a short CSV row',
      args: () => [
        '--inventory',
        tmp.write('short.csv', 'app_id,owner,name\naRecArch01,dana@x,Rec\naHRSync002,marco@x\n'),
      ],
      message: /short\.csv, line 3: 2 cells where the header has 3/,
    },
    {
      name: 'a schema-invalid snapshot',
      args: () => [
        '--snapshot',
        tmp.write('bad-snap.json', {...snapshot, users: [{...snapshot.users[0], status: 'gone'}]}),
      ],
      message:
        /bad-snap\.json: not a valid account snapshot: \/users\/0\/status must be one of "active", "inactive", "pending"/,
    },
    {
      name: 'a schema-invalid inventory',
      args: () => ['--inventory', tmp.write('bad-inv.json', {apps: [{id: 'x'}]})],
      message: /bad-inv\.json: not a valid inventory: \/apps\/0 must have required property "owner"/,
    },
    {
      name: 'an unknown --format',
      args: () => ['--format', 'xml'],
      message: /--format xml is not one of table, json, csv, markdown, html, xlsx/,
    },
    {
      name: 'an unknown --fail-on',
      args: () => ['--fail-on', 'critical'],
      message: /--fail-on critical is not one of high, medium, low, none/,
    },
  ]
  for (const b of bad) {
    it(`exit 2 naming file and place, nothing written: ${b.name}`, async () => {
      const out = join(tmp.dir, 'never', `${b.name.replaceAll(/\W+/g, '-')}.csv`)
      const extra = b.args(tmp.dir)
      // The case's own --snapshot / --inventory replace the example's.
      const base = {'--snapshot': 'examples/snapshot.json', '--inventory': 'examples/inventory.json'} as Record<
        string,
        string
      >
      for (let i = 0; i < extra.length; i += 2) if (extra[i]! in base) base[extra[i]!] = extra[i + 1]!
      const rest = extra.filter((_, i) => !(extra[i - (i % 2)]! in base))
      const args = ['audit', ...Object.entries(base).flat(), ...rest, '--output', out]
      const {code, stderr, stdout} = await runCli(args)
      expect(code, stderr).to.equal(2)
      expect(stderr).to.match(b.message)
      expect(hasStackTrace(stderr)).to.equal(false)
      expect(stdout).to.equal('')
      expect(existsSync(out)).to.equal(false)
    })
  }
})
