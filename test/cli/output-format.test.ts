// --output FILE without --format: the extension picks the format; a contradiction is exit 2 and writes nothing.
// --json with a non-JSON --format is exit 2, not a silent JSON. Notes travel in --json as `notes`.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {resolveFormat} from '../../src/cli/output-format.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json', '--fail-on', 'none']

describe('resolveFormat', () => {
  const formats = ['table', 'json', 'csv', 'markdown'] as const
  const pick = (format: string | undefined, output: string | undefined, json = false) =>
    resolveFormat({format, output, json}, formats, 'table')

  it('--format wins; --json means json; else the extension; else the default', () => {
    expect(pick('csv', undefined)).to.equal('csv')
    expect(pick(undefined, undefined, true)).to.equal('json')
    expect(pick(undefined, 'a/report.CSV')).to.equal('csv')
    expect(pick(undefined, 'report.md')).to.equal('markdown')
    expect(pick(undefined, 'report.txt')).to.equal('table')
    expect(pick(undefined, 'report.json')).to.equal('json')
    expect(pick(undefined, 'report')).to.equal('table')
    expect(pick(undefined, undefined)).to.equal('table')
    expect(pick('markdown', 'report.md')).to.equal('markdown')
    expect(pick('csv', 'report.data')).to.equal('csv')
    expect(pick(undefined, 'report.json', true)).to.equal('json')
  })

  it('.html / .xlsx count only when a format of that name is registered', () => {
    expect(() => pick(undefined, 'report.html')).to.throw(/\.html names no report format/)
    expect(resolveFormat({output: 'r.html', json: false}, ['table', 'html'], 'table')).to.equal('html')
    expect(resolveFormat({output: 'r.xlsx', json: false}, ['table', 'xlsx'], 'table')).to.equal('xlsx')
  })

  it('contradictions are usage errors (exit 2)', () => {
    for (const [format, output, json] of [
      ['csv', 'report.json', false],
      ['json', 'report.txt', false],
      [undefined, 'report.csv', true],
      ['csv', undefined, true],
      [undefined, 'report.pdf', false],
    ] as const) {
      expect(() => pick(format, output, json), `${format} ${output} ${json}`)
        .to.throw()
        .with.property('exitCode', 2)
    }
  })
})

describe('--output extensions, --json and notes (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  const cases: Array<[string, (text: string) => void]> = [
    ['report.json', (text) => expect(schemaProblems('report', JSON.parse(text))).to.deep.equal([])],
    ['report.csv', (text) => expect(text).to.match(/^finding_id,severity,kind,app_id/)],
    ['report.md', (text) => expect(text).to.match(/^# /)],
    ['report.html', (text) => expect(text).to.match(/^<!doctype html>/i)],
    // A workbook is a zip file.
    ['report.xlsx', (text) => expect(text.startsWith('PK')).to.equal(true)],
    [
      'report.txt',
      (text) => {
        expect(text).to.include('SEVERITY  KIND')
        expect(text).not.to.include('\u001B[')
      },
    ],
  ]
  for (const [name, check] of cases) {
    it(`audit --output ${name} (no --format) writes that format`, async () => {
      const file = join(tmp.dir, name)
      const {code, stdout, stderr} = await runCli(['audit', ...example, '--output', file], {env: {FORCE_COLOR: '1'}})
      expect(code, stderr).to.equal(0)
      expect(stdout).to.equal('')
      check(readFileSync(file, 'utf8'))
    })
  }

  for (const [args, said] of [
    [['--format', 'csv', '--output', 'x.json'], /--output .*x\.json is a \.json file, but --format csv writes csv/],
    [['--format', 'markdown', '--output', 'x.txt'], /is a \.txt file, but --format markdown/],
    [['--json', '--output', 'x.csv'], /is a \.csv file, but --json writes json/],
    [
      ['--output', 'x.pdf'],
      /\.pdf names no report format \(\.json, \.csv, \.md, \.markdown, \.txt, \.html, \.htm, \.xlsx\)\. Give --format\./,
    ],
    [['--save-snapshot', 'x.csv'], /--save-snapshot .*x\.csv: a snapshot is JSON/],
  ] as const) {
    it(`audit ${args.join(' ')}: exit 2, nothing written`, async () => {
      const withPaths = args.map((a) => (/^x\./.test(a) ? join(tmp.dir, a) : a))
      // --save-snapshot is for live runs (it excludes --snapshot): refused before any credential is looked for.
      const account = args[0] === '--save-snapshot' ? ['--inventory', 'examples/inventory.json'] : example
      const {code, stdout, stderr} = await runCli(['audit', ...account, ...withPaths])
      expect(code).to.equal(2)
      // With --json the error is JSON on stdout.
      expect((args as readonly string[]).includes('--json') ? JSON.parse(stdout).error.message : stderr).to.match(said)
      for (const a of withPaths) if (a.startsWith(tmp.dir)) expect(existsSync(a), a).to.equal(false)
    })
  }

  it('--json with a non-JSON --format is exit 2 (a JSON error), not a silent JSON report', async () => {
    const {code, stdout} = await runCli(['audit', ...example, '--json', '--format', 'csv'])
    expect(code).to.equal(2)
    expect(JSON.parse(stdout).error).to.include({code: 'usage', exitCode: 2})
    expect(JSON.parse(stdout).error.message).to.equal('--json writes JSON, but --format says csv. Drop one of them.')
    expect(JSON.parse(stdout).error.actions).to.deep.equal(['Drop one of them.'])
  })

  it('--json --format json is fine', async () => {
    const {code, stdout} = await runCli(['audit', ...example, '--json', '--format', 'json'])
    expect(code).to.equal(0)
    expect(JSON.parse(stdout).findings).to.be.an('array')
  })

  it('snapshot --output x.csv is exit 2 before anything is fetched', async () => {
    const file = join(tmp.dir, 'snap.csv')
    const {code, stderr} = await runCli(['snapshot', '--output', file])
    expect(code).to.equal(2)
    expect(stderr).to.equal(`Error: --output ${file}: a snapshot is JSON. Name the file .json.\n`)
    expect(existsSync(file)).to.equal(false)
  })

  it('notes (an expired and a stale acceptance) go to stderr and into --json as `notes`', async () => {
    const first = JSON.parse((await runCli(['audit', ...example, '--json'])).stdout)
    expect(first.notes).to.deep.equal([])
    const id = first.findings[0].id as string
    const accept = tmp.write('accepted.json', {
      accepted: [
        {id, reason: 'fixed on Monday', until: '2020-01-31'},
        {id: 'zsa-000000000000', reason: 'gone', until: '2099-01-01'},
      ],
    })
    const {code, stdout, stderr} = await runCli(['audit', ...example, '--accept', accept, '--json'])
    expect(code, stderr).to.equal(0)
    const report = JSON.parse(stdout)
    expect(schemaProblems('report', report)).to.deep.equal([])
    expect(report.notes).to.deep.equal([
      `Note: the acceptance of id ${id} ("fixed on Monday") ended on 2020-01-31; it no longer applies (see its expired-acceptance finding).`,
      `Note: 1 accepted-findings entry no longer matches any finding (id zsa-000000000000): remove it from ${accept}.`,
    ])
    for (const note of report.notes as string[]) expect(stderr).to.include(`${note}\n`)

    // The same notes in a JSON report written with --output.
    const file = join(tmp.dir, 'with-notes.json')
    await runCli(['audit', ...example, '--accept', accept, '--output', file])
    expect(JSON.parse(readFileSync(file, 'utf8')).notes).to.deep.equal(report.notes)
  })

  it('an ignored flag is a note too (transfer check --scopes for an app the account shows)', async () => {
    const {code, stdout, stderr} = await runCli([
      'transfer',
      'check',
      '--app',
      'aRecArch01',
      '--to',
      'marco.rossi@acme.example',
      '--scopes',
      'user:read',
      '--snapshot',
      'examples/snapshot.json',
      '--json',
    ])
    expect([0, 1]).to.include(code)
    const note = "Note: --scopes ignored: the account shows Recording Archiver's own scopes."
    expect(JSON.parse(stdout).notes).to.deep.equal([note])
    expect(stderr).to.equal(`${note}\n`)
  })
})
