// Inventory CSVs: line numbers that match an editor's, whatever the line endings; the delimiter taken from the header
// line (Excel in European locales saves with ";"); and the CSV that `inventory init` writes is safe to open in a
// spreadsheet without altering ids, owners or scopes.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {CsvSyntaxError, detectDelimiter, parseCsv} from '../../src/input/csv.js'
import {spreadsheetSafe} from '../../src/report/csv-cell.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const snap = ['--snapshot', 'examples/snapshot.json']
const exampleCsv = readFileSync('examples/inventory.csv', 'utf8')

describe('CSV parsing (units)', () => {
  it('records know the line they start on: LF, CRLF and CR, line breaks inside quotes counted once', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['a,b', `1,"two${eol}lines"`, '', '3,x', ''].join(eol)
      expect(parseCsv(text, ','), JSON.stringify(eol)).to.deep.equal([
        {cells: ['a', 'b'], line: 1},
        {cells: ['1', `two${eol}lines`], line: 2},
        {cells: ['3', 'x'], line: 5},
      ])
    }
  })

  it('"" inside quotes is one quote; an empty quoted cell is a record; the last line needs no line break', () => {
    expect(parseCsv('"say ""hi""",""\n""\n"x"', ',')).to.deep.equal([
      {cells: ['say "hi"', ''], line: 1},
      {cells: [''], line: 2},
      {cells: ['x'], line: 3},
    ])
  })

  it('an unclosed quote is placed where it opens; text after a closing quote where it is', () => {
    const unclosed = 'a,b\r\n1,2\r\n3,"open\r\n4,5\r\n6,7\r\n'
    expect(() => parseCsv(unclosed, ','))
      .to.throw(CsvSyntaxError, 'never closed')
      .with.property('line', 3)
    expect(() => parseCsv('a,b\n1,"x\ny"z\n', ','))
      .to.throw(CsvSyntaxError, 'after the closing quote')
      .with.property('line', 3)
  })

  it('the delimiter is the one under which the header has the expected columns', () => {
    expect(detectDelimiter('\uFEFFapp_id;owner;name\r\n1;a,b;c', ['app_id', 'owner'])).to.equal(';')
    expect(detectDelimiter('app_id\towner\n', ['app_id', 'owner'])).to.equal('\t')
    expect(detectDelimiter('"App_ID" , owner\n', ['app_id', 'owner'])).to.equal(',')
    expect(detectDelimiter('"app;id";owner,x\n', ['app_id', 'owner'])).to.equal(',')
  })

  it('spreadsheetSafe: = + - @ after leading spaces or line breaks, a leading tab or CR; nothing else', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '  =cmd', '\n=cmd', '\r\n@x', '\tx', '\rx', ' \t-2'])
      expect(spreadsheetSafe(cell), JSON.stringify(cell)).to.equal(`'${cell}`)
    for (const cell of ['', 'Sync', 'a=b', "'=already", ' plain', 'x-1'])
      expect(spreadsheetSafe(cell), JSON.stringify(cell)).to.equal(cell)
  })
})

describe('inventory CSV files (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  async function auditJson(file: string): Promise<{code: number; stderr: string; report?: unknown}> {
    const {code, stdout, stderr} = await runCli(['audit', ...snap, '--inventory', file, '--json'])
    return {code, stderr, ...(code === 1 ? {report: JSON.parse(stdout)} : {})}
  }

  it('a quoted line break in a CRLF file: the next row is reported at its own line', async () => {
    const file = tmp.write(
      'crlf.csv',
      'app_id,owner,name\r\naRecArch01,dana.scully@acme.example,"Recording\r\nArchiver"\r\naHRSync002,x@y.z,HR,extra\r\n',
    )
    const {code, stderr} = await runCli(['audit', ...snap, '--inventory', file])
    expect(code, stderr).to.equal(2)
    expect(stderr).to.equal(`Error: ${file}, line 4: 4 cells where the header has 3.\n`)
  })

  it('an unclosed quote is reported at the line where it opens', async () => {
    const file = tmp.write(
      'unclosed.csv',
      'app_id,owner,name\r\naRecArch01,dana.scully@acme.example,ok\r\naHRSync002,x@y.z,"HR\r\naRoomDash3,a@b.c,x\r\n',
    )
    const {code, stderr} = await runCli(['audit', ...snap, '--inventory', file])
    expect(code, stderr).to.equal(2)
    expect(stderr).to.equal(`Error: ${file}, line 3: not valid CSV: a quoted cell opens here and is never closed.\n`)
    expect(hasStackTrace(stderr)).to.equal(false)
  })

  it('an empty app_id after blank lines: the line counts the blank ones', async () => {
    const file = tmp.write('blank-lines.csv', 'app_id,owner\n\n\naRecArch01,dana.scully@acme.example\n\n,x@y.z\n')
    const {code, stderr} = await runCli(['audit', ...snap, '--inventory', file])
    expect(code, stderr).to.equal(2)
    expect(stderr).to.equal(`Error: ${file}, line 6: the app_id cell is empty.\n`)
  })

  const variants: Array<[string, (text: string) => string]> = [
    ['";" with a BOM and CRLF (Excel, European locale)', (t) => `\uFEFF${toDelimiter(t, ';').replace(/\n/g, '\r\n')}`],
    ['";" without a BOM', (t) => toDelimiter(t, ';')],
    ['tab-separated', (t) => toDelimiter(t, '\t')],
    ['"," with a BOM', (t) => `\uFEFF${t}`],
  ]
  let expected: {report?: unknown} = {}
  before(async () => {
    expected = await auditJson('examples/inventory.csv')
  })
  for (const [what, convert] of variants) {
    it(`${what}: the same audit as the comma-separated file`, async () => {
      const file = tmp.write(`variant-${variants.findIndex((v) => v[0] === what)}.csv`, convert(exampleCsv))
      const got = await auditJson(file)
      expect(got.code, got.stderr).to.equal(1)
      expect(withoutInputs(got.report)).to.deep.equal(withoutInputs(expected.report))
    })
  }

  it('a header without the columns under any delimiter names what it found', async () => {
    const file = tmp.write('no-columns.csv', 'id;who\r\nx;y\r\n')
    const {code, stderr} = await runCli(['audit', ...snap, '--inventory', file])
    expect(code).to.equal(2)
    expect(stderr).to.equal(
      `Error: ${file}, line 1: the header has no "app_id" column (found: id;who; cells separated by a comma, a semicolon or a tab).\n`,
    )
  })

  it('inventory init CSV: formula-like names get an apostrophe; ids, owners and scopes are written exactly', async () => {
    const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
      apps: Array<{id: string; name: string; scopes: string[]}>
    }
    const names = ["=cmd|' /C calc'!A0", '  +SUM(1)', '\n-2', '\t@x', '\rplain', '@HYPERLINK("x")', 'Ordinary']
    snapshot.apps = snapshot.apps.slice(0, names.length).map((app, i) => ({...app, name: names[i]!}))
    snapshot.apps[0]!.id = '-aHostileId'
    snapshot.apps[1]!.scopes = ['=not:a:formula:scope']
    const snapshotFile = tmp.write('formula-snapshot.json', snapshot)
    const merge = tmp.write('merge.json', {apps: [{id: '-aHostileId', owner: '+owner@acme.example', name: names[0]}]})
    const out = join(tmp.dir, 'formula-apps.csv')
    const {code, stderr} = await runCli([
      'inventory',
      'init',
      '--snapshot',
      snapshotFile,
      '--merge',
      merge,
      '--output',
      out,
    ])
    expect(code, stderr).to.equal(0)
    const rows = parse(readFileSync(out, 'utf8'), {columns: true}) as Array<Record<string, string>>
    const byId = new Map(rows.map((row) => [row.app_id!, row]))
    for (const app of snapshot.apps) {
      const row = byId.get(app.id)
      expect(row, app.id).to.not.equal(undefined)
      expect(row!.scopes).to.equal(app.scopes.join(' '))
    }
    const hostile = byId.get('-aHostileId')!
    expect(hostile.owner).to.equal('+owner@acme.example')
    const written = rows.map((row) => row.name)
    // Every formula-like name is defused, the one kept from --merge as well as those from the account.
    for (const name of names.slice(0, 6)) expect(written).to.include(`'${name}`)
    expect(written).to.include('Ordinary')
  })
})

/** The example CSV with another delimiter: none of its cells holds , ; or a tab. */
function toDelimiter(text: string, delimiter: string): string {
  return text.replace(/,/g, delimiter)
}

/** The report without the input file names, which differ between the variants. */
function withoutInputs(report: unknown): unknown {
  const copy = structuredClone(report) as {inputs?: unknown; generatedAt?: unknown}
  delete copy.inputs
  delete copy.generatedAt
  return copy
}
