import {readFileSync, writeFileSync} from 'node:fs'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {runAudit} from '../../src/audit/audit.js'
import type {AuditReport} from '../../src/audit/types.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {AUDIT_FORMATS} from '../../src/report/audit-formats.js'
import {AUDIT_CSV_COLUMNS} from '../../src/report/audit-csv.js'
import {createStyle} from '../../src/report/style.js'

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const matrix = buildMatrix([{file: 'test-matrix.json', matrix: read('../fixtures/test-matrix.json') as MatrixFile}])
const report: AuditReport = runAudit({
  snapshot: read('../../examples/snapshot.json'),
  inventory: read('../../examples/inventory.json'),
  matrix,
  now: new Date('2026-11-20T10:00:00Z'),
})
const plain = {style: createStyle(false), width: 80}

describe('report renderers', () => {
  it('json: validates against schemas/report.schema.json', () => {
    const json = JSON.parse([...AUDIT_FORMATS.json(report)].join(''))
    expect(schemaProblems('report', json)).to.deep.equal([])
    expect(json.summary.findings).to.equal(json.findings.length)
  })

  for (const field of ['schemaVersion', 'generatedAt', 'account', 'matrix', 'summary', 'apps', 'findings']) {
    it(`json schema rejects a report without ${field}`, () => {
      const json = JSON.parse([...AUDIT_FORMATS.json(report)].join(''))
      delete json[field]
      expect(schemaProblems('report', json)).to.include(`/ must have required property "${field}"`)
    })
  }
  for (const field of [
    'id',
    'kind',
    'severity',
    'appId',
    'appName',
    'owner',
    'scope',
    'missingPrivileges',
    'labels',
    'message',
  ]) {
    it(`json schema rejects a finding without ${field}`, () => {
      const json = JSON.parse([...AUDIT_FORMATS.json(report)].join(''))
      delete json.findings[0][field]
      expect(schemaProblems('report', json)).to.include(`/findings/0 must have required property "${field}"`)
    })
  }

  it('csv: parses back to one row per finding, with the documented header and ; lists', () => {
    const rows = parse(AUDIT_FORMATS.csv(report), {columns: true}) as Array<Record<string, string>>
    expect(Object.keys(rows[0]!)).to.deep.equal(AUDIT_CSV_COLUMNS)
    expect(rows).to.have.length(report.findings.length)
    for (const [i, row] of rows.entries()) {
      const f = report.findings[i]!
      expect(row).to.deep.equal({
        finding_id: f.id,
        severity: f.severity,
        kind: f.kind,
        app_id: f.appId,
        app_name: f.appName,
        owner: f.owner ?? '',
        owner_role: f.ownerRole ?? '',
        scope: f.scope ?? '',
        missing_privileges: f.missingPrivileges.join(';'),
        confidence: f.confidence ?? '',
        message: f.message,
        // No baseline, nothing accepted.
        new: '',
        accepted: 'false',
        accept_reason: '',
        accept_until: '',
        accept_by: '',
        accept_ticket: '',
      })
    }
  })

  it('csv: RFC 4180 quoting of commas, quotes and line breaks', () => {
    const tricky = {...report, findings: [{...report.findings[0]!, appName: 'Sync, "HR"\nteam'}]}
    const [row] = parse(AUDIT_FORMATS.csv(tricky), {columns: true}) as Array<Record<string, string>>
    expect(row!.app_name).to.equal('Sync, "HR"\nteam')
    expect(AUDIT_FORMATS.csv(tricky)).to.include('"Sync, ""HR""\nteam"')
  })

  it('csv: cells that a spreadsheet would run as formulas are defused', () => {
    const hostile = {
      ...report,
      findings: [
        {
          ...report.findings[0]!,
          appName: '=HYPERLINK("http://evil.example","Click")',
          ownerRole: '+1',
          message: '@SUM(A1)',
        },
      ],
    }
    const [row] = parse(AUDIT_FORMATS.csv(hostile), {columns: true}) as Array<Record<string, string>>
    expect(row!.app_name).to.equal(`'=HYPERLINK("http://evil.example","Click")`)
    expect(row!.owner_role).to.equal("'+1")
    expect(row!.message).to.equal("'@SUM(A1)")
    expect(row!.finding_id).to.equal(report.findings[0]!.id)
  })

  it('markdown: matches the committed snapshot (UPDATE_SNAPSHOTS=1 to refresh)', () => {
    const file = new URL('../fixtures/example-report.md', import.meta.url)
    const markdown = AUDIT_FORMATS.markdown(report)
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(file, markdown)
    expect(markdown).to.equal(readFileSync(file, 'utf8'))
  })

  it('table: groups by app, worst first, no colour codes unless asked', () => {
    const table = AUDIT_FORMATS.table(report, plain)
    expect(table).not.to.match(/\u001B\[/)
    const first = report.apps[0]!
    expect(table.startsWith(first.name)).to.equal(true)
    expect(table).to.include('apps without findings')
    expect(AUDIT_FORMATS.table(report, {style: createStyle(true), width: 80})).to.match(/\u001B\[31m/)
  })
})
