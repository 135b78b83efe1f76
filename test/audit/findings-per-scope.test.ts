// Zoom deactivates scopes, not privileges: one finding per (app, scope, kind), naming every privilege concerned.
import {expect} from 'chai'

import {runAudit} from '../../src/audit/audit.js'
import type {AuditReport} from '../../src/audit/types.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {renderAuditTable} from '../../src/report/audit-table.js'
import {createStyle} from '../../src/report/style.js'
import type {Snapshot} from '../../src/snapshot/types.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {runCli} from '../helpers/run-cli.js'

const LONG_SCOPE = 'cloud_recording:read:list_user_recordings:admin'

const layer: MatrixFile = {
  version: 'per-scope-1',
  privileges: {
    'Recording:Read': {label: 'Recording: View'},
    'Recording:Edit': {label: 'Recording: Edit'},
    'User:Edit': {label: 'Users: Edit'},
    'User:Read': {label: 'Users: View'},
    'Dashboard:Read': {label: 'Dashboard: View'},
    'UsageReport:Read': {label: 'Usage Reports: View'},
  },
  rules: [
    {scope: LONG_SCOPE, requires: ['Recording:Read', 'Recording:Edit'], confidence: 'inferred', sources: ['t']},
    {scope: 'meeting:write:admin', requires: ['User:Edit', 'Recording:Edit'], confidence: 'documented', sources: ['t']},
    {
      scope: 'dashboard:read:admin',
      requires: ['Dashboard:Read'],
      partial: ['UsageReport:Read', 'User:Read'],
      confidence: 'manual',
      sources: ['t'],
    },
  ],
}

const snapshot: Snapshot = {
  schemaVersion: 1,
  capturedAt: '2026-11-20T09:00:00Z',
  account: {id: 'acc'},
  roles: [
    {id: 'r-support', name: 'IT Support', privileges: ['User:Read'], privilegeScopes: {}},
    {id: 'r-emea', name: 'EMEA Admin', privileges: ['User:Edit'], privilegeScopes: {'User:Edit': ['g-emea']}},
    {id: 'r-dash', name: 'Dashboards', privileges: ['Dashboard:Read'], privilegeScopes: {}},
  ],
  users: [
    {id: 'u1', email: 'dana@x.example', name: 'Dana Scully', status: 'active', roleId: 'r-support'},
    {id: 'u2', email: 'lena@x.example', name: 'Lena Fischer', status: 'active', roleId: 'r-emea'},
    {id: 'u3', email: 'rita@x.example', name: 'Rita Reports', status: 'active', roleId: 'r-dash'},
  ],
  apps: [
    {id: 'aArch', name: 'Recording Archiver', type: 'OAuthApp', status: 'PUBLISHED', scopes: [LONG_SCOPE]},
    {id: 'aBot', name: 'Meeting Bot', type: 'OAuthApp', status: 'PUBLISHED', scopes: ['meeting:write:admin']},
    {id: 'aDash', name: 'Usage Board', type: 'OAuthApp', status: 'PUBLISHED', scopes: ['dashboard:read:admin']},
  ],
}
const inventory = {
  apps: [
    {id: 'aArch', owner: 'dana@x.example'},
    {id: 'aBot', owner: 'lena@x.example'},
    {id: 'aDash', owner: 'rita@x.example'},
  ],
}
const now = new Date('2026-11-20T10:00:00Z')
const audit = (s: Snapshot = snapshot, m: MatrixFile = layer): AuditReport =>
  runAudit({snapshot: s, inventory, matrix: buildMatrix([{file: 'layer.json', matrix: m}]), now})
const plainTable = (report: AuditReport) => renderAuditTable(report, {style: createStyle(false), width: 80})

describe('audit: one finding per scope at risk', () => {
  const report = audit()
  const of = (appId: string) => report.findings.filter((f) => f.appId === appId)

  it('several missing privileges of one scope → one finding naming them all, sorted, with their labels', () => {
    const [finding, ...others] = of('aArch')
    expect(others).to.deep.equal([])
    expect(finding).to.deep.include({
      kind: 'missing-privilege',
      scope: LONG_SCOPE,
      missingPrivileges: ['Recording:Edit', 'Recording:Read'],
      labels: {'Recording:Edit': 'Recording: Edit', 'Recording:Read': 'Recording: View'},
      confidence: 'inferred',
    })
    expect(finding!.message).to.equal(
      `Recording Archiver loses ${LONG_SCOPE}: give Dana Scully's role "IT Support" Recording: Edit and Recording: View, or transfer Recording Archiver to a user who has them.`,
    )
  })

  it('some missing, some only group-restricted → one missing-privilege and one group-restricted-privilege finding', () => {
    const findings = of('aBot')
    expect(findings.map((f) => [f.kind, f.scope, f.missingPrivileges, f.confidence])).to.deep.equal([
      ['group-restricted-privilege', 'meeting:write:admin', ['User:Edit'], 'documented'],
      ['missing-privilege', 'meeting:write:admin', ['Recording:Edit'], 'documented'],
    ])
    expect(new Set(findings.map((f) => f.id)).size).to.equal(2)
  })

  it('partial privileges: one low finding per scope, naming them all; the possessive is always "\'s"', () => {
    const findings = of('aDash')
    expect(findings).to.have.length(1)
    expect(findings[0]).to.deep.include({
      kind: 'partial-privilege',
      severity: 'low',
      missingPrivileges: ['UsageReport:Read', 'User:Read'],
      confidence: 'manual',
    })
    expect(findings[0]!.message).to.include(`Rita Reports's role "Dashboards" lacks`)
    expect(findings[0]!.message).to.include('need Usage Reports: View and Users: View')
  })

  it('summary counts findings, not privileges', () => {
    expect(report.summary.findings).to.equal(4)
    expect(report.summary.byKind).to.deep.include({
      'missing-privilege': 2,
      'group-restricted-privilege': 1,
      'partial-privilege': 1,
    })
  })

  it('as a table: one row per finding, all labels in MISSING, the long scope wrapped (not cut), marks and legend', () => {
    const table = plainTable(report)
    for (const line of table.split('\n')) expect([...line].length, line).to.be.at.most(80)
    expect(table).not.to.include('…')

    const archiver = table
      .split('\n\n')
      .find((s) => s.startsWith('Recording Archiver'))!
      .split('\n')
    expect(archiver[1]).to.match(/^ {2}SEVERITY\s+KIND\s+SCOPE\s+MISSING$/)
    expect(archiver[2]).to.match(/^ {2}MEDIUM ~\s+missing-privilege\s+cloud_recording:read:\s+Recording: Edit,$/)
    // The scope continues on the next lines of its column; put back together it is the whole scope.
    const scopeColumn = archiver[1]!.indexOf('SCOPE')
    const missingColumn = archiver[1]!.indexOf('MISSING')
    const advice = archiver.findIndex((l) => l.startsWith('    → '))
    expect(advice).to.be.greaterThan(3)
    const pieces = archiver.slice(2, advice).map((l) => l.slice(scopeColumn, missingColumn).trim())
    expect(pieces.join('')).to.equal(LONG_SCOPE)
    // The advice follows its finding, wrapped and indented, undimmed.
    expect(archiver.slice(advice).join(' ').replace(/\s+/g, ' ')).to.include(
      'give Dana Scully\'s role "IT Support" Recording: Edit and Recording: View, or transfer',
    )

    const bot = table.split('\n\n').find((s) => s.startsWith('Meeting Bot'))!
    expect(bot.match(/^ {2}HIGH\s+group-restricted-privilege\s+meeting:write:admin\s+Users: Edit$/m)).to.not.equal(null)
    expect(bot.match(/^ {2}HIGH\s+missing-privilege\s+meeting:write:admin\s+Recording: Edit$/m)).to.not.equal(null)

    const legend = table.split('\n\n').find((s) => s.startsWith('~'))!
    expect(legend.replace(/\n/g, ' ')).to.equal(
      '~ the rule is inferred, not stated by Zoom; ? the rule was written by hand (manual): "matrix explain SCOPE" shows it and its sources.',
    )
    expect(table).to.match(/^ {2}LOW \?\s+partial-privilege/m)
  })

  it('advice is not dimmed; severity is coloured', () => {
    const coloured = renderAuditTable(report, {style: createStyle(true), width: 80})
    for (const line of coloured.split('\n').filter((l) => l.includes('→'))) expect(line).not.to.include('\u001B[2m')
  })

  it('ids: a hash of kind + app + scope, stable across reordered inputs (subprocess)', async function () {
    this.timeout(30_000)
    const tmp = makeTempDir()
    try {
      const reversed: Snapshot = {
        ...snapshot,
        roles: [...snapshot.roles].reverse().map((r) => ({...r, privileges: [...r.privileges].reverse()})),
        users: [...snapshot.users].reverse(),
        apps: [...snapshot.apps].reverse().map((a) => ({...a, scopes: [...a.scopes].reverse()})),
      }
      const reversedLayer: MatrixFile = {
        ...layer,
        rules: [...layer.rules].reverse().map((r) => ({...r, requires: [...r.requires].reverse()})),
      }
      const run = async (s: Snapshot, m: MatrixFile, inv: typeof inventory, name: string) => {
        const args = ['audit', '--json', '--fail-on', 'none', '--no-builtin-matrix']
        args.push('--snapshot', tmp.write(`${name}-snapshot.json`, s), '--matrix', tmp.write(`${name}-matrix.json`, m))
        args.push('--inventory', tmp.write(`${name}-inventory.json`, inv))
        const {code, stdout, stderr} = await runCli(args)
        expect(code, stderr).to.equal(0)
        const json = JSON.parse(stdout) as AuditReport
        return json.findings.map((f) => `${f.id} ${f.kind} ${f.appId} ${f.scope} ${f.missingPrivileges.join('+')}`)
      }
      const first = await run(snapshot, layer, inventory, 'a')
      const second = await run(reversed, reversedLayer, {apps: [...inventory.apps].reverse()}, 'b')
      expect(first).to.have.length(4)
      expect(second).to.deep.equal(first)
      expect(first.map((l) => l.split(' ')[0])).to.deep.equal(audit().findings.map((f) => f.id))
    } finally {
      tmp.cleanup()
    }
  })
})
