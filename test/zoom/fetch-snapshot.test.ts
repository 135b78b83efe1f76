import {readFileSync} from 'node:fs'

import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {expect} from 'chai'

import {generateScenario, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import type {Inventory} from '../../src/inventory/types.js'
import {fetchSnapshot} from '../../src/snapshot/fetch.js'
import type {Snapshot} from '../../src/snapshot/types.js'
import type {ProgressEvent} from '../../src/snapshot/types.js'
import {clientFor, smallAccount} from './support.js'

const ajv = new Ajv2020({allErrors: true, strict: true})
addFormats.default(ajv)
const validateSnapshot = ajv.compile(
  JSON.parse(readFileSync(new URL('../../schemas/snapshot.schema.json', import.meta.url), 'utf8')) as object,
)

const NOW = () => new Date('2026-03-01T12:00:00Z')

function expectValid(snapshot: Snapshot): void {
  expect(validateSnapshot(snapshot), JSON.stringify(validateSnapshot.errors)).to.equal(true)
}

/** small-account plus one app whose list entry carries real scope strings (with a stray space). */
function scenario(): FakeZoomScenario {
  const s = smallAccount()
  s.apps.push({
    app_id: 'AppListScopes000000006',
    app_name: 'Scope strings in the list',
    app_type: 'OAuthApp',
    app_status: 'PUBLISHED',
    scope_labels: ['user:read:admin', ' meeting:read:admin'],
    app_scopes: ['meeting:read:admin', 'user:read:admin'],
  })
  return s
}

const INVENTORY: Inventory = {
  apps: [
    {id: 'AppS2sMeetings00000001', owner: 'paula.pending@example.com'}, // pending owner: no id
    {id: 'AppUnlisted00000000005', owner: 'In9aCt0000000000000006'}, // not in the list; inactive owner, by id
    {id: 'AppListScopes000000006', owner: 'max.meetingadmin@EXAMPLE.com'}, // emails compare case-insensitively
    {id: 'AppDoesNotExist0000009', owner: 'nobody@example.com'}, // neither exists
  ],
}

describe('fetchSnapshot', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  afterEach(() => fake.close())

  it('builds the expected, schema-valid snapshot of the inventory owners and apps', async () => {
    fake = await startFakeZoom(scenario())
    const progress: ProgressEvent[] = []
    const client = clientFor(fake)
    const snapshot = await fetchSnapshot(client, {
      inventory: INVENTORY,
      now: NOW,
      onProgress: (event) => progress.push(event),
    })
    expectValid(snapshot)
    expect(snapshot).to.include({schemaVersion: 1, capturedAt: '2026-03-01T12:00:00.000Z'})
    expect(snapshot.account).to.deep.equal({id: 'kQ3fZpX9TgWm2LrBv7YcNa'})
    expect(snapshot.users).to.deep.equal([
      {
        id: 'In9aCt0000000000000006',
        email: 'ivan.inactive@example.com',
        status: 'inactive',
        roleId: '2',
        name: 'Ivan Inactive',
      },
      {
        id: 'Ma9dMn0000000000000004',
        email: 'Max.MeetingAdmin@Example.com',
        status: 'active',
        roleId: 'RmtgAdm1nRoleXyZ000001',
        name: 'Max Meetings',
      },
      {email: 'paula.pending@example.com', status: 'pending', roleId: '0', name: 'Paula Pending'},
    ])
    expect(snapshot.roles.map((r) => r.id)).to.deep.equal([
      '0',
      '1',
      '2',
      'RmtgAdm1nRoleXyZ000001',
      'RrptV1ewerRoleXyZ00002',
    ])
    expect(snapshot.roles[3]).to.deep.equal({
      id: 'RmtgAdm1nRoleXyZ000001',
      name: 'Meeting Admins (EMEA)',
      description: 'User admin for the EMEA group only',
      privileges: ['Recording:Read', 'User:Edit', 'User:Read'],
      privilegeScopes: {'User:Edit': ['GrpEmea000000000000001'], 'User:Read': ['GrpEmea000000000000001']},
    })
    expect(snapshot.roles[4]).to.deep.equal({
      id: 'RrptV1ewerRoleXyZ00002',
      name: 'Report Viewer',
      privileges: ['Dashboard:Read', 'UsageReport:Read', 'UserActivitiesReport:Read'],
      privilegeScopes: {},
    })
    expect(snapshot.apps).to.deep.equal([
      {
        id: 'AppGranularRec00000002',
        name: 'Recording Archiver',
        type: 'GeneralApp',
        status: 'UNPUBLISHED',
        scopes: ['cloud_recording:read:list_user_recordings:admin', 'user:read:list_users:admin'],
        source: 'detail',
      },
      {
        id: 'AppListScopes000000006',
        name: 'Scope strings in the list',
        type: 'OAuthApp',
        status: 'PUBLISHED',
        scopes: ['meeting:read:admin', 'user:read:admin'],
        source: 'list',
      },
      {
        id: 'AppReports000000000003',
        name: 'Usage Reports',
        type: 'OAuthApp',
        status: 'PUBLISHED',
        scopes: ['report:read:admin'],
        source: 'detail',
      },
      {
        id: 'AppS2sMeetings00000001',
        name: 'Meeting Sync (S2S)',
        type: 'OAuthApp',
        status: 'unpublished',
        scopes: ['meeting:read:admin', 'meeting:write:admin'],
        source: 'detail',
      },
      {
        id: 'AppUnlisted00000000005',
        name: 'Webinar Ops (inventory only)',
        type: 'OAuthApp',
        status: 'UNPUBLISHED',
        scopes: ['meeting:write:meeting:admin', 'webinar:write:admin'],
        source: 'detail',
      },
      {
        id: 'AppUserLevel0000000004',
        name: 'Personal Calendar Bridge',
        type: 'ZoomApp',
        status: 'PUBLISHED',
        scopes: ['meeting:read', 'meeting:write', 'user:read'],
        source: 'detail',
      },
    ])
    // Fewer calls would be the 3 one-page listings, but those are MEDIUM, like the 6 app details: the 4 owners read
    // one by one on LIGHT (beside the 5 roles) finish sooner (call-plan.ts).
    expect(client.stats).to.deep.include({
      apiCalls: 17,
      tokenMints: 1,
      byEndpoint: {
        'GET /marketplace/apps': 1,
        'GET /marketplace/apps/{appId}': 6, // 4 listed with labels + 2 inventory apps not listed (one absent)
        'GET /roles': 1,
        'GET /roles/{roleId}': 5,
        'GET /users/{userId}': 4,
      },
    })
    expect(progress.some((p) => p.phase === 'users')).to.equal(true)
    expect(progress.filter((p) => p.phase === 'apps').at(-1)).to.deep.equal({phase: 'apps', fetched: 7, total: 7})
    expect(progress.filter((p) => p.phase === 'roles').at(-1)).to.deep.equal({phase: 'roles', fetched: 5, total: 5})

    // Deterministic: a second run gives the same JSON.
    const again = await fetchSnapshot(clientFor(fake), {inventory: INVENTORY, now: NOW})
    expect(JSON.stringify(again)).to.equal(JSON.stringify(snapshot))
  })

  it('with few owners fetches each owner directly (pending by email, 404 → absent), no listing', async () => {
    fake = await startFakeZoom(scenario())
    const client = clientFor(fake)
    const inventory: Inventory = {
      apps: [
        {id: 'AppS2sMeetings00000001', owner: 'paula.pending@example.com'},
        {id: 'AppReports000000000003', owner: 'In9aCt0000000000000006'},
        {id: 'AppUserLevel0000000004', owner: 'ghost@example.com'},
        {id: 'AppGranularRec00000002', owner: ''}, // template not filled in yet
      ],
    }
    const snapshot = await fetchSnapshot(client, {inventory, now: NOW})
    expectValid(snapshot)
    expect(snapshot.users.map((u) => [u.email, u.status, u.id ?? null])).to.deep.equal([
      ['ivan.inactive@example.com', 'inactive', 'In9aCt0000000000000006'],
      ['paula.pending@example.com', 'pending', null],
    ])
    expect(client.stats.byEndpoint['GET /users']).to.equal(undefined)
    expect(client.stats.byEndpoint['GET /users/{userId}']).to.equal(3)
  })

  it("users: 'all' lists every status", async () => {
    fake = await startFakeZoom(scenario())
    const client = clientFor(fake)
    const snapshot = await fetchSnapshot(client, {users: 'all', now: NOW})
    expectValid(snapshot)
    expect(snapshot.users.map((u) => `${u.status} ${u.email}`)).to.deep.equal([
      'active adam.admin@example.com',
      'inactive ivan.inactive@example.com',
      'active Max.MeetingAdmin@Example.com',
      'active mia.member@example.com',
      'active olivia.owner@example.com',
      'pending paula.pending@example.com',
      'pending pete.pending@example.com',
      'active rita.reports@example.com',
    ])
    expect(snapshot.users.find((u) => u.email === 'pete.pending@example.com')).to.deep.equal({
      email: 'pete.pending@example.com',
      status: 'pending',
      roleId: 'RmtgAdm1nRoleXyZ000001',
    })
    expect(client.stats.byEndpoint['GET /users']).to.equal(3)
  })

  it("users: 'active' / {refs} and apps: {ids} fetch only what a command asked for", async () => {
    fake = await startFakeZoom(scenario())
    const active = await fetchSnapshot(clientFor(fake), {users: 'active', apps: {ids: []}, now: NOW})
    expectValid(active)
    expect(active.users.every((u) => u.status === 'active')).to.equal(true)
    expect(active.users).to.have.length(5)
    expect(active.apps).to.deep.equal([])

    const client = clientFor(fake)
    const named = await fetchSnapshot(client, {
      users: {refs: ['rita.reports@example.com', 'Ow9nEr0000000000000001']},
      apps: {ids: ['AppUnlisted00000000005', 'AppReports000000000003', 'AppDoesNotExist0000009']},
      now: NOW,
    })
    expectValid(named)
    expect(named.users.map((u) => u.email)).to.deep.equal(['olivia.owner@example.com', 'rita.reports@example.com'])
    expect(named.apps.map((a) => `${a.id} ${a.source}`)).to.deep.equal([
      'AppReports000000000003 detail',
      'AppUnlisted00000000005 detail',
    ])
    expect(client.stats.byEndpoint).to.deep.equal({
      'GET /marketplace/apps/{appId}': 3,
      'GET /roles': 1,
      'GET /roles/{roleId}': 5,
      'GET /users/{userId}': 2,
    })
  })

  describe('the cheaper user plan, by counting', () => {
    const CAP = 100
    const generated = generateScenario({users: 1500, apps: 3, seed: 7, pageCaps: {'GET /v2/users': CAP}})
    const byStatus = (status: string) => generated.users.filter((u) => u.status === status)
    const active = byStatus('active')
    const inactive = byStatus('inactive')
    const pending = byStatus('pending')
    const listingCost = [active, inactive, pending].reduce(
      (sum, users) => sum + Math.max(1, Math.ceil(users.length / CAP)),
      0,
    )

    /** Owners of the account's own (listed) apps, or each of an app the list does not show (one MEDIUM call each). */
    function inventoryOf(owners: string[], unlistedApps = false): Inventory {
      const listed = generated.apps.map((app) => app.app_id)
      return {
        apps: owners.map((owner, i) => ({id: unlistedApps ? `App${i}` : listed[i % listed.length]!, owner})),
      }
    }

    async function run(owners: string[], unlistedApps = false) {
      fake = await startFakeZoom(structuredClone(generated))
      const client = clientFor(fake)
      const snapshot = await fetchSnapshot(client, {inventory: inventoryOf(owners, unlistedApps), now: NOW})
      expectValid(snapshot)
      const all = await fetchSnapshot(clientFor(fake), {users: 'all', now: NOW})
      const wanted = new Set(owners.map((o) => o.toLowerCase()))
      const expectedUsers = all.users.filter(
        (u) => wanted.has(u.email.toLowerCase()) || (u.id !== undefined && wanted.has(u.id.toLowerCase())),
      )
      expect(snapshot.users).to.deep.equal(expectedUsers)
      return client.stats.byEndpoint
    }

    it('few owners beyond the first page: one listing page, then one GET /users/{id} per missing owner', async () => {
      expect(active.length).to.be.greaterThan(10 * CAP)
      const owners = [
        active[500]!.email,
        active[900]!.email.toUpperCase(),
        active[700]!.id!,
        inactive[3]!.id!,
        pending[2]!.email,
        'ghost@example.com',
      ]
      const calls = await run(owners)
      expect(calls['GET /users']).to.equal(1)
      expect(calls['GET /users/{userId}']).to.equal(owners.length)
      expect(1 + owners.length).to.be.lessThan(listingCost)
    })

    it('many owners: every listing page, no single fetches', async () => {
      const owners = generated.users.filter((_, i) => i % 3 === 0).map((u) => u.id ?? u.email)
      const calls = await run(owners)
      expect(calls['GET /users']).to.equal(listingCost)
      expect(calls['GET /users/{userId}']).to.equal(undefined)
      expect(listingCost).to.be.lessThan(owners.length)
    })

    it('many app details on MEDIUM: owners one by one on LIGHT, though the listing has fewer calls', async () => {
      const owners = active.slice(0, 60).map((u) => u.email)
      const calls = await run(owners, true)
      expect(calls['GET /marketplace/apps/{appId}']).to.equal(60 + generated.apps.length)
      expect(calls['GET /users']).to.equal(undefined)
      expect(calls['GET /users/{userId}']).to.equal(owners.length)
      expect(listingCost).to.be.lessThan(owners.length)
    })
  })
})
