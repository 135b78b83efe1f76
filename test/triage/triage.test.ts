import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {runAudit} from '../../src/audit/audit.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {triage} from '../../src/triage/triage.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const matrix = buildMatrix([{file: 't', matrix: read('test/fixtures/test-matrix.json') as MatrixFile}])
const now = new Date('2026-11-23T08:00:00Z')
const report = runAudit({
  snapshot: read('examples/snapshot.json'),
  inventory: read('examples/inventory.json'),
  matrix,
  now,
})
const [first, second, third] = report.findings

describe('triage: new against a baseline, accepted findings set aside', () => {
  it('marks findings whose id the baseline lacks as new, and counts them', () => {
    const {report: r} = triage(report, {baseline: {file: 'b', findings: [first!, second!]}, now})
    const fresh = r.findings.filter((f) => f.new).map((f) => f.id)
    expect(fresh).to.include(third!.id)
    expect(fresh).not.to.include(first!.id)
    expect(r.summary.new).to.equal(report.findings.length - 2)
    expect(schemaProblems('report', r)).to.deep.equal([])
  })

  const acceptanceCases: Array<{name: string; until?: string; accepted: boolean}> = [
    {name: 'without an end date', accepted: true},
    {name: 'until today (inclusive)', until: '2026-11-23', accepted: true},
    {name: 'until yesterday: expired, the finding counts again', until: '2026-11-22', accepted: false},
  ]
  for (const c of acceptanceCases) {
    it(`an acceptance ${c.name}`, () => {
      const {report: r, expired} = triage(report, {
        acceptances: [{id: first!.id, reason: 'CHG-1', ...(c.until ? {until: c.until} : {})}],
        now,
      })
      expect(r.findings.some((f) => f.id === first!.id)).to.equal(!c.accepted)
      expect(r.accepted!.map((a) => a.finding.id)).to.deep.equal(c.accepted ? [first!.id] : [])
      expect(expired).to.have.length(c.accepted ? 0 : 1)
      // An expired acceptance adds one low expired-acceptance finding.
      expect(r.summary.findings).to.equal(report.findings.length + (c.accepted ? -1 : 1))
      expect(schemaProblems('report', r)).to.deep.equal([])
    })
  }

  it('an accepted finding is never new; acceptances of findings that no longer occur are stale', () => {
    const {report: r, stale} = triage(report, {
      baseline: {file: 'b', findings: []},
      acceptances: [
        {id: first!.id, reason: 'ok'},
        {id: 'zsa-000000000000', reason: 'fixed'},
      ],
      now,
    })
    expect(r.findings.every((f) => f.id !== first!.id)).to.equal(true)
    expect(stale.map((a) => a.id)).to.deep.equal(['zsa-000000000000'])
  })
})

describe('audit --baseline / --new-only / --accept (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  const snapshot = ['--snapshot', 'examples/snapshot.json']

  it('last week vs this week: only what changed is new; with --new-only the exit code says whether anything is', async () => {
    const lastWeek = join(tmp.dir, 'last-week.json')
    expect(
      (
        await runCli([
          'audit',
          ...snapshot,
          '--inventory',
          'examples/inventory.json',
          '--output',
          lastWeek,
          '--format',
          'json',
        ])
      ).code,
    ).to.equal(1)
    // Nothing changed: nothing new, exit 0 even at --fail-on low.
    const same = await runCli([
      'audit',
      ...snapshot,
      '--inventory',
      'examples/inventory.json',
      '--baseline',
      lastWeek,
      '--new-only',
      '--fail-on',
      'low',
      '--json',
    ])
    expect(same.code).to.equal(0)
    expect(JSON.parse(same.stdout).findings).to.deep.equal([])
    // HR Sync moves to Bob (a Member): exactly its findings are new.
    const moved = tmp.write('moved.json', {
      apps: read('examples/inventory.json').apps.map((a: {id: string}) =>
        a.id === 'aHRSync002' ? {...a, owner: 'bob.martin@acme.example'} : a,
      ),
    })
    const changed = await runCli([
      'audit',
      ...snapshot,
      '--inventory',
      moved,
      '--baseline',
      lastWeek,
      '--new-only',
      '--fail-on',
      'low',
      '--json',
    ])
    expect(changed.code).to.equal(1)
    const r = JSON.parse(changed.stdout)
    expect(r.findings.length).to.be.greaterThan(0)
    expect(r.findings.every((f: {appId: string; new: boolean}) => f.appId === 'aHRSync002' && f.new)).to.equal(true)
  })

  it('accepted findings are set aside and do not fail the run; stale and expired ones are named on stderr', async () => {
    const all = JSON.parse(
      (await runCli(['audit', ...snapshot, '--inventory', 'examples/inventory.json', '--json'])).stdout,
    )
    const high = all.findings.filter((f: {severity: string}) => f.severity === 'high')
    const accepted = tmp.write('accepted.json', {
      accepted: [
        ...high.map((f: {id: string}) => ({id: f.id, reason: 'tracked in CHG-7', until: '2099-01-01', by: 'priya'})),
        {id: 'zsa-0123456789ab', reason: 'was fixed'},
        {
          id: all.findings.find((f: {severity: string}) => f.severity === 'medium').id,
          reason: 'old',
          until: '2020-01-01',
        },
      ],
    })
    const {code, stdout, stderr} = await runCli([
      'audit',
      ...snapshot,
      '--inventory',
      'examples/inventory.json',
      '--accept',
      accepted,
      '--fail-on',
      'high',
      '--json',
    ])
    expect(code).to.equal(0)
    const r = JSON.parse(stdout)
    expect(r.summary.bySeverity.high).to.equal(0)
    expect(r.summary.accepted).to.equal(high.length)
    expect(r.accepted[0]).to.include({reason: 'tracked in CHG-7', until: '2099-01-01', by: 'priya'})
    expect(stderr)
      .to.include('id zsa-0123456789ab')
      .and.match(/ended on 2020-01-01/)
  })

  const bad: Array<[string, object | string, RegExp]> = [
    [
      'an acceptance without a reason',
      {accepted: [{id: 'zsa-0123456789ab'}]},
      /bad-accept\.json: not a valid accepted-findings file: \/accepted\/0 must have required property "reason"/,
    ],
    ['a malformed finding id', {accepted: [{id: 'F-1', reason: 'x'}]}, /\/accepted\/0\/id must match pattern/],
    [
      'a date that is not a date',
      {accepted: [{id: 'zsa-0123456789ab', reason: 'x', until: 'next week'}]},
      /bad-accept\.json: not a valid accepted-findings file: \/accepted\/0\/until must be a date written YYYY-MM-DD/,
    ],
  ]
  for (const [name, content, message] of bad) {
    it(`exit 2: ${name}`, async () => {
      const file = tmp.write('bad-accept.json', content)
      const {code, stderr} = await runCli([
        'audit',
        ...snapshot,
        '--inventory',
        'examples/inventory.json',
        '--accept',
        file,
      ])
      expect(code).to.equal(2)
      expect(stderr).to.match(message)
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }

  it('exit 2: --new-only without --baseline, and a baseline that is not a report', async () => {
    const a = await runCli(['audit', ...snapshot, '--inventory', 'examples/inventory.json', '--new-only'])
    expect(a.code).to.equal(2)
    expect(a.stderr).to.match(/--baseline/)
    const b = await runCli([
      'audit',
      ...snapshot,
      '--inventory',
      'examples/inventory.json',
      '--baseline',
      'examples/inventory.json',
    ])
    expect(b.code).to.equal(2)
    expect(b.stderr).to.match(/inventory\.json: not a valid audit report/)
  })
})
