// What reaches a terminal or a document: it fits 80 columns when stdout is not a terminal, and names from Zoom or
// files never carry control characters, HTML, links or code into the output.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'
import {parse} from 'csv-parse/sync'

import {markdownCode, markdownText, terminalSafe} from '../../src/report/escape.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {runCli} from '../helpers/run-cli.js'

const example = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json']
const columns = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length))
const RAW_CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

describe('terminal output: width (subprocess, stdout not a terminal → 80 columns)', function () {
  this.timeout(60_000)
  const env = {COLUMNS: '80'}

  it('every line of the example audit table is at most 80 columns, nothing cut', async () => {
    const {code, stdout} = await runCli(['audit', ...example], {env})
    expect(code).to.equal(1)
    expect(columns(stdout)).to.be.at.most(80)
    expect(stdout).not.to.include('…')
    expect(stdout).to.include('3 apps without findings: Calendar Helper, HR Sync, Meeting Insights')
  })

  it('a four-candidate transfer check: a block per candidate, every line at most 80 columns', async () => {
    const candidates = ['marco.rossi@acme.example', 'lena.fischer@acme.example', 'bob.martin@acme.example']
    const args = ['transfer', 'check', '--app', 'aRecArch01', ...candidates.flatMap((c) => ['--to', c])]
    const {code, stdout} = await runCli([...args, '--to', 'nobody@acme.example', ...example], {env})
    expect(code).to.equal(1)
    expect(columns(stdout)).to.be.at.most(80)
    const blocks = stdout.trimEnd().split('\n\n')
    // The app, the current owner, four candidates, the count.
    expect(blocks).to.have.length(7)
    expect(blocks.slice(1, 6).map((b) => b.split('\n')[0])).to.deep.equal([
      'NOT eligible (current owner): dana.scully@acme.example (Dana Scully, IT Support)',
      'eligible: marco.rossi@acme.example (Marco Rossi, IT Lead)',
      'NOT eligible: lena.fischer@acme.example (Lena Fischer, EMEA Admin)',
      'NOT eligible: bob.martin@acme.example (Bob Martin, Member)',
      'NOT eligible: nobody@acme.example (no such user)',
    ])
    expect(blocks.at(-1)).to.equal('1 of 4 candidates eligible.')
  })
})

describe('terminal output: hostile names are shown escaped (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  const EVIL = '\u001b[31mEvil\u0007'
  const HTML = '<img src=x onerror=alert(1)> [x](http://e) `x`'
  const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
  for (const app of snapshot.apps) {
    if (app.id === 'aRecArch01') app.name = EVIL
    if (app.id === 'aMtgBot004') app.name = HTML
  }
  for (const user of snapshot.users) if (user.email === 'dana.scully@acme.example') user.name = 'Dana \u202eyllucS'
  const hostile = ['--snapshot', tmp.write('hostile.json', snapshot), '--inventory', 'examples/inventory.json']

  it('table: ESC, BEL and bidi overrides escaped (\\x1b, \\x07, \\u202e), never raw', async () => {
    const {code, stdout, stderr} = await runCli(['audit', ...hostile])
    expect(code).to.equal(1)
    expect(stdout).not.to.match(RAW_CONTROLS)
    expect(stderr).not.to.match(RAW_CONTROLS)
    expect(stdout).to.include('\\x1b[31mEvil\\x07 (aRecArch01)')
    expect(stdout).to.include("give Dana \\u202eyllucS's role")
    expect(stdout).to.include(HTML)
  })

  it('transfer check: names escaped on stdout, and on stderr in the --scopes note', async () => {
    const args = ['transfer', 'check', '--app', 'aRecArch01', '--to', 'dana.scully@acme.example']
    const {stdout, stderr} = await runCli([...args, '--scopes', 'meeting:read:admin', ...hostile])
    expect(stdout).not.to.match(RAW_CONTROLS)
    expect(stderr).not.to.match(RAW_CONTROLS)
    expect(stdout).to.include('\\x1b[31mEvil\\x07 (aRecArch01): 3 scopes')
    expect(stdout).to.include('(Dana \\u202eyllucS, IT Support)')
    expect(stderr).to.include("the account shows \\x1b[31mEvil\\x07's own scopes")
  })

  it('markdown: HTML, link syntax and backticks escaped; controls escaped', async () => {
    const {stdout} = await runCli(['audit', ...hostile, '--format', 'markdown'])
    expect(stdout).not.to.match(RAW_CONTROLS)
    expect(stdout).not.to.include('<img')
    expect(stdout).to.include('## &lt;img src=x onerror=alert(1)&gt; \\[x\\](http://e) \\`x\\` (`aMtgBot004`)')
    expect(stdout).to.include('## \\\\x1b\\[31mEvil\\\\x07 (`aRecArch01`)')
    // No link: every bracket is escaped.
    expect(stdout).not.to.match(/[^\\]\]\(http/)
  })

  it('csv: identifiers untouched, names as they are (spreadsheets run formulas, not escapes)', async () => {
    const [csv, json] = await Promise.all([
      runCli(['audit', ...hostile, '--format', 'csv']),
      runCli(['audit', ...hostile, '--json']),
    ])
    const rows = parse(csv.stdout, {columns: true}) as Array<Record<string, string>>
    const findings = JSON.parse(json.stdout).findings as Array<{id: string; appId: string; scope: string | null}>
    expect(rows.map((r) => [r.finding_id, r.app_id, r.scope])).to.deep.equal(
      findings.map((f) => [f.id, f.appId, f.scope ?? '']),
    )
    expect(rows.find((r) => r.app_id === 'aRecArch01')!.app_name).to.equal(EVIL)
    expect(JSON.parse(json.stdout).apps.find((a: {id: string}) => a.id === 'aMtgBot004').name).to.equal(HTML)
  })
})

describe('escaping helpers', () => {
  it('terminalSafe: C0, DEL, C1 and every bidi control escaped; other text (accents, emoji, CJK) untouched', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007\u0000\u007f\u009b\u0085')).to.equal('a\\x1b[2Jb\\x07\\x00\\x7f\\x9b\\x85')
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']
    expect(terminalSafe(bidi.join(''))).to.equal('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069')
    expect(terminalSafe('Zoë 会议 📹 tab\there')).to.equal('Zoë 会议 📹 tab\\x09here')
  })

  it('markdownText: HTML as entities, brackets, backticks, pipes and backslashes escaped', () => {
    expect(markdownText('<b>&</b> [x](http://e) `x` a|b \\')).to.equal(
      '&lt;b&gt;&amp;&lt;/b&gt; \\[x\\](http://e) \\`x\\` a\\|b \\\\',
    )
  })

  it('markdownCode: identifiers as code; anything a code span cannot hold as escaped text', () => {
    expect(markdownCode('meeting:read:admin')).to.equal('`meeting:read:admin`')
    expect(markdownCode('a`b')).to.equal('a\\`b')
    expect(markdownCode('')).to.equal('')
  })
})
