// End to end: the CLI as a subprocess against the fake Zoom API on 127.0.0.1.
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {schemaProblems} from '../../src/input/schema-check.js'
import {
  generateScenario,
  scenarioFromSnapshot,
  startFakeZoom,
  type FakeZoom,
  type FakeZoomScenario,
} from '../fake-zoom/index.js'
import {liveEnv, onlyReads} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const inventoryArgs = ['--inventory', 'examples/inventory.json']
/** What must match between two reports of the same account (not the clock). */
const essence = (stdout: string) => {
  const report = JSON.parse(stdout)
  expect(schemaProblems('report', report)).to.deep.equal([])
  return {
    apps: report.apps,
    findings: report.findings,
    summary: report.summary,
    matrix: report.matrix,
    account: report.account.id,
  }
}
const tokenPosts = (fake: FakeZoom) => fake.requests.filter((r) => r.endpoint === 'POST /oauth/token').length

describe('live audit against the fake Zoom API (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  let offline: ReturnType<typeof essence>

  before(async () => {
    scenario = scenarioFromSnapshot(example, creds)
    fake = await startFakeZoom(scenario)
    offline = essence(
      (await runCli(['audit', '--snapshot', 'examples/snapshot.json', ...inventoryArgs, '--json'])).stdout,
    )
  })
  beforeEach(() => fake.reset())
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  it('gives the same report as the offline audit of the same account, with one token and only GETs', async () => {
    const {code, stdout, stderr} = await runCli(['audit', ...inventoryArgs, '--json'], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(1)
    expect(essence(stdout)).to.deep.equal(offline)
    expect(tokenPosts(fake)).to.equal(1)
    expect(onlyReads(fake)).to.equal(true)
    expect(fake.violations).to.deep.equal([])
  })

  it('inactive and pending owners are found live (pending users have no id)', async () => {
    const report = JSON.parse(
      (await runCli(['audit', ...inventoryArgs, '--json'], {env: liveEnv(fake, scenario)})).stdout,
    )
    const owners = Object.fromEntries(
      report.apps.map((a: {id: string; owner: {status: string; id: string | null} | null}) => [a.id, a.owner]),
    )
    expect(owners.aUsageRep5).to.include({status: 'inactive'})
    expect(owners.aOnboard11).to.include({status: 'pending', id: null})
  })

  it('snapshot round trip: snapshot → file (0600) → offline audit = live audit', async () => {
    const file = join(tmp.dir, 'snaps', 'acme.json')
    const snap = await runCli(['snapshot', '--output', file, ...inventoryArgs], {env: liveEnv(fake, scenario)})
    expect(snap.code, snap.stderr).to.equal(0)
    expect(snap.stderr).to.match(/^11 users, 7 roles, 15 apps, \d+ API calls, [\d.]+ s → /)
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.users).to.deep.equal([...example.users].sort((a, b) => (a.email < b.email ? -1 : 1)))
    expect(saved.roles.map((r: {id: string}) => r.id)).to.have.members(example.roles.map((r: {id: string}) => r.id))
    const fromFile = await runCli(['audit', '--snapshot', file, ...inventoryArgs, '--json'])
    expect(essence(fromFile.stdout)).to.deep.equal(offline)
  })

  it('audit --save-snapshot keeps what it fetched', async () => {
    const file = join(tmp.dir, 'saved.json')
    const live = await runCli(['audit', ...inventoryArgs, '--json', '--save-snapshot', file], {
      env: liveEnv(fake, scenario),
    })
    const again = await runCli(['audit', '--snapshot', file, ...inventoryArgs, '--json'])
    expect(essence(again.stdout)).to.deep.equal(essence(live.stdout))
  })

  it('429 with Retry-After (seconds, then a date) is honoured: no request to that endpoint before it, same findings', async () => {
    fake.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'rate-limit', retryAfter: 1}})
    fake.inject({
      match: {endpoint: 'GET /v2/marketplace/apps'},
      fault: {kind: 'rate-limit', retryAfter: 'date', seconds: 2},
    })
    const {code, stdout, stderr} = await runCli(['audit', ...inventoryArgs, '--json'], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(1)
    expect(fake.requests.filter((r) => r.status === 429)).to.have.length(2)
    // Judged by which 429s the CLI had received when it sent each request (test/fake-zoom/client-probe.mjs), not by
    // arrival time: that holds on a busy machine too.
    expect(fake.requests.filter((r) => r.headers['x-fake-zoom-client-saw'] === undefined)).to.deep.equal([])
    expect(fake.violations).to.deep.equal([])
    const limited = fake.requests.find((r) => r.status === 429 && r.endpoint === 'GET /v2/marketplace/apps')!
    const next = fake.requests.find((r) => r.endpoint === 'GET /v2/marketplace/apps' && r.at > limited.at)!
    expect(next.at - limited.at).to.be.at.least(1000)
    expect(essence(stdout)).to.deep.equal(offline)
  })

  it('5xx, connection resets and slow answers are survived with identical findings', async () => {
    fake.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'status', status: 503}})
    fake.inject({match: {endpoint: 'GET /v2/marketplace/apps/{appId}'}, times: 2, fault: {kind: 'reset'}})
    fake.inject({match: {endpoint: 'GET /v2/users/{userId}'}, fault: {kind: 'status', status: 502}})
    fake.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'delay', ms: 300}})
    const {stdout, stderr} = await runCli(['audit', ...inventoryArgs, '--json'], {env: liveEnv(fake, scenario)})
    expect(essence(stdout), stderr).to.deep.equal(offline)
    expect(tokenPosts(fake)).to.equal(1)
  })

  it('a daily limit stops the run with exit 3 saying when the quota resets', async () => {
    fake.inject({
      match: {endpoint: 'GET /v2/roles'},
      fault: {kind: 'rate-limit', retryAfter: 'iso', seconds: 3600, daily: true},
    })
    const {code, stdout, stderr} = await runCli(['audit', ...inventoryArgs], {env: liveEnv(fake, scenario)})
    expect(code).to.equal(3)
    expect(stderr)
      .to.match(/daily/i)
      .and.match(/\d{4}-\d\d-\d\dT/)
    expect(stdout).to.equal('')
  })

  it("wrong credentials → exit 3 with Zoom's reason, and no secret anywhere", async () => {
    const env = liveEnv(fake, scenario, {ZOOM_CLIENT_SECRET: 'wrong-sEcReT-99', DEBUG: '*'})
    for (const args of [
      ['audit', ...inventoryArgs],
      ['audit', ...inventoryArgs, '--json'],
    ]) {
      const {code, stdout, stderr} = await runCli(args, {env})
      expect(code).to.equal(3)
      expect(stdout + stderr).to.include('Invalid client_id or client_secret')
      expect(stdout + stderr).not.to.include('wrong-sEcReT-99')
      expect(stdout + stderr).not.to.include(Buffer.from(`${creds.clientId}:wrong-sEcReT-99`).toString('base64'))
      expect(hasStackTrace(stderr)).to.equal(false)
    }
  })

  it('a token without the needed scopes → exit 3 naming the scopes to add', async () => {
    const narrow = await startFakeZoom({
      ...scenario,
      tokenScopes: scenario.tokenScopes.filter((s) => !s.startsWith('role:')),
    })
    try {
      const {code, stderr} = await runCli(['audit', ...inventoryArgs], {env: liveEnv(narrow, scenario)})
      expect(code).to.equal(3)
      expect(stderr).to.match(/role:read:list_roles/)
      expect(stderr.trim().split('\n')).to.have.length(1)
    } finally {
      await narrow.close()
    }
  })

  it('a missing credential variable → exit 2 naming it', async () => {
    const env = liveEnv(fake, scenario)
    delete (env as Record<string, string | undefined>).ZOOM_CLIENT_SECRET
    const {code, stderr} = await runCli(['audit', ...inventoryArgs], {env: {...env, ZOOM_CLIENT_SECRET: ''}})
    expect(code).to.equal(2)
    expect(stderr).to.include('ZOOM_CLIENT_SECRET is not set')
    expect(fake.requests).to.have.length(0)
  })
})

describe('snapshot of a large account, paged (subprocess)', function () {
  this.timeout(120_000)
  it('pages through 2 500 users with a page cap below 300 and counts the calls', async () => {
    const scenario = generateScenario({users: 2500, apps: 120, seed: 7, pageCaps: {'GET /v2/users': 100}})
    const fake = await startFakeZoom(scenario)
    const tmp = makeTempDir()
    try {
      const file = join(tmp.dir, 'big.json')
      const {code, stderr} = await runCli(['snapshot', '--output', file], {env: liveEnv(fake, scenario)})
      expect(code, stderr).to.equal(0)
      const saved = JSON.parse(readFileSync(file, 'utf8'))
      expect(saved.users).to.have.length(2500)
      expect(saved.apps).to.have.length(scenario.apps.filter((a) => a.listed !== false).length)
      const byStatus = (s: string) => scenario.users.filter((u) => u.status === s).length
      const userCalls = fake.requests.filter((r) => r.endpoint === 'GET /v2/users').length
      expect(userCalls).to.equal(
        ['active', 'inactive', 'pending'].reduce((n, s) => n + Math.max(1, Math.ceil(byStatus(s) / 100)), 0),
      )
      expect(stderr).to.match(
        new RegExp(`^2500 users, ${scenario.roles.length} roles, \\d+ apps, ${fake.requests.length - 1} API calls`),
      )
      expect(onlyReads(fake)).to.equal(true)
    } finally {
      await fake.close()
      tmp.cleanup()
    }
  })
})
