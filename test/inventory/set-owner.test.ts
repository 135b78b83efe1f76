// `inventory set-owner`: only the owner cells of the named apps change; every other byte is kept.
import {readFileSync, statSync} from 'node:fs'

import {expect} from 'chai'

import {loadInventory} from '../../src/inventory/load.js'
import {csvCell, scanCsv, setOwner} from '../../src/inventory/set-owner.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

/** The lines that differ between two texts, as [before, after]. */
function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n')
  const b = after.split('\n')
  expect(b).to.have.length(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]))
}

describe('inventory set-owner', function () {
  this.timeout(60_000)
  const temp = makeTempDir()
  after(() => temp.cleanup())

  it('CSV: a diff shows only the owner cells of the named apps; other cells keep their quoting', async () => {
    const original = readFileSync('examples/inventory.csv', 'utf8')
    const file = temp.write('apps.csv', original)
    const {code, stdout, stderr} = await runCli([
      'inventory',
      'set-owner',
      '--file',
      file,
      '--app',
      'aRecArch01',
      '--app',
      'aRecMgr014',
      '--owner',
      'kim.it@acme.example',
    ])
    expect(code, stderr).to.equal(0)
    expect(stdout).to.equal(
      'aRecArch01: dana.scully@acme.example → kim.it@acme.example\naRecMgr014: (no owner) → kim.it@acme.example\n',
    )
    const after = readFileSync(file, 'utf8')
    // Line ends (CRLF or LF) are kept as they were.
    const cr = original.includes('\r\n') ? '\r' : ''
    expect(changedLines(original, after)).to.deep.equal([
      [
        `aRecArch01,"Recording Archiver",dana.scully@acme.example,,"recording:read:admin meeting:read:admin"${cr}`,
        `aRecArch01,"Recording Archiver",kim.it@acme.example,,"recording:read:admin meeting:read:admin"${cr}`,
      ],
      [`aRecMgr014,"Recording Manager",,,${cr}`, `aRecMgr014,"Recording Manager",kim.it@acme.example,,${cr}`],
    ])
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    const reloaded = await loadInventory(file)
    expect(reloaded.apps.find((a) => a.id === 'aRecArch01')?.owner).to.equal('kim.it@acme.example')
  })

  it('JSON: only the owner values change (layout, key order and the rest kept)', async () => {
    const original = readFileSync('examples/inventory.json', 'utf8')
    const file = temp.write('apps.json', original)
    const {code, stderr} = await runCli([
      'inventory',
      'set-owner',
      '--file',
      file,
      '--app',
      'aInsight13',
      '--app',
      'aPhoneSy06',
      '--owner',
      'uBob000005',
    ])
    expect(code, stderr).to.equal(0)
    const after = readFileSync(file, 'utf8')
    expect(changedLines(original, after)).to.deep.equal([
      ['      "owner": "priya.nair@acme.example"', '      "owner": "uBob000005"'],
      ['      "owner": "priya.nair@acme.example"', '      "owner": "uBob000005"'],
    ])
  })

  it('an unknown --app → exit 2 naming it, and the file is left untouched', async () => {
    const original = readFileSync('examples/inventory.json', 'utf8')
    const file = temp.write('unknown.json', original)
    const {code, stdout, stderr} = await runCli([
      'inventory',
      'set-owner',
      '--file',
      file,
      '--app',
      'aRecArch01',
      '--app',
      'aNoSuch99',
      '--owner',
      'kim.it@acme.example',
    ])
    expect(code).to.equal(2)
    expect(stdout).to.equal('')
    expect(stderr).to.equal(
      `Error: ${file}: no app "aNoSuch99" in the inventory (--app takes the app_id as the inventory lists it).\n`,
    )
    expect(hasStackTrace(stderr)).to.equal(false)
    expect(readFileSync(file, 'utf8')).to.equal(original)
  })

  it('CSV edge cases: BOM, CRLF, quoted cells with commas, quotes and line breaks, an owner that must be quoted', async () => {
    const text = '\uFEFFowner,app_id,name\r\n"a@x","aOne","Name, with ""comma"""\r\n\r\nb@x,aTwo,"two\r\nlines"\r\n'
    const inventory = await loadInventory(temp.write('edge.csv', text))
    expect(inventory.apps.map((a) => a.id)).to.deep.equal(['aOne', 'aTwo'])
    const out = setOwner({
      text,
      inventory,
      format: 'csv',
      appIds: ['aOne', 'aTwo'],
      owner: 'new, "odd"',
      file: 'edge.csv',
    })
    expect(out.text).to.equal(
      '\uFEFFowner,app_id,name\r\n"new, ""odd""","aOne","Name, with ""comma"""\r\n\r\n"new, ""odd""",aTwo,"two\r\nlines"\r\n',
    )
    const reread = await loadInventory(temp.write('edge-out.csv', out.text))
    expect(reread.apps.map((a) => a.owner)).to.deep.equal(['new, "odd"', 'new, "odd"'])
    expect(scanCsv('a,b\n"x\ny",z').map((r) => r.map((f) => f.value))).to.deep.equal([
      ['a', 'b'],
      ['x\ny', 'z'],
    ])
    expect(csvCell('plain@x')).to.equal('plain@x')
  })

  it('an empty --owner or a file that is not an inventory → exit 2', async () => {
    const file = temp.write('empty-owner.json', readFileSync('examples/inventory.json', 'utf8'))
    const empty = await runCli(['inventory', 'set-owner', '--file', file, '--app', 'aRecArch01', '--owner', ' '])
    expect(empty.code).to.equal(2)
    expect(empty.stderr).to.match(/--owner must be an email or a Zoom user id/)
    const txt = temp.write('apps.txt', 'x')
    const wrong = await runCli(['inventory', 'set-owner', '--file', txt, '--app', 'a', '--owner', 'b'])
    expect(wrong.code).to.equal(2)
    expect(wrong.stderr).to.match(/--file must end in \.json or \.csv/)
  })
})
