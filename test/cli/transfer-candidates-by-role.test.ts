// `transfer candidates` live, reading only the qualifying roles' active members (GET /users?role_id=R): the same
// answer as offline from a snapshot of every user, whatever the account holds — pending users, users whose role is
// not in the roles list, users shown by two roles' listings, roles whose members are all inactive, nobody at all.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {callsByEndpoint, liveEnv, onlyReads} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {nobodyQualifiesLayer} from '../fixtures/nobody-qualifies-layer.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'byRoleClientId', clientSecret: 'by-r0le-sEcReT-31'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const IT_LEAD = 'Rk2P9sW4TfqY3mB7cD5eHg'
const MEMBER = '2'

interface SnapshotUserJson {
  id?: string
  email: string
  status: string
  roleId: string
  name?: string
}

/**
 * The example account plus 900 active Members (whose role qualifies for nothing here): listing every active user
 * takes four pages one after the other, each qualifying role's members one page. Plus a pending user in IT Lead.
 */
function bigAccount(): {users: SnapshotUserJson[]} & Record<string, unknown> {
  const snapshot = structuredClone(example)
  for (let i = 0; i < 900; i++)
    snapshot.users.push({
      id: `uFill${String(i).padStart(5, '0')}`,
      email: `member${i}@acme.example`,
      status: 'active',
      roleId: MEMBER,
    })
  snapshot.users.push({email: 'lead.invited@acme.example', status: 'pending', roleId: IT_LEAD})
  return snapshot
}

describe('transfer candidates by role, live against the fake Zoom API (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir('candidates-by-role-')
  let fake: FakeZoom | undefined
  after(() => tmp.cleanup())
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  /** The live answer and the offline answer from a snapshot of the same account. */
  async function both(snapshot: object, args: string[]): Promise<{live: unknown; offline: unknown; fake: FakeZoom}> {
    const file = tmp.write(`account-${Math.random().toString(36).slice(2)}.json`, snapshot)
    const scenario = scenarioFromSnapshot(snapshot, creds)
    fake = await startFakeZoom(scenario)
    const live = await runCli(['transfer', 'candidates', ...args, '--json'], {env: liveEnv(fake, scenario)})
    expect(live.code, live.stderr).to.equal(0)
    const offline = await runCli(['transfer', 'candidates', ...args, '--snapshot', file, '--json'])
    expect(offline.code, offline.stderr).to.equal(0)
    return {live: JSON.parse(live.stdout), offline: JSON.parse(offline.stdout), fake}
  }

  const listings = (f: FakeZoom) => f.requests.filter((r) => r.endpoint === 'GET /v2/users')

  it('lists only the qualifying roles, skips pending users and users of a role the list does not have', async () => {
    const {live, offline, fake} = await both(bigAccount(), ['--app', 'aRecArch01'])
    expect(live).to.deep.equal(offline)
    const result = live as {total: number; candidates: Array<{user: {email: string}}>}
    expect(result.candidates.map((c) => c.user.email)).to.deep.equal([
      'kim.it@acme.example',
      'marco.rossi@acme.example',
      'priya.nair@acme.example',
      'ann.lee@acme.example',
    ])
    // Owner, Admin and IT Lead keep recording:read:admin: one page each, never the 900 Members.
    expect(new Set(listings(fake).map((r) => r.query.role_id))).to.deep.equal(new Set(['0', '1', IT_LEAD]))
    expect(listings(fake).every((r) => r.query.status === 'active')).to.equal(true)
    expect(callsByEndpoint(fake)).to.deep.equal({
      'GET /v2/users': 3,
      'GET /v2/roles': 1,
      'GET /v2/roles/{roleId}': example.roles.length,
      'GET /v2/marketplace/apps/{appId}': 1,
    })
    expect(onlyReads(fake)).to.equal(true)
  })

  it('a user shown by two listings counts once; one whose item names a role that does not qualify is no candidate', async () => {
    const snapshot = bigAccount()
    const file = tmp.write('dup.json', snapshot)
    const scenario = scenarioFromSnapshot(snapshot, creds)
    fake = await startFakeZoom(scenario)
    // While the roles are read, Marco (IT Lead) shows up in the Admin listing too, and Bob (a Member) as well, his
    // item still saying role 2: as if roles changed during the run.
    fake.inject({
      match: {endpoint: 'GET /v2/users', query: {role_id: '1'}},
      fault: {
        kind: 'mutate',
        mutate: (body) => {
          const page = body as {users: object[]}
          return {
            ...page,
            users: [
              ...page.users,
              {id: 'uMarco0004', email: 'MARCO.ROSSI@acme.example', status: 'active', role_id: IT_LEAD, type: 2},
              {id: 'uBob000005', email: 'bob.martin@acme.example', status: 'active', role_id: MEMBER, type: 1},
            ],
          }
        },
      },
    })
    const live = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', '--json'], {
      env: liveEnv(fake, scenario),
    })
    expect(live.code, live.stderr).to.equal(0)
    const offline = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', '--snapshot', file, '--json'])
    const got = JSON.parse(live.stdout) as {total: number; candidates: Array<{user: {email: string}}>}
    const want = JSON.parse(offline.stdout) as typeof got
    expect(got.total).to.equal(4)
    expect(got.candidates.map((c) => c.user.email.toLowerCase())).to.deep.equal(
      want.candidates.map((c) => c.user.email.toLowerCase()),
    )
    expect(got.candidates.map((c) => c.user.email)).to.not.include('bob.martin@acme.example')
  })

  describe('nobody qualifies: the same explanation as from every user', () => {
    const layer = nobodyQualifiesLayer

    it('the Owner and the Admin inactive (their roles still have members): counted by total_records, not listed', async () => {
      const snapshot = bigAccount()
      for (const u of snapshot.users)
        if (['ann.lee@acme.example', 'priya.nair@acme.example'].includes(u.email)) u.status = 'inactive'
      const args = ['--app', 'aCombo', '--matrix', tmp.write('layer.json', layer), '--scopes', 'combo:read:admin']
      const {live, offline, fake} = await both(snapshot, args)
      expect(live).to.deep.equal(offline)
      const x = (live as {explanation: {message: string; closestRoles: Array<{name: string; activeMembers: number}>}})
        .explanation
      expect(x.message).to.match(/^Every required privilege is held by some active user, but no active user's role/)
      expect(x.closestRoles.map((r) => [r.name, r.activeMembers]).slice(0, 2)).to.deep.equal([
        ['Admin', 0],
        ['Owner', 0],
      ])
      // The qualifying roles' listings (empty), then one-user pages for the counts: never the Members' four pages.
      const full = listings(fake).filter((r) => r.query.page_size !== '1')
      expect(new Set(full.map((r) => r.query.role_id))).to.deep.equal(new Set(['0', '1']))
      const counts = listings(fake).filter((r) => r.query.page_size === '1')
      expect(counts.length).to.be.greaterThan(0)
      expect(listings(fake).every((r) => r.query.status === 'active')).to.equal(true)
    })

    it('a privilege no active user holds; an account whose active users all have a role the list lacks', async () => {
      const secret = await both(bigAccount(), [
        '--app',
        'aSecret',
        '--matrix',
        tmp.write('layer2.json', layer),
        '--scopes',
        'secret:read:admin',
      ])
      expect(secret.live).to.deep.equal(secret.offline)
      expect(
        (secret.live as {explanation: {heldByNoActiveUser: string[]}}).explanation.heldByNoActiveUser,
      ).to.deep.equal(['Secret:Read'])
      await fake?.close()

      const orphans = structuredClone(example)
      for (const u of orphans.users as SnapshotUserJson[]) if (u.status === 'active') u.roleId = 'RdeletedRole99'
      const gone = await both(orphans, ['--app', 'aRecArch01'])
      expect(gone.live).to.deep.equal(gone.offline)
      expect((gone.live as {explanation: {message: string}}).explanation.message).to.match(
        /^No active user has a role that is among the account's roles\./,
      )
    })
  })
})
