// `snapshot` against the fake Zoom API, as a subprocess: the three status listings run at once, the result does not
// depend on which answers first, and the file is JSON.stringify(…, null, 2)'s text although it is written in pieces.
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {schemaProblems} from '../../src/input/schema-check.js'
import {generateScenario, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const ACTIVE_DELAY_MS = 3000

describe('snapshot of every user (subprocess, fake Zoom)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  before(async () => {
    // Three pages of active users and one each of inactive and pending users; more users than one written piece.
    scenario = generateScenario({users: 2500, apps: 20, roles: 8, seed: 11, pageCaps: {'GET /v2/users': 1000}})
    fake = await startFakeZoom(scenario)
  })
  beforeEach(() => fake.reset())
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  const userPages = (status: string) =>
    fake.requests.filter((r) => r.endpoint === 'GET /v2/users' && r.query.status === status)

  it('the file is the text of JSON.stringify(…, null, 2), 0600, users sorted by email, every status', async () => {
    const file = join(tmp.dir, 'all.json')
    const {code, stderr} = await runCli(['snapshot', '--output', file], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(0)
    const text = readFileSync(file, 'utf8')
    const saved = JSON.parse(text)
    expect(text).to.equal(`${JSON.stringify(saved, null, 2)}\n`)
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    expect(schemaProblems('snapshot', saved)).to.deep.equal([])
    const emails = saved.users.map((u: {email: string}) => u.email)
    expect(emails).to.deep.equal([...emails].sort())
    expect(saved.users).to.have.length(scenario.users.length)
    for (const status of ['active', 'inactive', 'pending']) {
      const wanted = scenario.users.filter((u) => u.status === status).length
      expect(
        saved.users.filter((u: {status: string}) => u.status === status),
        status,
      ).to.have.length(wanted)
    }
    // Fields and their order, as the snapshot has always written them.
    const ann = scenario.users.find((u) => u.status === 'active' && u.display_name)!
    expect(Object.keys(saved.users.find((u: {email: string}) => u.email === ann.email))).to.deep.equal([
      'id',
      'email',
      'status',
      'roleId',
      'name',
    ])
    const pending = saved.users.find((u: {status: string}) => u.status === 'pending')
    expect(Object.keys(pending)).to.deep.equal(['email', 'status', 'roleId', 'name'])
  })

  it('the three listings start at once; a user both listings show keeps the status listed first (active), although the active listing answers last', async () => {
    const moved = scenario.users.find((u) => u.status === 'active' && u.id)!
    // The active listing is slow; the inactive listing answers first and also shows `moved`, as inactive (the user
    // was deactivated while the account was read).
    fake.inject({
      match: {endpoint: 'GET /v2/users', query: {status: 'active'}},
      fault: {kind: 'delay', ms: ACTIVE_DELAY_MS},
    })
    fake.inject({
      match: {endpoint: 'GET /v2/users', query: {status: 'inactive'}},
      fault: {
        kind: 'mutate',
        mutate: (body) => {
          const page = body as {users: Array<Record<string, unknown>>}
          return {...page, users: [...page.users, {id: moved.id, email: moved.email, status: 'inactive'}]}
        },
      },
    })
    const file = join(tmp.dir, 'moved.json')
    const {code, stderr} = await runCli(['snapshot', '--output', file], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(0)
    const [firstActive] = userPages('active')
    const [firstInactive] = userPages('inactive')
    const [firstPending] = userPages('pending')
    // Asked for before the first active page was answered: not one listing after the other.
    expect(firstInactive!.at - firstActive!.at).to.be.below(ACTIVE_DELAY_MS)
    expect(firstPending!.at - firstActive!.at).to.be.below(ACTIVE_DELAY_MS)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    const kept = saved.users.filter((u: {email: string}) => u.email === moved.email)
    expect(kept).to.have.length(1)
    expect(kept[0]).to.include({id: moved.id, status: 'active', roleId: moved.role_id})
    expect(saved.users).to.have.length(scenario.users.length)
  })
})
