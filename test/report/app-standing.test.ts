// Every format for people says the same of the apps with no finding listed: an app whose findings were all accepted
// is named as such, with how many, and never among the apps without findings; an acceptance with no last day says
// "no expiry"; a finding new since the baseline is "new" (the workbook: yes/no). The CSV keeps its machine values.
import {expect} from 'chai'
import {parse} from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import type {AuditReport} from '../../src/audit/types.js'
import {filterReport} from '../../src/audit/filter.js'
import {AUDIT_BINARY_FORMATS, AUDIT_FORMATS} from '../../src/report/audit-formats.js'
import {createStyle} from '../../src/report/style.js'
import {exampleReport, label, triagedReport} from './example-report.js'

const options = {style: createStyle(false), width: 80, label}
/** Recording Archiver's only finding is accepted there. */
const report = triagedReport()
const ARCHIVER = 'Recording Archiver'
const withFindings = new Set([...report.findings, ...report.accepted!.map((a) => a.finding)].map((f) => f.appId))
/** The apps with no finding at all (two with the test matrix). */
const CLEAN = report.apps.filter((a) => !withFindings.has(a.id)).map((a) => a.name)

async function sheetRows(report: AuditReport, name: string): Promise<Array<Record<string, unknown>>> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await AUDIT_BINARY_FORMATS.xlsx(report, options)) as unknown as ArrayBuffer)
  const [header, ...rows] = workbook
    .getWorksheet(name)!
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1))
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i] ?? ''])))
}

/** The Markdown list under a heading. */
function markdownList(md: string, heading: string): string[] | undefined {
  return new RegExp(`\\n## ${heading}\\n\\n((?:- .*\\n)+)`).exec(md)?.[1]!.trimEnd().split('\n')
}

/** The HTML list items of a section, tags dropped. */
function htmlItems(html: string, id: string): {title: string; items: string[]} | undefined {
  const section = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0]
  if (!section) return undefined
  const title = /<h2[^>]*>([^<]*)<\/h2>/.exec(section)![1]!
  const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
  return {title, items}
}

describe('apps whose findings are all accepted: the same in every format for people', () => {
  it('the fixture: Recording Archiver has no open finding and one accepted; other apps have none at all', () => {
    expect(report.findings.filter((f) => f.appName === ARCHIVER)).to.deep.equal([])
    expect(report.accepted!.map((a) => a.finding.appName)).to.deep.equal([ARCHIVER])
    expect(CLEAN).to.have.length.at.least(2).and.not.include(ARCHIVER)
  })

  it('table: a line of its own with the accepted count; the apps without findings leave it out', () => {
    const table = AUDIT_FORMATS.table(report, options)
    expect(table).to.include(`\n\n1 app whose findings are all accepted: ${ARCHIVER} (1 accepted)\n\n`)
    expect(table).to.include(`\n\n${CLEAN.length} apps without findings: ${CLEAN.join(', ')}\n\n`)
  })

  it('markdown: a section of its own, before the apps without findings', () => {
    const md = AUDIT_FORMATS.markdown(report)
    expect(markdownList(md, 'Apps whose findings are all accepted')).to.deep.equal([
      `- ${ARCHIVER} (\`aRecArch01\`): 1 accepted`,
    ])
    const clean = markdownList(md, 'Apps without findings')!
    expect(clean.map((line) => line.replace(/^- | \(.*$/g, ''))).to.deep.equal(CLEAN)
    expect(md.indexOf('## Apps whose findings are all accepted')).to.be.lessThan(md.indexOf('## Apps without findings'))
  })

  it('html: a section of its own with the count; the apps without findings leave it out', () => {
    const html = AUDIT_FORMATS.html(report, options)
    expect(htmlItems(html, 'all-accepted')).to.deep.equal({
      title: 'Apps whose findings are all accepted (1)',
      items: [`${ARCHIVER} aRecArch01 · 1 accepted`],
    })
    const clean = htmlItems(html, 'clean')!
    expect(clean.title).to.equal(`Apps without findings (${CLEAN.length})`)
    expect(clean.items.map((i) => i.replace(/ \S+$/, ''))).to.deep.equal(CLEAN)
  })

  it('xlsx: the Other apps sheet gives each app without a listed finding its status and accepted count', async () => {
    const rows = await sheetRows(report, 'Other apps')
    expect(rows.map((r) => [r.app_name, r.status, r.accepted])).to.deep.equal([
      [ARCHIVER, 'all findings accepted', 1],
      ...CLEAN.map((name) => [name, 'no findings', 0]),
    ])
    expect(rows[0]).to.include({app_id: 'aRecArch01', owner: 'dana.scully@acme.example', owner_role: 'IT Support'})
  })

  it('with --new-only the words say "new": an app left out may still have older findings', async () => {
    const newOnly = filterReport(report, {newOnly: true})
    expect(newOnly.summary.omitted).to.be.greaterThan(0)
    const table = AUDIT_FORMATS.table(newOnly, options)
    expect(table).to.include(`1 app with accepted findings and no new ones: ${ARCHIVER} (1 accepted)`)
    expect(table).to.match(/\d+ apps without new findings: /)
    expect(table).not.to.match(/apps? without findings/)
    const md = AUDIT_FORMATS.markdown(newOnly)
    expect(md).to.include('## Apps with accepted findings and no new ones\n\n- Recording Archiver')
    expect(md).to.include('## Apps without new findings\n')
    const html = AUDIT_FORMATS.html(newOnly, options)
    expect(htmlItems(html, 'all-accepted')!.title).to.equal('Apps with accepted findings and no new ones (1)')
    expect(htmlItems(html, 'clean')!.title).to.match(/^Apps without new findings \(\d+\)$/)
    const statuses = new Set((await sheetRows(newOnly, 'Other apps')).map((r) => r.status))
    expect([...statuses]).to.deep.equal(['accepted findings, no new ones', 'no new findings'])
  })

  it('with --severity or --kind the words say "matching": an app left out may have findings of other severities', async () => {
    const high = filterReport(report, {severities: ['high']})
    // An app with findings, none of them high.
    const severities = (id: string) => report.findings.filter((f) => f.appId === id).map((f) => f.severity)
    const other = report.apps.find((a) => severities(a.id).length > 0 && !severities(a.id).includes('high'))!
    const table = AUDIT_FORMATS.table(high, options)
    expect(table.replaceAll('\n', ' ')).to.match(new RegExp(`\\d+ apps without matching findings: .*${other.name}`))
    expect(table).to.include(`1 app whose matching findings are all accepted: ${ARCHIVER} (1 accepted)`)
    expect(table).not.to.match(/apps? without findings/)
    const md = AUDIT_FORMATS.markdown(high)
    expect(md).to.include('## Apps without matching findings\n')
    expect(md).to.include('## Apps whose matching findings are all accepted\n')
    expect(htmlItems(AUDIT_FORMATS.html(high, options), 'clean')!.title).to.match(/^Apps without matching findings/)
    const statuses = new Set((await sheetRows(high, 'Other apps')).map((r) => r.status))
    expect([...statuses]).to.deep.equal(['all matching findings accepted', 'no matching findings'])
    // --owner and --app leave whole apps out: what is left is said as it is.
    const one = filterReport(report, {apps: ['aRecArch01', 'aCalHelp09']})
    expect(AUDIT_FORMATS.table(one, options)).to.include('1 app without findings: Calendar Helper')
    const both = filterReport(report, {kinds: ['missing-privilege'], newOnly: true})
    expect(AUDIT_FORMATS.table(both, options)).to.match(/apps without new matching findings: /)
  })

  it('with a baseline but every finding listed, an app left out has no finding at all: "without findings" everywhere', () => {
    expect(report.summary.new).to.be.a('number')
    expect(AUDIT_FORMATS.table(report, options)).to.include(`${CLEAN.length} apps without findings:`)
    expect(AUDIT_FORMATS.markdown(report)).to.include('## Apps without findings\n')
    expect(htmlItems(AUDIT_FORMATS.html(report, options), 'clean')!.title).to.equal(
      `Apps without findings (${CLEAN.length})`,
    )
  })

  it('without accepted findings nothing changes: no such line, section or sheet row', async () => {
    expect(AUDIT_FORMATS.table(exampleReport, options)).not.to.match(/all accepted|\d accepted\)/)
    expect(AUDIT_FORMATS.markdown(exampleReport)).not.to.include('all accepted')
    expect(AUDIT_FORMATS.html(exampleReport, options)).not.to.include('id="all-accepted"')
    const rows = await sheetRows(exampleReport, 'Other apps')
    const listed = new Set(exampleReport.findings.map((f) => f.appId))
    expect(rows.map((r) => [r.app_id, r.status])).to.deep.equal(
      exampleReport.apps.filter((a) => !listed.has(a.id)).map((a) => [a.id, 'no findings']),
    )
  })
})

describe('an acceptance without an until: "no expiry" in every format for people, empty in the CSV', () => {
  const openEnded: AuditReport = {...report, accepted: report.accepted!.map((a) => ({...a, until: null}))}

  it('markdown and html show "no expiry" in the Until column', () => {
    expect(AUDIT_FORMATS.markdown(openEnded)).to.match(
      /## Accepted findings\n[\s\S]*? \| no expiry \| priya \| CHG-12 \|\n/,
    )
    expect(AUDIT_FORMATS.html(openEnded, options)).to.include('<td data-label="Until">no expiry</td>')
    expect(AUDIT_FORMATS.html(openEnded, options)).not.to.include('no end')
  })

  it('xlsx: the Accepted sheet says "no expiry"', async () => {
    const [row] = await sheetRows(openEnded, 'Accepted')
    expect(row).to.include({until: 'no expiry', by: 'priya'})
  })

  it('csv and json keep their contract: an empty accept_until, until null', () => {
    const rows = parse(AUDIT_FORMATS.csv(openEnded, options), {columns: true}) as Array<Record<string, string>>
    expect(rows.find((r) => r.accepted === 'true')).to.include({accept_until: '', accept_by: 'priya'})
    const json = JSON.parse([...AUDIT_FORMATS.json(openEnded)].join('')) as AuditReport
    expect(json.accepted![0]!.until).to.equal(null)
  })
})

describe('new since the baseline: one word for people, true/false for programs', () => {
  const fresh = report.findings.find((f) => f.new === true)!
  const old = report.findings.find((f) => f.new === false)!

  it('table, Markdown and HTML mark a new finding "new" and an old one not at all', () => {
    const table = AUDIT_FORMATS.table(report, options)
    expect(table).to.match(/^ {2}(HIGH|MEDIUM|LOW) NEW\b/m)
    expect(table).not.to.match(/\b(yes|true)\b/)
    const md = AUDIT_FORMATS.markdown(report)
    expect(md).to.include(`| ${fresh.severity} **new** | ${fresh.kind} |`)
    const html = AUDIT_FORMATS.html(report, options)
    expect(html).to.include('<span class="badge new">NEW</span>')
    const row = (id: string) => new RegExp(`<tr class="finding[^>]*>(?:(?!</tr>).)*<code>${id}</code>`).exec(html)![0]
    expect(row(fresh.id)).to.include('>NEW<')
    expect(row(old.id)).not.to.include('>NEW<')
  })

  it('xlsx: the new column says yes or no', async () => {
    const rows = await sheetRows(report, 'Findings')
    expect(rows.find((r) => r.finding_id === fresh.id)!.new).to.equal('yes')
    expect(rows.find((r) => r.finding_id === old.id)!.new).to.equal('no')
  })

  it('csv: true or false (its documented machine values)', () => {
    const rows = parse(AUDIT_FORMATS.csv(report, options), {columns: true}) as Array<Record<string, string>>
    expect(rows.find((r) => r.finding_id === fresh.id)!.new).to.equal('true')
    expect(rows.find((r) => r.finding_id === old.id)!.new).to.equal('false')
  })
})
