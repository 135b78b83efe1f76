// The unattended weekly job end to end: the CLI as a subprocess against the fake Zoom API, one fetch for several
// files, what changed between two runs of a changed account, --compare-last / --fail-on-new, acceptances, the
// snapshot's age and --max-age, and a snapshot taken without an inventory.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {schemaProblems} from '../../src/input/schema-check.js'
import {serveExampleAccount} from '../helpers/example-zoom.js'
import {callsByEndpoint, onlyReads} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const inventory = ['--inventory', 'examples/inventory.json']
const offline = ['--snapshot', 'examples/snapshot.json', ...inventory]
const epoch = (iso: string) => String(Date.parse(iso) / 1000)
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'))
type Finding = {id: string; appId: string; new?: boolean; severity: string}

describe('the weekly job against the fake Zoom API (subprocess)', function () {
  this.timeout(180_000)
  const zoom = serveExampleAccount()
  const tmp = makeTempDir()
  const env = (when: string, overrides: Record<string, string> = {}) => ({
    ...zoom.env(overrides),
    SOURCE_DATE_EPOCH: epoch(when),
  })
  after(() => tmp.cleanup())

  it('several formats from one fetch: the same API calls as a single-format run; timestamped files and latest.json, 0600', async () => {
    const single = await runCli([...['audit', ...inventory], '--format', 'csv', '--output', join(tmp.dir, 'one.csv')], {
      env: env('2026-11-23T07:00:00Z'),
    })
    expect(single.code, single.stderr).to.equal(1)
    const singleCalls = callsByEndpoint(zoom.fake)
    zoom.fake.reset()

    const dir = join(tmp.dir, 'multi')
    const formats = ['json', 'csv', 'markdown', 'html', 'xlsx'].flatMap((f) => ['--format', f])
    const multi = await runCli(['audit', ...inventory, '--output-dir', dir, ...formats], {
      env: env('2026-11-23T07:00:05Z'),
    })
    expect(multi.code, multi.stderr).to.equal(1)
    expect(callsByEndpoint(zoom.fake)).to.deep.equal(singleCalls)
    expect(onlyReads(zoom.fake)).to.equal(true)
    expect(multi.stdout).to.equal('')
    const stamp = 'zoom-scope-audit-20261123T070005Z'
    expect(readdirSync(dir).sort()).to.deep.equal(
      ['csv', 'html', 'json', 'md', 'xlsx']
        .map((ext) => `${stamp}.${ext}`)
        .concat('latest.json')
        .sort(),
    )
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).to.equal(0o600)
    expect(readFileSync(join(dir, `${stamp}.json`), 'utf8')).to.equal(readFileSync(join(dir, 'latest.json'), 'utf8'))
    expect(schemaProblems('report', readJson(join(dir, 'latest.json')))).to.deep.equal([])
    expect(readFileSync(join(dir, `${stamp}.csv`), 'utf8')).to.equal(readFileSync(join(tmp.dir, 'one.csv'), 'utf8'))
    expect(multi.stderr).to.include(`→ ${join(dir, `${stamp}.json`)}`)
  })

  it('two runs of a changed account with --compare-last --fail-on-new: first run all new, then new / unchanged / resolved', async () => {
    const dir = join(tmp.dir, 'weekly')
    const run = (when: string) =>
      runCli(
        [
          'audit',
          ...inventory,
          '--output-dir',
          dir,
          '--format',
          'csv',
          '--compare-last',
          '--fail-on-new',
          '--fail-on',
          'medium',
        ],
        {env: env(when)},
      )
    const first = await run('2026-11-16T07:00:00Z')
    expect(first.code, first.stderr).to.equal(1)
    expect(first.stderr).to.match(/first run in .*weekly: no latest\.json to compare with, so every finding is new/)
    const week1 = readJson(join(dir, 'latest.json'))
    expect(week1.findings.every((f: Finding) => f.new === true)).to.equal(true)
    expect(week1.summary).to.include({new: week1.findings.length, resolved: 0})

    // A week later: Dana becomes an Owner (her app's findings are fixed), Sam becomes a Member (a new finding).
    const user = (email: string) => zoom.scenario.users.find((u) => u.email === email)!
    const [dana, sam] = [user('dana.scully@acme.example'), user('sam.okafor@acme.example')]
    const before = {dana: dana.role_id, sam: sam.role_id}
    dana.role_id = '0'
    sam.role_id = '2'
    try {
      const second = await run('2026-11-23T07:00:00Z')
      expect(second.code, second.stderr).to.equal(1)
      const week2 = readJson(join(dir, 'latest.json'))
      const fresh = week2.findings.filter((f: Finding) => f.new)
      expect(fresh.length).to.be.greaterThan(0)
      expect(fresh.every((f: Finding) => f.appId === 'aDirSync15')).to.equal(true)
      const unchanged = week2.findings.filter((f: Finding) => !f.new)
      expect(unchanged.length).to.be.greaterThan(0)
      expect(unchanged.every((f: Finding) => week1.findings.some((g: Finding) => g.id === f.id))).to.equal(true)
      expect(week2.resolved.map((f: Finding) => f.appId)).to.include('aRecArch01')
      expect(week2.findings.some((f: Finding) => week2.resolved.some((r: Finding) => r.id === f.id))).to.equal(false)
      expect(week2.summary).to.include({new: fresh.length, resolved: week2.resolved.length})
      expect(second.stderr).to.match(new RegExp(`, ${fresh.length} new, ${week2.resolved.length} resolved`))
      const csv = parse(readFileSync(join(dir, 'zoom-scope-audit-20261123T070000Z.csv')), {columns: true}) as Array<
        Record<string, string>
      >
      expect(csv.filter((r) => r.new === 'true').map((r) => r.finding_id)).to.deep.equal(
        fresh.map((f: Finding) => f.id),
      )

      // No change since: nothing new, exit 0 although findings at or above --fail-on remain.
      const third = await run('2026-11-30T07:00:00Z')
      expect(third.code, third.stderr).to.equal(0)
      const week3 = readJson(join(dir, 'latest.json'))
      expect(week3.summary).to.include({new: 0, resolved: 0})
      expect(week3.summary.bySeverity.high).to.be.greaterThan(0)
      expect(readdirSync(dir).filter((n) => n.endsWith('.csv'))).to.have.length(3)
    } finally {
      dana.role_id = before.dana
      sam.role_id = before.sam
    }
  })

  it('a snapshot taken without --inventory: an app the list does not show is reported as such, not left out', async () => {
    const hidden = zoom.scenario.apps.find((a) => a.app_id === 'aDirSync15')!
    hidden.listed = false
    try {
      const bare = join(tmp.dir, 'bare.json')
      const full = join(tmp.dir, 'full.json')
      expect((await runCli(['snapshot', '--output', bare], {env: env('2026-11-23T07:00:00Z')})).code).to.equal(0)
      expect(
        (await runCli(['snapshot', '--output', full, ...inventory], {env: env('2026-11-23T07:00:00Z')})).code,
      ).to.equal(0)
      expect(readJson(bare).inventoryApps).to.equal(null)
      expect(readJson(full).inventoryApps).to.include('aDirSync15')

      const audit = (snap: string) =>
        runCli(['audit', '--snapshot', snap, ...inventory, '--json'], {
          env: {SOURCE_DATE_EPOCH: epoch('2026-11-23T08:00:00Z')},
        })
      const live = JSON.parse(
        (await runCli(['audit', ...inventory, '--json'], {env: env('2026-11-23T07:00:00Z')})).stdout,
      )
      const fromFull = JSON.parse((await audit(full)).stdout)
      const fromBare = JSON.parse((await audit(bare)).stdout)
      const ofApp = (r: {findings: Array<Finding & {kind: string; message: string}>}) =>
        r.findings.filter((f) => f.appId === 'aDirSync15')
      expect(ofApp(fromFull).map((f) => f.id)).to.deep.equal(ofApp(live).map((f) => f.id))
      const notice = ofApp(fromBare)
      expect(notice.map((f) => f.kind)).to.deep.equal(['app-not-in-snapshot'])
      expect(notice[0]!.severity).to.equal('high')
      expect(notice[0]!.message).to.include('Take the snapshot with --inventory')
    } finally {
      hidden.listed = true
    }
  })

  it('a wrong secret: exit 3, nothing written, latest.json untouched', async () => {
    const dir = join(tmp.dir, 'wrong')
    const ok = await runCli(['audit', ...inventory, '--output-dir', dir, '--fail-on', 'none'], {
      env: env('2026-11-23T07:00:00Z'),
    })
    expect(ok.code, ok.stderr).to.equal(0)
    const before = readdirSync(dir).sort()
    const latest = readFileSync(join(dir, 'latest.json'), 'utf8')
    const bad = await runCli(['audit', ...inventory, '--output-dir', dir, '--compare-last'], {
      env: env('2026-11-30T07:00:00Z', {ZOOM_CLIENT_SECRET: 'wrong'}),
    })
    expect(bad.code).to.equal(3)
    expect(hasStackTrace(bad.stderr)).to.equal(false)
    expect(readdirSync(dir).sort()).to.deep.equal(before)
    expect(readFileSync(join(dir, 'latest.json'), 'utf8')).to.equal(latest)
  })
})

describe('audit --output-dir / --baseline / --accept / --max-age rules (subprocess, offline)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  const at = (iso: string) => ({env: {SOURCE_DATE_EPOCH: epoch(iso)}})

  const usage: Array<[string, string[], RegExp]> = [
    [
      'several formats with --output',
      ['--format', 'csv', '--format', 'json', '--output', 'x.csv'],
      /--output-dir DIR instead of --output/,
    ],
    ['several formats to stdout', ['--format', 'csv', '--format', 'json'], /several formats are written to a folder/],
    [
      '--compare-last without --output-dir',
      ['--compare-last'],
      /--compare-last compares with DIR\/latest\.json, and no --output-dir DIR is given\. Add --output-dir DIR\./,
    ],
    ['--fail-on-new without a baseline', ['--fail-on-new'], /--fail-on-new needs a previous report/],
    ['--max-age that is no age', ['--max-age', 'a week'], /8d, 36h, 90m/],
  ]
  for (const [name, args, message] of usage) {
    it(`exit 2: ${name}`, async () => {
      const {code, stderr} = await runCli(['audit', ...offline, ...args], {
        cwd: tmp.dir.length > 0 ? undefined : undefined,
      })
      expect(code, stderr).to.equal(2)
      expect(stderr).to.match(message)
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }

  it('exit 2 naming the file: a --baseline that is missing, or of another schemaVersion', async () => {
    const missing = join(tmp.dir, 'nope.json')
    const a = await runCli(['audit', ...offline, '--baseline', missing])
    expect(a.code).to.equal(2)
    expect(a.stderr).to.include(`${missing}: cannot read the baseline report (no such file)`)
    const report = JSON.parse((await runCli(['audit', ...offline, '--json'])).stdout)
    const v2 = tmp.write('v2.json', {...report, schemaVersion: 2})
    const b = await runCli(['audit', ...offline, '--baseline', v2])
    expect(b.code).to.equal(2)
    expect(b.stderr).to.include(
      `${v2}: the baseline report has schemaVersion 2; this version of zoom-scope-audit reads schemaVersion 1`,
    )
  })

  it('--new-only: a report of the new findings whose summary says what it left out', async () => {
    const report = JSON.parse((await runCli(['audit', ...offline, '--json'])).stdout)
    const baseline = tmp.write('base.json', {...report, findings: report.findings.slice(1)})
    const {stdout, stderr} = await runCli(['audit', ...offline, '--baseline', baseline, '--new-only', '--json'])
    const r = JSON.parse(stdout)
    expect(r.findings).to.have.length(1)
    expect(r.summary).to.include({findings: report.findings.length, appsAtRisk: report.summary.appsAtRisk, new: 1})
    expect(r.summary.omitted).to.equal(report.findings.length - 1)
    expect(stderr).to.match(
      new RegExp(
        `${report.summary.appsAtRisk} at risk, .*1 new \\(only these reported; ${report.findings.length - 1} not new left out\\)`,
      ),
    )
  })

  it('acceptances by pattern: counted, never failing, expired and stale ones named (stderr and --json notes)', async () => {
    const report = JSON.parse((await runCli(['audit', ...offline, '--json'])).stdout)
    const accept = tmp.write('accepted.json', {
      accepted: [
        {scope: '*', reason: 'migration project', by: 'priya', ticket: 'CHG-77', until: '2026-12-31'},
        {app: 'aGoneApp', reason: 'app retired'},
        {kind: 'owner-inactive', reason: 'handover', ticket: 'CHG-5', until: '2026-11-01'},
      ],
    })
    const {code, stdout, stderr} = await runCli(
      ['audit', ...offline, '--accept', accept, '--fail-on', 'low', '--json'],
      at('2026-11-20T00:00:00Z'),
    )
    const r = JSON.parse(stdout)
    // Everything is accepted except the one low expired-acceptance finding, which fails --fail-on low.
    expect(code).to.equal(1)
    expect(r.findings.map((f: {kind: string}) => f.kind)).to.deep.equal(['expired-acceptance'])
    expect(r.findings[0].message)
      .to.include('"handover"')
      .and.include('ticket CHG-5')
      .and.include('ended on 2026-11-01')
    expect(r.summary.accepted).to.equal(report.findings.length)
    expect(r.accepted[0]).to.include({reason: 'migration project', by: 'priya', ticket: 'CHG-77', until: '2026-12-31'})
    expect(stderr).to.include('(app aGoneApp)').and.include(`remove it from ${accept}`)
    expect(r.notes.join('\n')).to.include('app aGoneApp')
    const high = await runCli(
      ['audit', ...offline, '--accept', accept, '--fail-on', 'medium'],
      at('2026-11-20T00:00:00Z'),
    )
    expect(high.code).to.equal(0)
  })

  const badAccept: Array<[string, object, RegExp]> = [
    [
      'an unknown field',
      {accepted: [{id: 'zsa-0123456789ab', reason: 'x', owner: 'me'}]},
      /\/accepted\/0 has unknown property "owner"/,
    ],
    [
      'a bad date',
      {accepted: [{app: '*', reason: 'x', until: '31/12/2026'}]},
      /\/accepted\/0\/until must be a date written YYYY-MM-DD/,
    ],
    [
      'an entry that accepts nothing in particular',
      {accepted: [{reason: 'x'}]},
      /\/accepted\/0 says what it accepts nowhere/,
    ],
  ]
  for (const [name, content, message] of badAccept) {
    it(`exit 2 naming the file and place: ${name}`, async () => {
      const file = tmp.write('bad-accept.json', content)
      const {code, stderr} = await runCli(['audit', ...offline, '--accept', file])
      expect(code).to.equal(2)
      expect(stderr).to.include(file).and.match(message)
    })
  }

  it('the snapshot age on stderr; --max-age 8d refuses an older snapshot (exit 2)', async () => {
    // examples/snapshot.json was captured 2026-11-16T07:00:00Z.
    const fresh = await runCli(
      ['audit', ...offline, '--max-age', '8d', '--fail-on', 'none'],
      at('2026-11-20T07:00:00Z'),
    )
    expect(fresh.code, fresh.stderr).to.equal(0)
    expect(fresh.stderr).to.match(/; snapshot of 2026-11-16T07:00:00.000Z, 4 days old\n$/)
    const json = JSON.parse((await runCli(['audit', ...offline, '--json'], at('2026-11-20T07:00:00Z'))).stdout)
    expect(json.account).to.include({capturedAt: '2026-11-16T07:00:00.000Z', source: 'snapshot'})
    const stale = await runCli(['audit', ...offline, '--max-age', '8d'], at('2026-11-25T07:00:00Z'))
    expect(stale.code).to.equal(2)
    expect(stale.stderr).to.include(
      'examples/snapshot.json: the snapshot was taken 2026-11-16T07:00:00.000Z, 9 days ago — older than --max-age 8d',
    )
  })

  it('--csv-bom in an --output-dir run; the CSV parses back with identifiers intact', async () => {
    const dir = join(tmp.dir, 'bom')
    await runCli(['audit', ...offline, '--output-dir', dir, '--format', 'csv', '--csv-bom'], at('2026-11-20T07:00:00Z'))
    const bytes = readFileSync(join(dir, 'zoom-scope-audit-20261120T070000Z.csv'))
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf])
    const rows = parse(bytes, {columns: true, bom: true}) as Array<Record<string, string>>
    const report = readJson(join(dir, 'latest.json'))
    expect(rows.map((r) => r.finding_id)).to.deep.equal(report.findings.map((f: Finding) => f.id))
    expect(rows.map((r) => r.app_id)).to.deep.equal(report.findings.map((f: Finding) => f.appId))
  })
})
