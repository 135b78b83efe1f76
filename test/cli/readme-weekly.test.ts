// The README's cron script, run as written against the fake Zoom API four times — first run, a changed account, no
// change, a wrong secret — with a stub `mail` that records what would have been sent.
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {projectRoot} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {spawn} from 'node:child_process'

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
const weekly = readme.slice(readme.indexOf('## Weekly reports'), readme.indexOf('## Exit codes'))
const script = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(weekly)?.[1] ?? ''
const workflow = /```yaml\n([\s\S]*?)```/.exec(weekly)?.[1] ?? ''
const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}

function runScript(file: string, env: NodeJS.ProcessEnv): Promise<{code: number; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', [file], {env, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, stderr}))
  })
}

describe('README weekly recipe (the cron script, run as written)', function () {
  this.timeout(180_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  const bin = join(tmp.dir, 'bin')
  const mailbox = join(tmp.dir, 'mailbox')
  const reports = join(tmp.dir, 'reports')
  const zoomEnv = join(tmp.dir, 'zoom.env')
  const scriptFile = join(tmp.dir, 'weekly-zoom-audit.sh')
  let sent = 0

  before(async () => {
    scenario = scenarioFromSnapshot(JSON.parse(readFileSync('examples/snapshot.json', 'utf8')), creds)
    fake = await startFakeZoom(scenario)
    mkdirSync(bin)
    mkdirSync(mailbox)
    // The tool on PATH as after `npm link`, and a mailer that keeps each message as a file.
    writeFileSync(
      join(bin, 'zoom-scope-audit'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(projectRoot, 'bin/run.js')}" "$@"\n`,
    )
    writeFileSync(
      join(bin, 'mail'),
      `#!/bin/sh\nn=$(ls "${mailbox}" | wc -l)\n{ printf 'ARGS: %s\\n' "$*"; cat; } > "${mailbox}/$n.txt"\n`,
    )
    chmodSync(join(bin, 'zoom-scope-audit'), 0o755)
    chmodSync(join(bin, 'mail'), 0o755)
    writeFileSync(scriptFile, script)
  })
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  const week = async (when: string, secret = creds.clientSecret) => {
    writeFileSync(
      zoomEnv,
      `export ZOOM_ACCOUNT_ID=${creds.accountId} ZOOM_CLIENT_ID=${creds.clientId} ZOOM_CLIENT_SECRET=${secret}\n` +
        `export ZOOM_API_URL=${fake.apiUrl} ZOOM_OAUTH_URL=${fake.oauthUrl}\n`,
    )
    const result = await runScript(scriptFile, {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: tmp.dir,
      TMPDIR: tmp.dir,
      ZOOM_ENV: zoomEnv,
      INVENTORY: join(projectRoot, 'examples/inventory.csv'),
      ACCEPTED: join(tmp.dir, 'accepted.json'),
      REPORTS: reports,
      ALERT_TO: 'it@acme.example',
      SOURCE_DATE_EPOCH: String(Date.parse(when) / 1000),
      OCLIF_COLUMNS: '500',
    })
    const mails = readdirSync(mailbox)
      .sort((a, b) => parseInt(a) - parseInt(b))
      .slice(sent)
      .map((name) => readFileSync(join(mailbox, name), 'utf8'))
    sent += mails.length
    return {...result, mails}
  }

  it('the README has the script and a workflow that runs the same audit', () => {
    expect(script).to.match(/--compare-last --fail-on-new/)
    expect(workflow).to.match(/--compare-last --fail-on-new/)
    expect(workflow).to.include("if: steps.audit.outputs.status != '0'")
  })

  it('first run (no previous report, no accepted.json): mails every finding as new and says it is the first run', async () => {
    const {code, mails, stderr} = await week('2026-11-16T07:00:00Z')
    expect(code, stderr).to.equal(1)
    expect(mails).to.have.length(1)
    expect(mails[0]).to.match(/^ARGS: -s Zoom apps: new findings it@acme\.example\n/)
    expect(mails[0]).to.include('first run in').and.include('## New since the baseline')
    expect(existsSync(join(reports, 'latest.json'))).to.equal(true)
  })

  it("a changed account: mails this week's report with the new finding and what was resolved", async () => {
    const user = (email: string) => scenario.users.find((u) => u.email === email)!
    user('dana.scully@acme.example').role_id = '0'
    user('sam.okafor@acme.example').role_id = '2'
    const {code, mails} = await week('2026-11-23T07:00:00Z')
    expect(code).to.equal(1)
    expect(mails).to.have.length(1)
    expect(mails[0]).to.match(/, 1 new, 2 resolved/)
    const newSection = mails[0]!.slice(mails[0]!.indexOf('## New since the baseline'), mails[0]!.indexOf('## Resolved'))
    expect(newSection).to.include('aDirSync15').and.not.include('aRecArch01')
    expect(mails[0]!.slice(mails[0]!.indexOf('## Resolved'))).to.include('aRecArch01')
    expect(mails[0]).not.to.include('first run')
  })

  it('no change: no mail, exit 0', async () => {
    const {code, mails} = await week('2026-11-30T07:00:00Z')
    expect(code).to.equal(0)
    expect(mails).to.deep.equal([])
  })

  it("a wrong secret: mails the failure (exit 3), never an old report, and latest.json stays last week's", async () => {
    const latest = readFileSync(join(reports, 'latest.json'), 'utf8')
    const {code, mails} = await week('2026-12-07T07:00:00Z', 'wrong-secret')
    expect(code).to.equal(3)
    expect(mails).to.have.length(1)
    expect(mails[0]).to.match(/^ARGS: -s Zoom apps: the weekly audit FAILED \(exit 3\) it@acme\.example\n/)
    expect(mails[0]).to.match(/Error: .*/)
    expect(mails[0]).not.to.include('## New since the baseline')
    expect(mails[0]).not.to.include('wrong-secret')
    expect(readFileSync(join(reports, 'latest.json'), 'utf8')).to.equal(latest)
    expect(readdirSync(reports).filter((n) => n.startsWith('zoom-scope-audit-20261207'))).to.deep.equal([])
  })
})
