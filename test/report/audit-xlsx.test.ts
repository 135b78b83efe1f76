// The workbook read back with exceljs: sheets, header, every finding row (cell for cell what the CSV says), typed
// cells and never a formula.
import {expect} from 'chai'
import {parse} from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import type {AuditReport} from '../../src/audit/types.js'
import {ACCEPTANCE_FIELDS, CSV_HEADER, renderAuditCsv} from '../../src/report/audit-csv.js'
import {AUDIT_BINARY_FORMATS} from '../../src/report/audit-formats.js'
import {renderAuditXlsx, XLSX_SHEETS} from '../../src/report/audit-xlsx.js'
import {createStyle} from '../../src/report/style.js'
import {exampleReport, label, triagedReport} from './example-report.js'

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

/** Every value of a sheet, row by row; fails on anything but a string or number cell (a formula above all). */
function values(sheet: ExcelJS.Worksheet): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = []
  sheet.eachRow({includeEmpty: true}, (row, rowNumber) => {
    const cells: Array<string | number> = []
    row.eachCell({includeEmpty: true}, (cell, column) => {
      const where = `${sheet.name}!${cell.address}`
      expect(cell.formula, where).to.equal(undefined)
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Null], where).to.include(cell.type)
      cells[column - 1] = cell.type === ExcelJS.ValueType.Null ? '' : (cell.value as string | number)
    })
    rows[rowNumber - 1] = cells
  })
  return rows
}

type Row = Record<string, string | number>

/** A sheet's rows below its header, keyed by the header (exceljs leaves trailing empty cells out: those are ''). */
function records(sheet: ExcelJS.Worksheet): Row[] {
  const [header = [], ...rows] = values(sheet)
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? ''])))
}

/** The CSV of the same report, parsed: open findings, then accepted ones (these reports have no text to defuse). */
const csvRecords = (report: AuditReport) => parse(renderAuditCsv(report), {columns: true}) as Row[]

/** Only these columns of a record. */
const pick = (record: Row, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, record[c]]))

describe('audit --format xlsx (renderer)', () => {
  it('is registered as a binary format; the bytes are a zip (xlsx) workbook', async () => {
    const bytes = await AUDIT_BINARY_FORMATS.xlsx(exampleReport, {style: createStyle(false), label})
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).to.equal('PK\u0003\u0004')
  })

  it('sheets Findings, Apps, Accepted, Resolved; Findings has the CSV header, frozen, filtered, and every finding', async () => {
    const workbook = await load(await renderAuditXlsx(exampleReport, {label}))
    expect(workbook.worksheets.map((s) => s.name)).to.deep.equal([...XLSX_SHEETS])
    const sheet = workbook.getWorksheet('Findings')!
    const [header] = values(sheet)
    // The CSV's columns: the finding columns, then the matrix rule's confidence; the cells say what the CSV's say.
    expect(header).to.deep.equal([...CSV_HEADER, 'confidence'])
    const rows = records(sheet)
    const csv = csvRecords(exampleReport)
    expect(rows).to.have.length(exampleReport.findings.length).and.to.have.length(csv.length)
    for (const [i, row] of rows.entries())
      expect(row, `row ${i + 2}`).to.deep.equal(pick(csv[i]!, [...CSV_HEADER, 'confidence']))
    expect(rows.map((r) => r.finding_id)).to.deep.equal(exampleReport.findings.map((f) => f.id))
    expect(sheet.views[0]).to.include({state: 'frozen', ySplit: 1})
    expect(sheet.autoFilter).to.deep.equal(`A1:K${rows.length + 1}`)
    for (const column of sheet.columns) expect(column.width).to.be.within(8, 60)
  })

  it('Apps: the grid in words, one row per app with a finding, a column per privilege with its portal label', async () => {
    const workbook = await load(await renderAuditXlsx(exampleReport, {label}))
    const [header, ...rows] = values(workbook.getWorksheet('Apps')!)
    expect(header!.slice(0, 4)).to.deep.equal(['app_id', 'app_name', 'owner', 'owner_role'])
    expect(rows).to.have.length(new Set(exampleReport.findings.map((f) => f.appId)).size)
    const edit = header!.indexOf('Users: Edit (User:Edit)')
    const view = header!.indexOf('Users: View (User:Read)')
    expect(edit).to.be.greaterThan(3)
    const archiver = rows.find((r) => r[0] === 'aRecArch01')!
    expect(archiver.slice(0, 4)).to.deep.equal([
      'aRecArch01',
      'Recording Archiver',
      'dana.scully@acme.example',
      'IT Support',
    ])
    expect([archiver[edit], archiver[view]]).to.deep.equal(['lacks', 'holds'])
    expect(rows.find((r) => r[0] === 'aMtgBot004')![edit]).to.equal('some groups')
    const words = new Set(rows.flatMap((r) => r.slice(4)))
    expect(
      [...words].every((w) =>
        ['lacks', 'some groups', 'lacks (some calls)', 'holds', 'not checked', 'not needed'].includes(w as string),
      ),
    ).to.equal(true)
  })

  it('identifiers and names stay exactly themselves: no formula, no apostrophe, typed strings', async () => {
    const hostile: AuditReport = {
      ...exampleReport,
      findings: exampleReport.findings.map((f, i) =>
        i === 0
          ? {
              ...f,
              appId: '-abc123',
              appName: '=HYPERLINK("http://evil.example","Click")',
              ownerRole: '+1',
              message: '@SUM(A1)',
              owner: '0042',
            }
          : f,
      ),
    }
    const workbook = await load(await renderAuditXlsx(hostile, {label}))
    const row = values(workbook.getWorksheet('Findings')!)[1]!
    expect(row.slice(3, 7)).to.deep.equal(['-abc123', '=HYPERLINK("http://evil.example","Click")', '0042', '+1'])
    expect(row[9]).to.equal('@SUM(A1)')
    expect(workbook.getWorksheet('Findings')!.getCell('G2').type).to.equal(ExcelJS.ValueType.String)
  })

  it('Accepted and Resolved list their findings; new and confidence columns when the report has them', async () => {
    const report = triagedReport()
    const workbook = await load(await renderAuditXlsx(report, {label}))
    const [findingsHeader, ...rows] = values(workbook.getWorksheet('Findings')!)
    expect(findingsHeader).to.deep.equal([...CSV_HEADER, 'new', 'confidence'])
    expect(rows.map((r) => r[10])).to.deep.equal(report.findings.map((f) => (f.new ? 'yes' : 'no')))
    const [acceptedHeader] = values(workbook.getWorksheet('Accepted')!)
    expect(acceptedHeader).to.deep.equal([...CSV_HEADER, 'reason', 'until', 'by', 'ticket'])
    const accepted = records(workbook.getWorksheet('Accepted')!)
    const csvAccepted = csvRecords(report).filter((r) => r.accepted === 'true')
    expect(accepted).to.have.length(1).and.to.have.length(csvAccepted.length)
    // The finding's cells and the acceptance's fields, as the CSV has them (accept_reason, …).
    expect(pick(accepted[0]!, CSV_HEADER)).to.deep.equal(pick(csvAccepted[0]!, CSV_HEADER))
    expect(ACCEPTANCE_FIELDS.map((field) => accepted[0]![field])).to.deep.equal(
      ACCEPTANCE_FIELDS.map((field) => csvAccepted[0]![`accept_${field}`]),
    )
    expect(accepted[0]).to.include({reason: 'Dana gets Users: Edit <Monday>', until: '2026-12-31', ticket: 'CHG-12'})
    const [, ...resolved] = values(workbook.getWorksheet('Resolved')!)
    expect(resolved.map((r) => r[0])).to.deep.equal(['zsa-0000000000aa'])
  })

  it('without --accept or --baseline, Accepted and Resolved say why they are empty', async () => {
    const workbook = await load(await renderAuditXlsx(exampleReport, {label}))
    expect(values(workbook.getWorksheet('Accepted')!)[1]).to.deep.equal([
      'This run was given no accepted findings (--accept).',
    ])
    expect(values(workbook.getWorksheet('Resolved')!)[1]).to.deep.equal([
      'This run was given no baseline (--baseline).',
    ])
  })
})
