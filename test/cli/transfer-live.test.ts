// `transfer check` / `transfer candidates` live: the CLI as a subprocess against the fake Zoom API in this process.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {
  generateScenario,
  scenarioFromSnapshot,
  startFakeZoom,
  type FakeZoom,
  type FakeZoomScenario,
} from '../fake-zoom/index.js'
import {callsByEndpoint, liveEnv, onlyReads} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'transferClientId', clientSecret: 'tr4nsfer-sEcReT-77'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const snap = ['--snapshot', 'examples/snapshot.json']
const inv = ['--inventory', 'examples/inventory.json']

describe('transfer commands live against the fake Zoom API (subprocess)', function () {
  this.timeout(120_000)
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  const live = (args: string[]) => runCli(args, {env: liveEnv(fake, scenario)})

  before(async () => {
    scenario = scenarioFromSnapshot(example, creds)
    fake = await startFakeZoom(scenario)
  })
  beforeEach(() => fake.reset())
  after(() => fake.close())

  it('candidates: the same answer as from the snapshot, from 1 user list, the roles and the one app — no per-user call', async () => {
    const offline = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', ...snap, '--json'])
    const {code, stdout, stderr} = await live(['transfer', 'candidates', '--app', 'aRecArch01', '--json'])
    expect(code, stderr).to.equal(0)
    expect(JSON.parse(stdout)).to.deep.equal(JSON.parse(offline.stdout))
    expect(callsByEndpoint(fake)).to.deep.equal({
      'GET /v2/users': 1,
      'GET /v2/roles': 1,
      'GET /v2/roles/{roleId}': example.roles.length,
      'GET /v2/marketplace/apps/{appId}': 1,
    })
    expect(fake.requests.filter((r) => r.endpoint === 'GET /v2/users').map((r) => r.query.status)).to.deep.equal([
      'active',
    ])
    expect(onlyReads(fake)).to.equal(true)
  })

  it('check: the same answer as from the snapshot for active, inactive, pending (by email), by-id and unknown candidates, and the inventory owner', async () => {
    const to = [
      'marco.rossi@acme.example',
      'jo.former@acme.example',
      'new.hire@acme.example',
      'uKim000011',
      'nobody@acme.example',
      'LENA.FISCHER@acme.example',
    ]
    const args = ['transfer', 'check', '--app', 'aRecArch01', ...to.flatMap((t) => ['--to', t]), ...inv, '--json']
    const offline = await runCli([...args, ...snap])
    const {code, stdout, stderr} = await live(args)
    expect(code, stderr).to.equal(1)
    expect(offline.code).to.equal(1)
    expect(JSON.parse(stdout)).to.deep.equal(JSON.parse(offline.stdout))
    const calls = callsByEndpoint(fake)
    expect(calls['GET /v2/marketplace/apps/{appId}']).to.equal(1)
    expect(calls['GET /v2/marketplace/apps']).to.equal(undefined)
    expect(onlyReads(fake)).to.equal(true)
  })

  it('check exit codes live: 0 when every candidate is eligible', async () => {
    const {code, stderr} = await live([
      'transfer',
      'check',
      '--app',
      'aRecArch01',
      '--to',
      'marco.rossi@acme.example',
      '--to',
      'kim.it@acme.example',
    ])
    expect(code, stderr).to.equal(0)
  })

  it('an app Zoom does not know (404) → exit 2 saying so; with --scopes the answer comes anyway', async () => {
    const missing = await live(['transfer', 'candidates', '--app', 'aNoSuchApp9'])
    expect(missing.code).to.equal(2)
    expect(missing.stderr).to.match(
      /^Error: Zoom does not show an app "aNoSuchApp9" to this account \(GET \/marketplace\/apps\/aNoSuchApp9 answered 404\)\. Check the id, or give the app's scopes with --scopes/,
    )
    expect(hasStackTrace(missing.stderr)).to.equal(false)
    const check = await live(['transfer', 'check', '--app', 'aNoSuchApp9', '--to', 'bob.martin@acme.example', '--json'])
    expect(check.code).to.equal(2)
    expect(JSON.parse(check.stdout).error).to.include({code: 'app_not_found', exitCode: 2})

    const withScopes = await live([
      'transfer',
      'candidates',
      '--app',
      'aNoSuchApp9',
      '--scopes',
      'recording:read:admin',
      '--json',
    ])
    expect(withScopes.code, withScopes.stderr).to.equal(0)
    expect(JSON.parse(withScopes.stdout).candidates.map((c: {user: {email: string}}) => c.user.email)).to.include(
      'dana.scully@acme.example',
    )
  })

  it('a Zoom failure → exit 3, one line, no stack', async () => {
    fake.inject({
      match: {endpoint: 'GET /v2/roles'},
      times: Infinity,
      fault: {kind: 'status', status: 403, body: {code: 200, message: 'No permission.'}},
    })
    const {code, stdout, stderr} = await live(['transfer', 'candidates', '--app', 'aRecArch01'])
    expect(code).to.equal(3)
    expect(stdout).to.equal('')
    expect(stderr.trim().split('\n')).to.have.length(1)
    expect(hasStackTrace(stderr)).to.equal(false)
  })
})

describe('transfer candidates call plan on a generated account of 2 500 users (subprocess)', function () {
  this.timeout(120_000)

  it('by role: ⌈active members/300⌉ calls of GET /users?status=active&role_id=R per qualifying role + 1 roles list + one call per role + 1 app call, zero per-user calls; the same answer as from a full snapshot', async () => {
    const scenario = generateScenario({users: 2500, apps: 4, seed: 11})
    const fake = await startFakeZoom(scenario)
    const temp = makeTempDir('candidates-by-role-')
    try {
      const app = scenario.apps[0]!
      const started = Date.now()
      const {code, stdout, stderr} = await runCli(['transfer', 'candidates', '--app', app.app_id, '--json'], {
        env: liveEnv(fake, scenario),
      })
      expect(code, stderr).to.equal(0)
      expect(Date.now() - started).to.be.lessThan(10_000)
      const active = scenario.users.filter((u) => u.status === 'active')
      const result = JSON.parse(stdout)
      // The roles listed are exactly the roles of the candidates (every qualifying role has active members here).
      const qualifying = new Set<string>(result.candidates.map((c: {user: {roleId: string}}) => c.user.roleId))
      const listings = fake.requests.filter((r) => r.endpoint === 'GET /v2/users')
      expect(new Set(listings.map((r) => r.query.role_id))).to.deep.equal(qualifying)
      expect(listings.every((r) => r.query.status === 'active')).to.equal(true)
      const pages = [...qualifying].reduce(
        (sum, role) => sum + Math.ceil(active.filter((u) => u.role_id === role).length / 300),
        0,
      )
      expect(qualifying.size).to.be.greaterThan(1)
      expect(pages).to.be.lessThan(Math.ceil(active.length / 300))
      expect(callsByEndpoint(fake)).to.deep.equal({
        'GET /v2/users': pages,
        'GET /v2/roles': 1,
        'GET /v2/roles/{roleId}': scenario.roles.length,
        'GET /v2/marketplace/apps/{appId}': 1,
      })
      expect(fake.requests.filter((r) => r.endpoint === 'POST /oauth/token')).to.have.length(1)

      // A full snapshot of the same account (every user) gives the same answer offline.
      const file = join(temp.dir, 'snapshot.json')
      const taken = await runCli(['snapshot', '--output', file], {env: liveEnv(fake, scenario)})
      expect(taken.code, taken.stderr).to.equal(0)
      const offline = await runCli(['transfer', 'candidates', '--app', app.app_id, '--snapshot', file, '--json'])
      expect(offline.code, offline.stderr).to.equal(0)
      expect(result).to.deep.equal(JSON.parse(offline.stdout))

      // The answer is about active users only, least privilege first, ties by email.
      const activeEmails = new Set(active.map((u) => u.email.toLowerCase()))
      expect(
        result.candidates.every((c: {user: {email: string}}) => activeEmails.has(c.user.email.toLowerCase())),
      ).to.equal(true)
      const keys = result.candidates.map((c: {excessPrivileges: number; user: {email: string}}) => [
        c.excessPrivileges,
        c.user.email.toLowerCase(),
      ])
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
      expect(keys).to.deep.equal(sorted)
      expect(result.total).to.equal(result.candidates.length)
      expect(result.total).to.be.greaterThan(10)
      expect(new Set(keys.map((k: [number, string]) => k[0])).size).to.be.greaterThan(1)
    } finally {
      await fake.close()
      temp.cleanup()
    }
  })
})
