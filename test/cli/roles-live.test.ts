// `roles …` and `matrix explain --live` against the fake Zoom API in this process: the same answers as from the
// snapshot of the same account, and only the calls each needs.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {serveExampleAccount} from '../helpers/example-zoom.js'
import {callsByEndpoint, onlyReads} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const snap = ['--snapshot', 'examples/snapshot.json']
const inv = ['--inventory', 'examples/inventory.json']

describe('roles commands and matrix explain live (subprocess)', function () {
  this.timeout(120_000)
  const zoom = serveExampleAccount()
  const roleCalls = {'GET /v2/roles': 1, 'GET /v2/roles/{roleId}': example.roles.length}

  const same = async (args: string[], expectedCalls: Record<string, number>) => {
    const offline = await runCli([...args, ...snap, '--json'])
    const live = await runCli([...args, '--json'], {env: zoom.env()})
    expect(live.code, live.stderr).to.equal(offline.code)
    expect(JSON.parse(live.stdout)).to.deep.equal(JSON.parse(offline.stdout))
    expect(callsByEndpoint(zoom.fake)).to.deep.equal(expectedCalls)
    expect(onlyReads(zoom.fake)).to.equal(true)
  }

  it('roles list: users of every status (one list per status), the roles, no app', async () => {
    await same(['roles', 'list'], {'GET /v2/users': 3, ...roleCalls})
  })

  it("roles show --inventory: the roles and the inventory's apps by id, no user", async () => {
    await same(['roles', 'show', 'EMEA Admin', ...inv], {...roleCalls, 'GET /v2/marketplace/apps/{appId}': 15})
  })

  it('roles suggest --app: the roles and that one app', async () => {
    await same(['roles', 'suggest', '--app', 'aRecArch01'], {...roleCalls, 'GET /v2/marketplace/apps/{appId}': 1})
  })

  it('roles suggest --scopes: only the roles', async () => {
    await same(['roles', 'suggest', '--scopes', 'meeting:write:admin'], roleCalls)
  })

  it('matrix explain --live: the same roles as --snapshot, from the roles alone', async () => {
    const offline = await runCli([
      'matrix',
      'explain',
      'meeting:write:admin',
      'recording:read:admin',
      ...snap,
      '--json',
    ])
    const live = await runCli(
      ['matrix', 'explain', 'meeting:write:admin', 'recording:read:admin', '--live', '--json'],
      {env: zoom.env()},
    )
    expect(live.code, live.stderr).to.equal(0)
    const scopes = (out: string) => JSON.parse(out).scopes
    expect(scopes(live.stdout)).to.deep.equal(scopes(offline.stdout))
    expect(callsByEndpoint(zoom.fake)).to.deep.equal(roleCalls)
  })

  it('matrix explain without --live makes no call at all, even with credentials set', async () => {
    const {code, stdout} = await runCli(['matrix', 'explain', 'meeting:write:admin', '--json'], {
      env: zoom.env(),
    })
    expect(code).to.equal(0)
    expect(JSON.parse(stdout).scopes[0].satisfiedBy).to.equal(undefined)
    expect(zoom.fake.requests).to.deep.equal([])
  })
})
