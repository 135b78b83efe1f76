// audit --format html / xlsx through the real CLI: files written whole, xlsx as bytes (to a file or a pipe), never to
// a terminal.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'
import ExcelJS from 'exceljs'

import {XLSX_SHEETS} from '../../src/report/audit-xlsx.js'
import {EXAMPLE_ACCOUNT, exampleHtmlReportArgs} from '../helpers/example-account.js'
import {hasStackTrace, projectRoot, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = ['audit', ...EXAMPLE_ACCOUNT]

/** Runs a shell command line from the project root, keeping stdout as bytes. */
function sh(commandLine: string): Promise<{code: number; stdout: Buffer; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', commandLine], {
      cwd: projectRoot,
      env: {...process.env, OCLIF_COLUMNS: '500', NO_COLOR: '1'},
    })
    const out: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, stdout: Buffer.concat(out), stderr}))
  })
}

async function sheetNames(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets.map((s) => s.name)
}

describe('audit --format html / xlsx (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('--format xlsx --output: a workbook file, 0600, stdout empty, the summary on stderr', async () => {
    const out = join(tmp.dir, 'reports', 'audit.xlsx')
    const {code, stdout, stderr} = await runCli([...example, '--format', 'xlsx', '--output', out])
    expect(code, stderr).to.equal(1)
    expect(stdout).to.equal('')
    expect(stderr).to.match(/^16 apps, 11 at risk, 18 findings .* → .*audit\.xlsx\n$/)
    expect(statSync(out).mode & 0o777).to.equal(0o600)
    expect(await sheetNames(readFileSync(out))).to.deep.equal([...XLSX_SHEETS])
  })

  it('--format xlsx into a pipe: the bytes, unchanged', async () => {
    const {code, stdout, stderr} = await sh(`node bin/run.js ${example.join(' ')} --format xlsx | cat`)
    expect(code, stderr).to.equal(0)
    expect(stdout.subarray(0, 2).toString()).to.equal('PK')
    expect(await sheetNames(stdout)).to.deep.equal([...XLSX_SHEETS])
  })

  it('--format xlsx to a terminal: refused with exit 2 and one sentence, before any work', async () => {
    // script(1) gives the CLI a pseudo-terminal as stdout.
    const {stdout} = await sh(
      `script -qec 'node bin/run.js ${example.join(' ')} --format xlsx; echo "exit=$?"' /dev/null`,
    )
    const text = stdout.toString()
    expect(text).to.include(
      '--format xlsx is a binary file and stdout is a terminal. Add --output FILE (or redirect stdout to a file).',
    )
    expect(text).to.match(/exit=2/)
    expect(text).not.to.include('PK')
    expect(hasStackTrace(text)).to.equal(false)
  })

  it('--format html --output: one HTML file with the example apps', async () => {
    const out = join(tmp.dir, 'audit.html')
    const {code, stderr} = await runCli(exampleHtmlReportArgs(out))
    expect(code, stderr).to.equal(1)
    const html = readFileSync(out, 'utf8')
    expect(html)
      .to.match(/^<!doctype html>/)
      .and.include('Recording Archiver')
    // The built-in matrix names the privileges owners hold too (a column no finding names).
    expect(html).to.include('<abbr title="Recording: View (role privilege Recording:Read)">')
  })

  it("the README's html and xlsx commands run as written (reports/ in a temp folder)", async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
    const block = /### HTML and Excel[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n')
    expect(block).to.have.length(2)
    for (const [line, format] of block.map((l, i) => [l, ['html', 'xlsx'][i]!] as const)) {
      expect(line).to.match(
        new RegExp(`^zoom-scope-audit audit .* --format ${format} --output reports/audit\\.${format}$`),
      )
      const args = line.replace('zoom-scope-audit ', '').replace('reports/', `${tmp.dir}/readme/`).split(' ')
      const {code, stderr} = await runCli(args)
      expect(code, stderr).to.equal(1)
      expect(statSync(join(tmp.dir, 'readme', `audit.${format}`)).size).to.be.greaterThan(1000)
    }
  })

  it('a failed run writes no xlsx', async () => {
    const out = join(tmp.dir, 'never.xlsx')
    const {code} = await runCli([
      'audit',
      '--snapshot',
      'missing.json',
      '--inventory',
      'examples/inventory.json',
      '--format',
      'xlsx',
      '--output',
      out,
    ])
    expect(code).to.equal(2)
    expect(existsSync(out)).to.equal(false)
  })
})
