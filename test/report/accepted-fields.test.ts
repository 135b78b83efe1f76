// Every format says the same of an accepted finding: its reason, last day, who accepted it and the ticket, in that
// order (the terminal table leaves them out; its summary line counts them). Each format is read back as its reader would: JSON and CSV parsed, the
// workbook opened with exceljs, the HTML section's cells, the Markdown table row.
import {expect} from 'chai'
import {parse} from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import type {AuditReport} from '../../src/audit/types.js'
import {ACCEPTANCE_FIELDS, CSV_HEADER} from '../../src/report/audit-csv.js'
import {AUDIT_BINARY_FORMATS, AUDIT_FORMATS} from '../../src/report/audit-formats.js'
import {summaryLine} from '../../src/report/audit-table.js'
import {createStyle} from '../../src/report/style.js'
import {label, triagedReport} from './example-report.js'

const report = triagedReport()
const options = {style: createStyle(false), width: 120, label}
const acceptance = report.accepted![0]!
const id = acceptance.finding.id
/** reason, until, by, ticket: what every format must show, in this order. */
const expected = ['Dana gets Users: Edit <Monday>', '2026-12-31', 'priya', 'CHG-12']

describe('accepted findings: the same fields in every format', () => {
  it('the fixture accepts one finding with a reason, an end, a person and a ticket', () => {
    expect(ACCEPTANCE_FIELDS).to.deep.equal(['reason', 'until', 'by', 'ticket'])
    expect(ACCEPTANCE_FIELDS.map((field) => acceptance[field])).to.deep.equal(expected)
  })

  it('json: the accepted list has them', () => {
    const json = JSON.parse([...AUDIT_FORMATS.json(report)].join('')) as AuditReport
    expect(json.accepted).to.have.length(1)
    expect(json.accepted![0]).to.include({
      reason: expected[0],
      until: expected[1],
      by: expected[2],
      ticket: expected[3],
    })
  })

  it('csv: the accepted row has accept_reason, accept_until, accept_by, accept_ticket', () => {
    const rows = parse(AUDIT_FORMATS.csv(report, options), {columns: true}) as Array<Record<string, string>>
    const row = rows.find((r) => r.accepted === 'true')!
    expect(row.finding_id).to.equal(id)
    const columns = Object.keys(row)
    expect(columns.slice(-4)).to.deep.equal(['accept_reason', 'accept_until', 'accept_by', 'accept_ticket'])
    expect(columns.slice(-4).map((c) => row[c])).to.deep.equal(expected)
  })

  it('xlsx: the Accepted sheet has reason, until, by and ticket after the finding columns', async () => {
    const workbook = new ExcelJS.Workbook()
    const bytes = await AUDIT_BINARY_FORMATS.xlsx(report, options)
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Accepted')!
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(cells(1)).to.deep.equal([...CSV_HEADER, 'reason', 'until', 'by', 'ticket'])
    expect(cells(2)[0]).to.equal(id)
    expect(cells(2).slice(CSV_HEADER.length)).to.deep.equal(expected)
  })

  it('html: the Accepted section has Reason, Until, By and Ticket columns, escaped', () => {
    const html = AUDIT_FORMATS.html(report, options)
    const section = /<section id="accepted"[\s\S]*?<\/section>/.exec(html)![0]
    const headers = [...section.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])
    expect(headers.slice(-4)).to.deep.equal(['Reason', 'Until', 'By', 'Ticket'])
    const row = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(section)![1]!
    expect(row).to.include(`<code>${id}</code>`)
    const byLabel = (name: string) => new RegExp(`<td data-label="${name}">([^<]*)</td>`).exec(row)?.[1]
    expect(['Reason', 'Until', 'By', 'Ticket'].map(byLabel)).to.deep.equal([
      'Dana gets Users: Edit &lt;Monday&gt;',
      '2026-12-31',
      'priya',
      'CHG-12',
    ])
  })

  it('markdown: the Accepted findings table has Reason, Until, By and Ticket', () => {
    const md = AUDIT_FORMATS.markdown(report)
    const table = /## Accepted findings\n\n([\s\S]*?)\n\n/.exec(md)![1]!.split('\n')
    expect(table[0]).to.equal('| Finding | App | Kind | Scope | Reason | Until | By | Ticket |')
    expect(table).to.have.length(3)
    expect(table[2]).to.include(`\`${id}\``)
    expect(table[2]).to.match(/ \| Dana gets Users: Edit &lt;Monday&gt; \| 2026-12-31 \| priya \| CHG-12 \|$/)
  })

  it('table: the terminal view lists none of them; the summary line on stderr counts them', () => {
    expect(AUDIT_FORMATS.table(report, options)).not.to.include('CHG-12')
    expect(summaryLine(report)).to.include(', 1 accepted')
  })
})
