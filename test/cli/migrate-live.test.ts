// `migrate preview` live: the CLI as a subprocess against the fake Zoom API in this process.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {callsByEndpoint, liveEnv, onlyReads} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'migrateClientId', clientSecret: 'm1grate-sEcReT-42'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const inv = ['--inventory', 'examples/inventory.json']

describe('migrate preview live against the fake Zoom API (subprocess)', function () {
  this.timeout(120_000)
  let scenario: FakeZoomScenario
  let fake: FakeZoom

  before(async () => {
    scenario = scenarioFromSnapshot(example, creds)
    fake = await startFakeZoom(scenario)
  })
  after(() => fake.close())

  it('the same answer as from the snapshot, reading the one app, the roles and only the owner; --scopes alone calls nothing', async () => {
    const args = ['migrate', 'preview', '--app', 'aRecArch01', ...inv, '--json']
    const offline = await runCli([...args, '--snapshot', 'examples/snapshot.json'])
    fake.reset()
    const {code, stdout, stderr} = await runCli(args, {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(1)
    expect(JSON.parse(stdout)).to.deep.equal(JSON.parse(offline.stdout))
    const calls = callsByEndpoint(fake)
    expect(calls['GET /v2/marketplace/apps/{appId}']).to.equal(1)
    expect(calls['GET /v2/marketplace/apps']).to.equal(undefined)
    expect(calls['GET /v2/roles']).to.equal(1)
    expect(onlyReads(fake)).to.equal(true)

    fake.reset()
    const alone = await runCli(['migrate', 'preview', '--scopes', 'meeting:read:admin'], {env: liveEnv(fake, scenario)})
    expect(alone.code, alone.stderr).to.equal(0)
    expect(fake.requests).to.have.length(0)
  })
})
