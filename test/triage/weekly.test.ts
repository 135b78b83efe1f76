// The weekly job's pure parts: acceptances by pattern, expiry, what is resolved, the CSV and Markdown of a triaged
// report, snapshot age, and the snapshot that was taken without an inventory.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {runAudit} from '../../src/audit/audit.js'
import type {AuditReport} from '../../src/audit/types.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {renderAuditCsv} from '../../src/report/audit-csv.js'
import {renderAuditMarkdown} from '../../src/report/audit-markdown.js'
import {describeAge, summaryLine} from '../../src/report/audit-table.js'
import type {Snapshot} from '../../src/snapshot/types.js'
import {triage} from '../../src/triage/triage.js'
import {fileTimestamp, outputDirPlan} from '../../src/cli/output-dir.js'
import {parseMaxAge} from '../../src/cli/max-age.js'

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const matrix = buildMatrix([{file: 't', matrix: read('test/fixtures/test-matrix.json') as MatrixFile}])
const now = new Date('2026-11-23T08:00:00Z')
const snapshot = read('examples/snapshot.json') as Snapshot
const inventory = read('examples/inventory.json')
const report = runAudit({snapshot, inventory, matrix, now})
const scoped = report.findings.find((f) => f.scope !== null)!

describe('acceptances by id or by pattern', () => {
  const cases: Array<{
    name: string
    entry: Record<string, string>
    expected: (f: AuditReport['findings'][0]) => boolean
  }> = [
    {name: 'id', entry: {id: scoped.id}, expected: (f) => f.id === scoped.id},
    {name: 'app', entry: {app: scoped.appId}, expected: (f) => f.appId === scoped.appId},
    {name: 'kind', entry: {kind: scoped.kind}, expected: (f) => f.kind === scoped.kind},
    {name: 'exact scope', entry: {scope: scoped.scope!}, expected: (f) => f.scope === scoped.scope},
    {
      name: 'scope pattern (matrix style, * = one segment)',
      entry: {scope: `${scoped.scope!.split(':')[0]}:*:*`},
      expected: (f) =>
        f.scope !== null && f.scope.split(':').length === 3 && f.scope.startsWith(`${scoped.scope!.split(':')[0]}:`),
    },
    {
      name: 'app and kind together (both must match)',
      entry: {app: scoped.appId, kind: scoped.kind},
      expected: (f) => f.appId === scoped.appId && f.kind === scoped.kind,
    },
    {name: 'app * with a kind', entry: {app: '*', kind: scoped.kind}, expected: (f) => f.kind === scoped.kind},
    {name: 'scope * (every finding, app-level too)', entry: {scope: '*'}, expected: () => true},
  ]
  for (const c of cases) {
    it(`by ${c.name}`, () => {
      const {report: r, stale} = triage(report, {
        acceptances: [{...c.entry, reason: 'known', by: 'priya', ticket: 'CHG-9', until: '2026-12-31'}],
        now,
      })
      const want = report.findings.filter(c.expected).map((f) => f.id)
      expect(r.accepted!.map((a) => a.finding.id)).to.deep.equal(want)
      expect(r.findings.map((f) => f.id)).to.deep.equal(report.findings.filter((f) => !c.expected(f)).map((f) => f.id))
      expect(r.summary.accepted).to.equal(want.length)
      expect(want.length).to.be.greaterThan(0)
      expect(stale).to.deep.equal([])
      if (want.length > 0)
        expect(r.accepted![0]).to.include({reason: 'known', by: 'priya', ticket: 'CHG-9', until: '2026-12-31'})
      expect(schemaProblems('report', r)).to.deep.equal([])
      expect(schemaProblems('acceptances', {accepted: [{...c.entry, reason: 'x'}]})).to.deep.equal([])
    })
  }

  it('an entry that matches nothing is stale; one past its until gives one low finding naming it', () => {
    const entries = [
      {app: 'aNoSuchApp', reason: 'gone'},
      {kind: scoped.kind, reason: 'vendor fixes it', ticket: 'CHG-4', until: '2026-11-22'},
    ]
    const {report: r, stale, expired} = triage(report, {acceptances: entries, now})
    expect(stale).to.deep.equal([entries[0]])
    expect(expired).to.deep.equal([entries[1]])
    // Expired: the findings it covered count again, plus the one expired-acceptance finding.
    expect(r.accepted).to.deep.equal([])
    const notice = r.findings.filter((f) => f.kind === 'expired-acceptance')
    expect(notice).to.have.length(1)
    expect(notice[0]).to.include({severity: 'low'})
    expect(notice[0]!.message)
      .to.include(`kind ${scoped.kind}`)
      .and.include('"vendor fixes it"')
      .and.include('ticket CHG-4')
      .and.include('ended on 2026-11-22')
    expect(r.summary.findings).to.equal(report.findings.length + 1)
    expect(schemaProblems('report', r)).to.deep.equal([])
  })

  it('accepted findings never count as new, and are not resolved while they exist', () => {
    const {report: r} = triage(report, {
      baseline: {file: 'b', findings: []},
      acceptances: [{id: scoped.id, reason: 'ok'}],
      now,
    })
    expect(r.summary.new).to.equal(report.findings.length - 1)
    expect(r.summary.resolved).to.equal(0)
    expect(r.accepted![0]!.finding.new).to.equal(undefined)
  })
})

describe('new and resolved against a baseline', () => {
  it('findings the baseline had and this run lacks are resolved (listed, counted, never in findings)', () => {
    const previous = triage(report, {now}).report
    const fixedApp = scoped.appId
    const thisWeek = {...report, findings: report.findings.filter((f) => f.appId !== fixedApp)}
    const {report: r} = triage(thisWeek, {baseline: {file: 'b', findings: previous.findings}, now})
    const gone = report.findings.filter((f) => f.appId === fixedApp)
    expect(r.resolved!.map((f) => f.id).sort()).to.deep.equal(gone.map((f) => f.id).sort())
    expect(Object.keys(r.resolved![0]!).sort()).to.deep.equal([
      'appId',
      'appName',
      'id',
      'kind',
      'missingPrivileges',
      'scope',
      'severity',
    ])
    expect(r.summary).to.include({new: 0, resolved: gone.length})
    expect(r.findings.some((f) => f.appId === fixedApp)).to.equal(false)
    expect(schemaProblems('report', r)).to.deep.equal([])
    expect(summaryLine(r)).to.match(new RegExp(`, 0 new, ${gone.length} resolved$`))
  })
})

describe('CSV for Excel', () => {
  const hostile = {
    ...report,
    findings: report.findings.map((f, i) =>
      i === 0
        ? {...f, appId: '-2+3', appName: ' \n=HYPERLINK("http://x")', ownerRole: '@role', message: '\t+cmd'}
        : i === 1
          ? {...f, appName: 'José Muñoz', owner: '=owner@x', scope: '-scope:read'}
          : f,
    ),
  }
  const {report: triaged} = triage(hostile, {
    baseline: {file: 'b', findings: hostile.findings.slice(1)},
    acceptances: [
      {id: hostile.findings[2]!.id, reason: '=SUM(A1)', until: '2026-12-31', by: '@priya', ticket: '-CHG-1'},
    ],
    now,
  })

  it('parses back: identifiers intact, free text defused, new / accepted / accept_reason / _until / _by / _ticket', () => {
    const rows = parse(renderAuditCsv(triaged), {columns: true}) as Array<Record<string, string>>
    expect(rows).to.have.length(report.findings.length)
    const [first, second] = rows
    expect(first).to.include({
      app_id: '-2+3',
      app_name: `' \n=HYPERLINK("http://x")`,
      owner_role: "'@role",
      message: "'\t+cmd",
      new: 'true',
      accepted: 'false',
      accept_reason: '',
      accept_by: '',
      accept_ticket: '',
    })
    expect(second).to.include({app_name: 'José Muñoz', owner: '=owner@x', scope: '-scope:read', new: 'false'})
    const accepted = rows.filter((r) => r.accepted === 'true')
    expect(accepted).to.have.length(1)
    expect(accepted[0]).to.include({
      finding_id: hostile.findings[2]!.id,
      accept_reason: "'=SUM(A1)",
      accept_until: '2026-12-31',
      accept_by: "'@priya",
      accept_ticket: "'-CHG-1",
      new: '',
    })
  })

  it('--csv-bom: a UTF-8 byte-order mark first, only on request', () => {
    expect(renderAuditCsv(triaged).charCodeAt(0)).to.not.equal(0xfeff)
    const withBom = Buffer.from(renderAuditCsv(triaged, {bom: true}), 'utf8')
    expect([...withBom.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf])
    const rows = parse(withBom, {columns: true, bom: true}) as Array<Record<string, string>>
    expect(rows[1]!.app_name).to.equal('José Muñoz')
  })
})

describe('Markdown: new, resolved and accepted sections', () => {
  it('lists each, and the summary line counts them', () => {
    const previous = report.findings.slice(1)
    const gone = {...report.findings[1]!, id: 'zsa-0000000000bb', appId: 'aGone', appName: 'Gone App'}
    const {report: r} = triage(report, {
      baseline: {file: 'b', findings: [...previous, gone]},
      acceptances: [{id: report.findings[2]!.id, reason: 'known', by: 'priya', ticket: 'CHG-3'}],
      now,
    })
    const md = renderAuditMarkdown(r)
    expect(md).to.match(
      new RegExp(`## New since the baseline[\\s\\S]*${report.findings[0]!.id}[\\s\\S]*## Resolved since the baseline`),
    )
    expect(md).to.match(/## Resolved since the baseline[\s\S]*Gone App \(`aGone`\)[\s\S]*zsa-0000000000bb/)
    expect(md).to.match(/## Accepted findings[\s\S]*\| known \| no expiry \| priya \| CHG-3 \|/)
    expect(md).to.include(`1 new, 1 resolved, 1 accepted`)
  })
})

describe('snapshot age and partial snapshots', () => {
  it('the summary line of a snapshot audit says its age', () => {
    const r = {...report, account: {...report.account, capturedAt: '2026-11-14T08:00:00Z', source: 'snapshot' as const}}
    expect(summaryLine(r)).not.to.include('snapshot of')
    expect(summaryLine(r, {age: true})).to.match(/; snapshot of 2026-11-14T08:00:00Z, 9 days old$/)
    expect(describeAge(90 * 60_000)).to.equal('90 minutes')
    expect(describeAge(30 * 3_600_000)).to.equal('30 hours')
    expect(parseMaxAge('8d')).to.equal(8 * 86_400_000)
    expect(() => parseMaxAge('a week'))
      .to.throw(/--max-age a week is not an age/)
      .with.property('actions')
      .that.satisfies((actions: string[]) => actions.some((action) => action.includes('8d, 36h, 90m')))
  })

  it('a snapshot taken without an inventory: inventory apps it could not contain are high findings saying so', () => {
    const missing = inventory.apps.find((a: {id: string}) => !snapshot.apps.some((s) => s.id === a.id)).id as string
    const withInventory = runAudit({snapshot: {...snapshot, inventoryApps: [missing]}, inventory, matrix, now})
    expect(withInventory.findings.filter((f) => f.appId === missing).map((f) => f.kind)).to.include('app-not-found')
    const without = runAudit({snapshot: {...snapshot, inventoryApps: null}, inventory, matrix, now})
    const notice = without.findings.filter((f) => f.appId === missing)
    expect(notice.map((f) => f.kind))
      .to.include('app-not-in-snapshot')
      .and.not.include('app-not-found')
    const finding = notice.find((f) => f.kind === 'app-not-in-snapshot')!
    expect(finding.severity).to.equal('high')
    expect(finding.message).to.include('take the snapshot with --inventory'.replace('take', 'Take'))
    expect(schemaProblems('report', without)).to.deep.equal([])
    expect(schemaProblems('snapshot', {...snapshot, inventoryApps: null})).to.deep.equal([])
  })
})

describe('--output-dir file names', () => {
  it('UTC time to the second, one file per format, and latest.json', () => {
    expect(fileTimestamp(new Date('2026-11-23T07:00:05.123Z'))).to.equal('20261123T070005Z')
    const plan = outputDirPlan('out', ['json', 'csv', 'markdown', 'csv'], new Date('2026-11-23T07:00:05Z'))
    expect(plan.files.map((f) => f.file)).to.deep.equal([
      'out/zoom-scope-audit-20261123T070005Z.json',
      'out/zoom-scope-audit-20261123T070005Z.csv',
      'out/zoom-scope-audit-20261123T070005Z.md',
    ])
    expect(plan.latest).to.equal('out/latest.json')
  })
})
