// Through the real CLI: with examples/accepted.json (Recording Archiver's one finding accepted, no until), every file
// for people names Recording Archiver among the apps whose findings are all accepted, never among the apps without
// findings, and shows the open-ended acceptance as "no expiry"; the CSV keeps an empty accept_until.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import {EXAMPLE_ACCOUNT} from '../helpers/example-account.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

describe('audit --accept: an app whose findings are all accepted, in every format (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  const files: Record<string, string> = {}

  before(async () => {
    const formats = ['table', 'markdown', 'html', 'xlsx', 'csv']
    const {code, stderr} = await runCli([
      'audit',
      ...EXAMPLE_ACCOUNT,
      '--accept',
      'examples/accepted.json',
      '--output-dir',
      tmp.dir,
      ...formats.flatMap((f) => ['--format', f]),
    ])
    expect(code, stderr).to.equal(1)
    expect(stderr).to.match(/, 1 accepted/)
    for (const name of readdirSync(tmp.dir)) files[name.split('.').pop()!] = join(tmp.dir, name)
    expect(Object.keys(files)).to.include.members(['txt', 'md', 'html', 'xlsx', 'csv'])
  })

  const read = (ext: string) => readFileSync(files[ext]!, 'utf8')

  it('table (.txt): a line of its own with the count; the apps without findings leave it out', () => {
    const txt = read('txt')
    expect(txt).to.include('\n\n1 app whose findings are all accepted: Recording Archiver (1 accepted)\n\n')
    expect(/\d+ apps? without findings: (.*)/.exec(txt)![1]).not.to.include('Recording Archiver')
  })

  it('markdown: its own section; the acceptance has no expiry', () => {
    const md = read('md')
    expect(md).to.include(
      '## Apps whose findings are all accepted\n\n- Recording Archiver (`aRecArch01`): 1 accepted\n',
    )
    expect(/## Apps without findings\n\n((?:- .*\n)+)/.exec(md)![1]).not.to.include('Recording Archiver')
    expect(md).to.match(/\| Dana gets Users: Edit on Monday \| no expiry \| priya \| CHG-1234 \|/)
  })

  it('html: its own section; the acceptance has no expiry', () => {
    const html = read('html')
    expect(html).to.match(/<section id="all-accepted"[^]*?Recording Archiver[^]*?· 1 accepted<\/li>/)
    expect(/<section id="clean"[^]*?<\/section>/.exec(html)![0]).not.to.include('Recording Archiver')
    expect(html).to.include('<td data-label="Until">no expiry</td>')
  })

  it('xlsx: Other apps gives it the status "all findings accepted"; Accepted says "no expiry"', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(files.xlsx!) as unknown as ArrayBuffer)
    const rows = (name: string) =>
      (workbook.getWorksheet(name)!.getSheetValues().slice(1) as unknown[][]).map((row) => row.slice(1))
    const [header, ...other] = rows('Other apps')
    expect(header).to.deep.equal(['app_id', 'app_name', 'owner', 'owner_role', 'status', 'accepted'])
    expect(other.find((r) => r[0] === 'aRecArch01')!.slice(4)).to.deep.equal(['all findings accepted', 1])
    const [acceptedHeader, accepted] = rows('Accepted')
    expect(accepted![acceptedHeader!.indexOf('until')]).to.equal('no expiry')
  })

  it('csv: the accepted row keeps an empty accept_until (its contract)', () => {
    const rows = parse(read('csv'), {columns: true}) as Array<Record<string, string>>
    expect(rows.find((r) => r.accepted === 'true')).to.include({app_id: 'aRecArch01', accept_until: ''})
  })
})
