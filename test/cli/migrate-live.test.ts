// `migrate preview` live: the CLI as a subprocess against the fake Zoom API in this process.
import {expect} from 'chai'

import {serveExampleAccount} from '../helpers/example-zoom.js'
import {callsByEndpoint, onlyReads} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'

const inv = ['--inventory', 'examples/inventory.json']

describe('migrate preview live against the fake Zoom API (subprocess)', function () {
  this.timeout(120_000)
  const zoom = serveExampleAccount()

  it('the same answer as from the snapshot, reading the one app, the roles and only the owner; --scopes alone calls nothing', async () => {
    const args = ['migrate', 'preview', '--app', 'aRecArch01', ...inv, '--json']
    const offline = await runCli([...args, '--snapshot', 'examples/snapshot.json'])
    zoom.fake.reset()
    const {code, stdout, stderr} = await runCli(args, {env: zoom.env()})
    expect(code, stderr).to.equal(1)
    expect(JSON.parse(stdout)).to.deep.equal(JSON.parse(offline.stdout))
    const calls = callsByEndpoint(zoom.fake)
    expect(calls['GET /v2/marketplace/apps/{appId}']).to.equal(1)
    expect(calls['GET /v2/marketplace/apps']).to.equal(undefined)
    expect(calls['GET /v2/roles']).to.equal(1)
    expect(onlyReads(zoom.fake)).to.equal(true)

    zoom.fake.reset()
    const alone = await runCli(['migrate', 'preview', '--scopes', 'meeting:read:admin'], {env: zoom.env()})
    expect(alone.code, alone.stderr).to.equal(0)
    expect(zoom.fake.requests).to.have.length(0)
  })
})
