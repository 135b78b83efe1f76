// Tests of the fake Zoom API itself, with plain fetch (no project code).
import {expect} from 'chai'
import {fileURLToPath} from 'node:url'

import {
  AUDITOR_SCOPES,
  type FakeZoom,
  type FakeZoomOptions,
  type FakeZoomScenario,
  generateScenario,
  loadScenario,
  missingScopesMessage,
  PAGE_TOKEN_TTL_MS,
  type RecordedRequest,
  scenarioFromSnapshot,
  startFakeZoom,
  validateScenario,
} from './index.js'
import {sawRateLimits} from './client-probe.mjs'

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/scenarios/${name}`, import.meta.url))
const small = (): FakeZoomScenario => structuredClone(loadScenario(fixture('small-account.json')))

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any

interface Answer {
  status: number
  headers: Headers
  body: Json
  text: string
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init)
  const text = await res.text()
  let body: Json
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return {status: res.status, headers: res.headers, body, text}
}

function tokenRequest(
  fake: FakeZoom,
  s: FakeZoomScenario,
  over: {
    id?: string
    secret?: string
    form?: Record<string, string>
    query?: string
    contentType?: string
    method?: string
  } = {},
): Promise<Answer> {
  const basic = Buffer.from(
    `${over.id ?? s.credentials.clientId}:${over.secret ?? s.credentials.clientSecret}`,
  ).toString('base64')
  const form = over.form ?? {grant_type: 'account_credentials', account_id: s.credentials.accountId}
  return call(fake.oauthUrl + (over.query ?? ''), {
    method: over.method ?? 'POST',
    headers: {authorization: `Basic ${basic}`, 'content-type': over.contentType ?? 'application/x-www-form-urlencoded'},
    body: (over.method ?? 'POST') === 'POST' ? new URLSearchParams(form).toString() : undefined,
  })
}

async function tokenOf(fake: FakeZoom, s: FakeZoomScenario): Promise<string> {
  const t = await tokenRequest(fake, s)
  expect(t.status, t.text).to.equal(200)
  return t.body.access_token as string
}

function get(fake: FakeZoom, token: string | undefined, path: string): Promise<Answer> {
  return call(fake.apiUrl + path, {headers: token === undefined ? {} : {authorization: `Bearer ${token}`}})
}

/** Follow next_page_token to the end; returns every page's body. */
async function allPages(fake: FakeZoom, token: string, path: string): Promise<Json[]> {
  const pages: Json[] = []
  let next = ''
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?'
    const r = await get(fake, token, next ? `${path}${sep}next_page_token=${encodeURIComponent(next)}` : path)
    expect(r.status, r.text).to.equal(200)
    pages.push(r.body)
    next = r.body.next_page_token
    if (!next) return pages
  }
  throw new Error('paging did not end')
}

describe('fake Zoom API', () => {
  let fake: FakeZoom | undefined
  let clock = Date.parse('2026-03-01T12:00:00Z')
  const now = (): number => clock

  async function start(s: FakeZoomScenario, withClock = false, options: FakeZoomOptions = {}): Promise<FakeZoom> {
    fake = await startFakeZoom(s, withClock ? {now, ...options} : options)
    return fake
  }

  afterEach(async () => {
    await fake?.close()
    fake = undefined
    clock = Date.parse('2026-03-01T12:00:00Z')
  })

  describe('OAuth token (docs/zoom-api.md §Access token)', () => {
    it('mints a bearer token with scope and api_url', async () => {
      const s = small()
      const f = await start(s)
      const t = await tokenRequest(f, s)
      expect(t.status).to.equal(200)
      expect(t.headers.get('content-type')).to.match(/^application\/json/)
      expect(Object.keys(t.body).sort()).to.deep.equal(['access_token', 'api_url', 'expires_in', 'scope', 'token_type'])
      expect(t.body.token_type).to.equal('bearer')
      expect(t.body.expires_in).to.equal(3599)
      expect(t.body.scope).to.equal(s.tokenScopes.join(' '))
      expect(t.body.api_url).to.equal(f.url)
      const second = await tokenRequest(f, s)
      expect(second.body.access_token).to.not.equal(t.body.access_token)
      // "You can generate and use multiple access tokens" (§Access token): both work.
      expect((await get(f, t.body.access_token, '/roles')).status).to.equal(200)
      expect((await get(f, second.body.access_token, '/roles')).status).to.equal(200)
    })

    it('honours tokenTtlSeconds and tokenApiUrl (null = no api_url)', async () => {
      const s = {...small(), tokenTtlSeconds: 60, tokenApiUrl: null}
      const f = await start(s)
      const t = await tokenRequest(f, s)
      expect(t.body.expires_in).to.equal(60)
      expect(t.body).to.not.have.property('api_url')
      await f.close()
      const f2 = await start({...small(), tokenApiUrl: 'https://api-eu.zoom.us'})
      expect((await tokenRequest(f2, small())).body.api_url).to.equal('https://api-eu.zoom.us')
    })

    it('rejects a wrong client with {reason, error: invalid_client}', async () => {
      const s = small()
      const f = await start(s)
      const bad = await tokenRequest(f, s, {secret: 'wrong'})
      expect(bad.status).to.equal(400)
      expect(bad.body).to.deep.equal({reason: 'Invalid client_id or client_secret', error: 'invalid_client'})
      const noAuth = await call(f.oauthUrl, {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body: 'grant_type=account_credentials&account_id=x',
      })
      expect(noAuth.status).to.equal(400)
      expect(noAuth.body.error).to.equal('invalid_client')
    })

    it('answers 400 when the params are only in the query string (FORUM-124925) or not form-encoded', async () => {
      const s = small()
      const f = await start(s)
      const q = await tokenRequest(f, s, {
        form: {},
        query: `?grant_type=account_credentials&account_id=${s.credentials.accountId}`,
      })
      expect(q.status).to.equal(400)
      expect(q.body).to.have.keys('reason', 'error')
      expect(q.body.error).to.equal('invalid_request')
      const json = await call(f.oauthUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${s.credentials.clientId}:${s.credentials.clientSecret}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({grant_type: 'account_credentials', account_id: s.credentials.accountId}),
      })
      expect(json.status).to.equal(400)
    })

    it('rejects a wrong account id and an unsupported grant', async () => {
      const s = small()
      const f = await start(s)
      const acct = await tokenRequest(f, s, {form: {grant_type: 'account_credentials', account_id: 'someoneElse'}})
      expect(acct.status).to.equal(400)
      expect(acct.body.error).to.equal('invalid_request')
      const grant = await tokenRequest(f, s, {
        form: {grant_type: 'client_credentials', account_id: s.credentials.accountId},
      })
      expect(grant.status).to.equal(400)
      expect(grant.body.error).to.equal('unsupported_grant_type')
      expect((await tokenRequest(f, s, {method: 'GET'})).status).to.equal(405)
    })
  })

  describe('bearer tokens and scopes (§Errors)', () => {
    it('answers 401 {code:124} without, with an unknown, or with an expired token', async () => {
      const s = small()
      const f = await start(s, true)
      for (const token of [undefined, 'nope']) {
        const r = await get(f, token, '/users')
        expect(r.status).to.equal(401)
        expect(r.body).to.deep.equal({code: 124, message: 'Invalid access token.'})
      }
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/users')).status).to.equal(200)
      clock += 3599 * 1000
      expect((await get(f, token, '/users')).body.code).to.equal(124)
    })

    it('expireTokens() invalidates every issued token; new ones work', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.expireTokens()
      const r = await get(f, token, '/users')
      expect(r.status).to.equal(401)
      expect(r.body.code).to.equal(124)
      expect((await get(f, await tokenOf(f, s), '/users')).status).to.equal(200)
    })

    it("answers 400 {code:4700} listing the endpoint's granular scopes when the token lacks them", async () => {
      const s = loadScenario(fixture('no-role-scopes.json'))
      const f = await start(s)
      const token = await tokenOf(f, s)
      const r = await get(f, token, '/roles')
      expect(r.status).to.equal(400)
      expect(r.body).to.deep.equal({
        code: 4700,
        message: 'Invalid access token, does not contain scopes: [role:read:list_roles, role:read:list_roles:admin].',
      })
      expect((await get(f, token, '/roles/1')).body.message).to.equal(
        missingScopesMessage(['role:read:role', 'role:read:role:admin']),
      )
      expect((await get(f, token, '/roles/1/members')).body.code).to.equal(4700)
      expect((await get(f, token, '/users')).status).to.equal(200)
    })

    it('accepts the classic scopes too', async () => {
      const s = loadScenario(fixture('classic-token.json'))
      const f = await start(s)
      const token = await tokenOf(f, s)
      for (const p of [
        '/users',
        '/users/mia.member@example.com',
        '/users/mia.member@example.com/permissions',
        '/roles',
        '/roles/1',
        '/roles/1/members',
        '/marketplace/apps?type=account_created',
        '/marketplace/apps/AppReports000000000003',
      ]) {
        const r = await get(f, token, p)
        expect(r.status, `${p}: ${r.text}`).to.equal(200)
      }
    })

    it('needs the scope of each endpoint, not of a neighbour', async () => {
      const s = {...small(), tokenScopes: ['user:read:list_users:admin']}
      const f = await start(s)
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/users')).status).to.equal(200)
      const r = await get(f, token, '/users/mia.member@example.com')
      expect(r.body.message).to.equal(
        'Invalid access token, does not contain scopes: [user:read:user, user:read:user:admin].',
      )
      expect((await get(f, token, '/marketplace/apps')).body.message).to.equal(
        'Invalid access token, does not contain scopes: [marketplace:read:list_apps:admin].',
      )
    })
  })

  describe('users (§API answers)', () => {
    it("lists active users by default, with role_id and no role_name, in Zoom's envelope", async () => {
      const s = small()
      const f = await start(s)
      const r = await get(f, await tokenOf(f, s), '/users')
      expect(r.body).to.have.keys('next_page_token', 'page_count', 'page_number', 'page_size', 'total_records', 'users')
      expect(r.body.users.map((u: Json) => u.email)).to.deep.equal(
        s.users.filter((u) => u.status === 'active').map((u) => u.email),
      )
      expect(r.body.total_records).to.equal(5)
      expect(r.body.page_size).to.equal(30)
      expect(r.body.next_page_token).to.equal('')
      for (const u of r.body.users) {
        expect(u).to.include.keys('id', 'email', 'status', 'role_id', 'type')
        expect(u).to.not.have.property('role_name')
      }
    })

    it('filters by status; pending users have no id; invalid status → 400 code 300', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const pending = await get(f, token, '/users?status=pending')
      expect(pending.body.users.map((u: Json) => u.email)).to.deep.equal([
        'paula.pending@example.com',
        'pete.pending@example.com',
      ])
      for (const u of pending.body.users) expect(u).to.not.have.property('id')
      expect((await get(f, token, '/users?status=inactive')).body.users.map((u: Json) => u.id)).to.deep.equal([
        'In9aCt0000000000000006',
      ])
      const bad = await get(f, token, '/users?status=deleted')
      expect(bad.status).to.equal(400)
      expect(bad.body).to.deep.equal({
        code: 300,
        message: 'Validation Failed.',
        errors: [{field: 'status', message: 'Invalid field.'}],
      })
      expect((await get(f, token, '/users?role_id=2')).body.users.map((u: Json) => u.email)).to.deep.equal([
        'adam.admin@example.com',
      ])
    })

    it('gets a user by id or case-insensitive email, with role_name and account_id; 404 code 1001 otherwise', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const byId = await get(f, token, '/users/Ma9dMn0000000000000004')
      expect(byId.body).to.include({
        id: 'Ma9dMn0000000000000004',
        role_id: 'RmtgAdm1nRoleXyZ000001',
        role_name: 'Meeting Admins (EMEA)',
        account_id: s.account.id,
      })
      const byEmail = await get(f, token, `/users/${encodeURIComponent('max.meetingadmin@EXAMPLE.com')}`)
      expect(byEmail.body.id).to.equal('Ma9dMn0000000000000004')
      const pending = await get(f, token, '/users/paula.pending@example.com')
      expect(pending.status).to.equal(200)
      expect(pending.body).to.not.have.property('id')
      expect(pending.body.status).to.equal('pending')
      const missing = await get(f, token, '/users/ghost@example.com')
      expect(missing.status).to.equal(404)
      expect(missing.body).to.deep.equal({code: 1001, message: 'User does not exist: ghost@example.com.'})
      expect((await get(f, token, '/users/me')).status).to.equal(404)
    })

    it("returns the role's privileges as permissions", async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/users/rita.reports@example.com/permissions')).body).to.deep.equal({
        permissions: ['UsageReport:Read', 'UserActivitiesReport:Read', 'Dashboard:Read'],
      })
      expect((await get(f, token, '/users/Me9mBr0000000000000003/permissions')).body).to.deep.equal({permissions: []})
      expect((await get(f, token, '/users/nobody/permissions')).body.code).to.equal(1001)
    })
  })

  describe('paging (§Paging)', () => {
    it('caps pages below the asked page_size and pages to the end', async () => {
      const s = {
        ...generateScenario({users: 45, apps: 7, seed: 'paging'}),
        pageCaps: {'GET /v2/users': 4, 'GET /v2/marketplace/apps': 2, 'GET /v2/roles/{roleId}/members': 3},
      }
      const f = await start(s)
      const token = await tokenOf(f, s)
      const pages = await allPages(f, token, '/users?page_size=300')
      const active = s.users.filter((u) => u.status === 'active')
      expect(pages.flatMap((p) => p.users.map((u: Json) => u.id))).to.deep.equal(active.map((u) => u.id))
      expect(pages[0].page_size).to.equal(4)
      expect(pages[0].users).to.have.length(4)
      expect(pages[0].total_records).to.equal(active.length)
      expect(pages[0].page_count).to.equal(Math.ceil(active.length / 4))
      expect(pages.map((p) => p.page_number)).to.deep.equal(pages.map((_, i) => i + 1))

      const apps = await allPages(f, token, '/marketplace/apps?type=account_created&page_size=300')
      expect(apps.flatMap((p) => p.apps.map((a: Json) => a.app_id))).to.deep.equal(
        s.apps.filter((a) => a.listed !== false).map((a) => a.app_id),
      )
      expect(apps[0]).to.have.keys('next_page_token', 'page_size', 'apps')

      const members = await allPages(f, token, '/roles/0/members?page_size=100')
      expect(members[0].members).to.have.length(3)
      expect(members.flatMap((p) => p.members.map((m: Json) => m.id))).to.deep.equal(
        s.users.filter((u) => u.role_id === '0' && u.status !== 'pending').map((u) => u.id),
      )
    })

    it('clamps page_size to the documented maximum and rejects a bad one', async () => {
      const s = generateScenario({users: 400, apps: 0, roles: 3, seed: 1, pageCaps: {}})
      const f = await start(s)
      const token = await tokenOf(f, s)
      const r = await get(f, token, '/roles/0/members?page_size=1000')
      expect(r.body.members).to.have.length(300)
      expect(r.body.page_size).to.equal(300)
      const bad = await get(f, token, '/users?page_size=abc')
      expect(bad.status).to.equal(400)
      expect(bad.body.code).to.equal(300)
      expect((await get(f, token, '/users?page_size=0')).status).to.equal(400)
    })

    it('lets a valid token be reused, and rejects unknown tokens and tokens used with other params (400 code 300)', async () => {
      const s = {...small(), pageCaps: {'GET /v2/users': 2}}
      const f = await start(s)
      const token = await tokenOf(f, s)
      const first = await get(f, token, '/users?page_size=2')
      const next = first.body.next_page_token as string
      expect(next).to.match(/^[A-Za-z0-9]{20,}$/)
      const a = await get(f, token, `/users?page_size=2&next_page_token=${next}`)
      const b = await get(f, token, `/users?page_size=2&next_page_token=${next}`)
      expect(a.status).to.equal(200)
      expect(b.body.users).to.deep.equal(a.body.users)
      for (const p of [
        `/users?page_size=2&status=inactive&next_page_token=${next}`,
        `/users?page_size=3&next_page_token=${next}`,
        '/users?page_size=2&next_page_token=bogus',
        `/marketplace/apps?type=account_created&next_page_token=${next}`,
      ]) {
        const r = await get(f, token, p)
        expect(r.status, p).to.equal(400)
        expect(r.body).to.deep.equal({code: 300, message: 'The next page token is invalid or expired.'})
      }
      // Defaults count as given: no status = status=active.
      expect((await get(f, token, `/users?status=active&page_size=2&next_page_token=${next}`)).status).to.equal(200)
    })

    it('expires page tokens after 15 minutes (overridable clock)', async () => {
      const s = {...small(), pageCaps: {'GET /v2/users': 2}}
      const f = await start(s, true)
      const token = await tokenOf(f, s)
      const next = (await get(f, token, '/users')).body.next_page_token as string
      clock += PAGE_TOKEN_TTL_MS - 1
      expect((await get(f, token, `/users?next_page_token=${next}`)).status).to.equal(200)
      clock += 1
      const r = await get(f, token, `/users?next_page_token=${next}`)
      expect(r.status).to.equal(400)
      expect(r.body.code).to.equal(300)
    })
  })

  describe('roles (§API answers)', () => {
    it('lists common roles unpaginated with total_members; type=iq; invalid type → 400', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const r = await get(f, token, '/roles?page_size=1')
      expect(r.body).to.have.keys('roles', 'total_records')
      expect(r.body.total_records).to.equal(5)
      expect(r.body.roles.map((x: Json) => x.id)).to.deep.equal([
        '1',
        '2',
        '0',
        'RmtgAdm1nRoleXyZ000001',
        'RrptV1ewerRoleXyZ00002',
      ])
      expect(r.body.roles[0]).to.have.keys('id', 'name', 'description', 'type', 'total_members')
      // members have an id: pending users do not count
      expect(r.body.roles.find((x: Json) => x.id === '2').total_members).to.equal(2)
      expect(r.body.roles.find((x: Json) => x.id === 'RmtgAdm1nRoleXyZ000001').total_members).to.equal(1)
      expect((await get(f, token, '/roles?type=iq')).body.roles.map((x: Json) => x.name)).to.deep.equal([
        'IQ Sales Manager',
      ])
      expect((await get(f, token, '/roles?type=other')).body.code).to.equal(300)
    })

    it('gets a role with privileges and, only where set, privilege_scopes; unknown → 400 code 1034', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const limited = await get(f, token, '/roles/RmtgAdm1nRoleXyZ000001')
      expect(limited.body).to.deep.equal({
        id: 'RmtgAdm1nRoleXyZ000001',
        name: 'Meeting Admins (EMEA)',
        description: 'User admin for the EMEA group only',
        type: 'common',
        privileges: ['User:Read', 'User:Edit', 'Recording:Read'],
        total_members: 1,
        privilege_scopes: [
          {permission_id: 'User:Read', group_ids: ['GrpEmea000000000000001']},
          {permission_id: 'User:Edit', group_ids: ['GrpEmea000000000000001']},
        ],
      })
      const plain = await get(f, token, '/roles/RrptV1ewerRoleXyZ00002')
      expect(plain.body).to.not.have.property('privilege_scopes')
      expect(plain.body).to.not.have.property('sub_account_privileges')
      for (const p of ['/roles/nope', '/roles/nope/members']) {
        const r = await get(f, token, p)
        expect(r.status).to.equal(400)
        expect(r.body).to.deep.equal({code: 1034, message: 'Provided role_id does not exist.'})
      }
    })

    it("lists role members with Zoom's member fields", async () => {
      const s = small()
      const f = await start(s)
      const r = await get(f, await tokenOf(f, s), '/roles/RmtgAdm1nRoleXyZ000001/members')
      expect(r.body).to.have.keys(
        'members',
        'next_page_token',
        'page_count',
        'page_number',
        'page_size',
        'total_records',
      )
      expect(r.body.members).to.deep.equal([
        {
          id: 'Ma9dMn0000000000000004',
          email: 'Max.MeetingAdmin@Example.com',
          first_name: 'Max',
          last_name: 'Meetings',
          type: 2,
          department: 'Support',
        },
      ])
    })
  })

  describe('marketplace (§API answers)', () => {
    it('lists only account_created apps that are listed, with human scope labels', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/marketplace/apps')).body).to.deep.equal({
        next_page_token: '',
        page_size: 30,
        apps: [],
      })
      const r = await get(f, token, '/marketplace/apps?type=account_created')
      expect(r.body.apps.map((a: Json) => a.app_id)).to.deep.equal([
        'AppS2sMeetings00000001',
        'AppGranularRec00000002',
        'AppReports000000000003',
        'AppUserLevel0000000004',
      ])
      const first = r.body.apps[0]
      expect(first).to.include({
        app_name: 'Meeting Sync (S2S)',
        app_type: 'OAuthApp',
        app_status: 'unpublished',
        app_usage: 1,
      })
      expect(first.scopes.map((x: Json) => x.scope_name)).to.deep.equal([
        'View all user meetings',
        'View and manage all user meetings',
      ])
      expect(first).to.not.have.property('app_scopes')
      for (const app of r.body.apps) for (const sc of app.scopes) expect(sc.scope_name).to.match(/\s/) // never a scope string
      expect((await get(f, token, '/marketplace/apps?type=mine')).status).to.equal(400)
    })

    it('gets any app (listed or not) with app_scopes; 404 code 1401 otherwise', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const r = await get(f, token, '/marketplace/apps/AppUnlisted00000000005')
      expect(r.body).to.include({app_id: 'AppUnlisted00000000005', app_type: 'OAuthApp', app_status: 'UNPUBLISHED'})
      expect(r.body.app_scopes).to.deep.equal(['webinar:write:admin', 'meeting:write:meeting:admin'])
      const missing = await get(f, token, '/marketplace/apps/NoSuchApp')
      expect(missing.status).to.equal(404)
      expect(missing.body).to.deep.equal({code: 1401, message: 'APP ID does not exist: NoSuchApp'})
    })
  })

  describe('routing, headers and recording', () => {
    it('answers unknown paths 404 code 2300 and records everything, templated', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/groups')).body).to.deep.equal({
        code: 2300,
        message: 'This API endpoint is not recognized.',
      })
      expect((await call(`${f.url}/elsewhere?x=1`)).status).to.equal(404)
      await get(f, token, '/users/mia.member%40example.com/permissions?x=y')
      expect(f.requests.map((r) => r.endpoint)).to.deep.equal([
        'POST /oauth/token',
        'GET /v2/groups',
        'GET /elsewhere',
        'GET /v2/users/{userId}/permissions',
      ])
      const last = f.requests[3]!
      expect(last).to.include({
        method: 'GET',
        path: '/v2/users/mia.member%40example.com/permissions',
        status: 200,
        body: '',
      })
      expect(last.query).to.deep.equal({x: 'y'})
      expect(last.headers.authorization).to.equal(`Bearer ${token}`)
      expect(last.at).to.be.a('number')
      expect(last.sentAt).to.equal(undefined) // fetch (undici) is not probed: no send time
      expect(f.requests[0]!.body).to.contain('grant_type=account_credentials')
      f.reset()
      expect(f.requests).to.have.length(0)
    })

    it('records non-GET requests under /v2 as violations and refuses them', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const r = await call(`${f.apiUrl}/users/Me9mBr0000000000000003`, {
        method: 'DELETE',
        headers: {authorization: `Bearer ${token}`},
      })
      expect(r.status).to.equal(405)
      expect(f.requests.at(-1)).to.include({method: 'DELETE', endpoint: 'DELETE /v2/users/{userId}', status: 405})
      expect(f.violations).to.have.length(1)
      expect(f.violations[0]).to.contain('DELETE')
      expect(s.users).to.have.length(8) // nothing deleted
    })

    it('sends x-ratelimit-category (observed casing) and x-zm-trackingid', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      const expected: Record<string, string> = {
        '/users': 'Medium',
        '/users/1@x': 'Light',
        '/users/mia.member@example.com': 'Light',
        '/users/mia.member@example.com/permissions': 'Light',
        '/roles': 'Medium',
        '/roles/1': 'Light',
        '/roles/1/members': 'Medium',
        '/marketplace/apps': 'Medium',
        '/marketplace/apps/AppReports000000000003': 'Medium',
      }
      for (const [p, label] of Object.entries(expected)) {
        const r = await get(f, token, p)
        expect(r.headers.get('x-zm-trackingid'), p).to.be.a('string')
        if (r.status === 200) expect(r.headers.get('x-ratelimit-category'), p).to.equal(label)
        else expect(r.headers.get('x-ratelimit-category')).to.equal(null)
      }
    })
  })

  describe('faults', () => {
    it('status: answers the given status for `times` matching requests, then normally', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users'}, times: 2, fault: {kind: 'status', status: 503}})
      f.inject({
        match: {endpoint: 'GET /v2/roles'},
        fault: {kind: 'status', status: 502, body: '<html><body>Bad Gateway</body></html>'},
      })
      expect((await get(f, token, '/roles/1')).status).to.equal(200) // other endpoint: untouched
      const a = await get(f, token, '/users')
      expect(a.status).to.equal(503)
      expect(a.body).to.deep.equal({code: 503, message: 'Service Unavailable'})
      expect((await get(f, token, '/users')).status).to.equal(503)
      expect((await get(f, token, '/users')).status).to.equal(200)
      const html = await get(f, token, '/roles')
      expect(html.status).to.equal(502)
      expect(html.headers.get('content-type')).to.match(/^text\/html/)
      expect(html.text).to.contain('Bad Gateway')
      expect(f.requests.filter((r) => r.fault === 'status')).to.have.length(3)
    })

    it('matches on method, path and query', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({
        match: {method: 'get', path: '/v2/users', query: {status: 'pending'}},
        fault: {kind: 'status', status: 500},
      })
      expect((await get(f, token, '/users')).status).to.equal(200)
      expect((await get(f, token, '/users?status=pending')).status).to.equal(500)
      expect((await get(f, token, '/users?status=pending')).status).to.equal(200)
      f.inject({match: {endpoint: 'POST /oauth/token'}, fault: {kind: 'status', status: 500}})
      expect((await tokenRequest(f, s)).status).to.equal(500)
    })

    it('reset: destroys the socket (fetch fails), recorded with status 0', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'reset'}})
      let failed = false
      try {
        await get(f, token, '/roles')
      } catch {
        failed = true
      }
      expect(failed).to.equal(true)
      expect(f.requests.at(-1)).to.include({endpoint: 'GET /v2/roles', status: 0, fault: 'reset'})
      expect((await get(f, token, '/roles')).status).to.equal(200)
    })

    it('delay: answers normally after the delay', async () => {
      const s = small()
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'delay', ms: 150}})
      const t0 = Date.now()
      const r = await get(f, token, '/roles')
      expect(Date.now() - t0).to.be.at.least(140)
      expect(r.status).to.equal(200)
    })

    it('rate-limit (seconds): 429 with Retry-After, and a violation when its label is called again too early', async () => {
      const s = small()
      const f = await start(s, true, {inFlightGraceMs: 0})
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users'}, fault: {kind: 'rate-limit', retryAfter: 1}})
      const r = await get(f, token, '/users')
      expect(r.status).to.equal(429)
      expect(r.body).to.deep.equal({
        code: 429,
        message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
      })
      expect(r.headers.get('retry-after')).to.equal('1')
      expect(r.headers.get('x-ratelimit-category')).to.equal('Medium')
      expect(r.headers.get('x-ratelimit-type')).to.equal(null)
      expect((await get(f, token, '/roles/1')).status).to.equal(200) // another rate-limit label (Light): fine
      expect(f.violations).to.deep.equal([])
      clock += 999
      expect((await get(f, token, '/users')).status).to.equal(200) // answered, but too early
      expect(f.violations).to.have.length(1)
      expect(f.violations[0]).to.contain('GET /v2/users')
      // Zoom counts per label: another Medium endpoint within the window is a violation too.
      expect((await get(f, token, '/roles')).status).to.equal(200)
      expect(f.violations).to.have.length(2)
      expect(f.violations[1]).to.contain('GET /v2/roles')
      clock += 1
      await get(f, token, '/users')
      expect(f.violations).to.have.length(2)
      f.reset()
      expect(f.violations).to.deep.equal([])
    })

    it('rate-limit (date): Retry-After as an HTTP-date rounded up to the second', async () => {
      const s = small()
      clock = Date.parse('2026-03-01T12:00:00.400Z')
      const f = await start(s, true, {inFlightGraceMs: 0})
      const token = await tokenOf(f, s)
      f.inject({
        match: {endpoint: 'GET /v2/users/{userId}'},
        fault: {kind: 'rate-limit', retryAfter: 'date', seconds: 2},
      })
      const r = await get(f, token, '/users/mia.member@example.com')
      expect(r.status).to.equal(429)
      const header = r.headers.get('retry-after')!
      expect(header).to.equal('Sun, 01 Mar 2026 12:00:03 GMT')
      const until = Date.parse(header)
      clock = until - 1
      await get(f, token, '/users/adam.admin@example.com')
      expect(f.violations).to.have.length(1)
      clock = until
      await get(f, token, '/users/adam.admin@example.com')
      expect(f.violations).to.have.length(1)
    })

    it('rate-limit (iso, daily): ISO-8601 Retry-After, X-RateLimit-Type Daily-limit and the daily message', async () => {
      const s = small()
      const f = await start(s, true)
      const token = await tokenOf(f, s)
      f.inject({
        match: {endpoint: 'GET /v2/roles/{roleId}'},
        fault: {kind: 'rate-limit', retryAfter: 'iso', seconds: 30, daily: true},
      })
      const r = await get(f, token, '/roles/1')
      expect(r.status).to.equal(429)
      expect(r.headers.get('retry-after')).to.equal('2026-03-01T12:00:30Z')
      expect(r.headers.get('x-ratelimit-type')).to.equal('Daily-limit')
      expect(r.headers.get('x-ratelimit-category')).to.equal('Light')
      expect(r.body.message).to.equal(
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
      )
    })

    it('rate-limit: requests already in flight on other connections are not violations (grace)', async () => {
      const s = small()
      const f = await start(s, false, {inFlightGraceMs: 10_000})
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users/{userId}'}, fault: {kind: 'rate-limit', retryAfter: 5}})
      const answers = await Promise.all(s.users.slice(0, 5).map((u) => get(f, token, `/users/${u.email}`)))
      expect(answers.filter((a) => a.status === 429)).to.have.length(1)
      expect(f.violations).to.deep.equal([])
      // On the connection that got the 429, the next request is a violation at once.
      const http = await import('node:http')
      const agent = new http.Agent({keepAlive: true, maxSockets: 1})
      const once = (path: string): Promise<number> =>
        new Promise((resolve, reject) => {
          http
            .get(`${f.apiUrl}${path}`, {agent, headers: {authorization: `Bearer ${token}`}}, (res) => {
              res.resume()
              res.on('end', () => resolve(res.statusCode ?? 0))
            })
            .on('error', reject)
        })
      f.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'rate-limit', retryAfter: 5}})
      expect(await once('/roles/1')).to.equal(429)
      expect(await once('/roles/2')).to.equal(200)
      agent.destroy()
      expect(f.violations).to.have.length(1)
      expect(f.violations[0]).to.contain('GET /v2/roles/{roleId}')
    })

    it('rate-limit: a probed client is judged by what it had received when it sent, not by when requests arrive', async () => {
      const s = small()
      // No grace at all: by arrival time alone, the late request below would count.
      const f = await start(s, false, {inFlightGraceMs: 0})
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users/{userId}'}, fault: {kind: 'rate-limit', retryAfter: 5}})
      const http = await import('node:http')
      const net = await import('node:net')
      const {port} = new URL(f.url)
      // Each on a connection of its own (no agent: createConnection); `connectAfterMs` holds the bytes back after the
      // request was sent. Resolves with the status and the 429's id, if any.
      const send = (path: string, connectAfterMs = 0): Promise<{status: number; id?: string}> =>
        new Promise((resolve, reject) => {
          http
            .get(
              `${f.apiUrl}${path}`,
              {
                headers: {authorization: `Bearer ${token}`},
                createConnection: (_options, done) => {
                  setTimeout(() => done(null, net.connect(Number(port), '127.0.0.1')), connectAfterMs)
                  return undefined
                },
              },
              (res) => {
                res.resume()
                const id = res.headers['x-fake-zoom-429-id']
                res.on('end', () => resolve({status: res.statusCode ?? 0, ...(typeof id === 'string' ? {id} : {})}))
              },
            )
            .on('error', reject)
        })
      /** Whether the request had received that 429 when it was sent, by its probe header. */
      const hadSeen = (request: RecordedRequest, id: string): boolean | undefined => {
        const [instance, n] = id.split(':')
        return sawRateLimits(request.headers['x-fake-zoom-client-saw'], instance!)?.has(Number(n))
      }
      const late = send('/users/adam.admin@example.com', 300) // sent now, arrives after the 429
      const limited = await send('/users/mia.member@example.com')
      expect(limited.status).to.equal(429)
      expect((await late).status).to.equal(200)
      expect(f.requests.map((r) => r.status)).to.deep.equal([200, 429, 200]) // token, the 429, the late one
      expect(hadSeen(f.requests[2]!, limited.id!)).to.equal(false) // what it knew when sent
      // Its send time is on the log too: sent before the 429's request, although it arrived after it.
      expect(f.requests[2]!.sentAt).to.be.lessThan(f.requests[1]!.sentAt!)
      expect(f.requests[2]!.at).to.be.at.least(f.requests[1]!.at)
      expect(f.violations).to.deep.equal([])
      // Sent after the 429 was received: a violation, on any connection.
      expect((await send('/users/olivia.owner@example.com')).status).to.equal(200)
      expect(hadSeen(f.requests[3]!, limited.id!)).to.equal(true)
      expect(f.violations).to.have.length(1)
      expect(f.violations[0]).to.contain('/users/olivia.owner@example.com')
    })

    it('expire-page-token: the next paged request with a token gets 400 code 300, and the token stays dead', async () => {
      const s = {...small(), pageCaps: {'GET /v2/users': 2}}
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users'}, fault: {kind: 'expire-page-token'}})
      const first = await get(f, token, '/users') // no token: not hit
      expect(first.status).to.equal(200)
      const next = first.body.next_page_token as string
      for (let i = 0; i < 2; i++) {
        const r = await get(f, token, `/users?next_page_token=${next}`)
        expect(r.status).to.equal(400)
        expect(r.body).to.deep.equal({code: 300, message: 'The next page token is invalid or expired.'})
      }
      expect((await allPages(f, token, '/users')).flatMap((p) => p.users)).to.have.length(5) // restarting works
    })

    it('repeat-page-token: the page answers with the token it was called with', async () => {
      const s = {...small(), pageCaps: {'GET /v2/users': 2}}
      const f = await start(s)
      const token = await tokenOf(f, s)
      f.inject({match: {endpoint: 'GET /v2/users'}, fault: {kind: 'repeat-page-token'}})
      const next = (await get(f, token, '/users')).body.next_page_token as string
      const r = await get(f, token, `/users?next_page_token=${next}`)
      expect(r.status).to.equal(200)
      expect(r.body.next_page_token).to.equal(next)
      expect(r.body.users).to.have.length(2)
      expect((await get(f, token, `/users?next_page_token=${next}`)).body.next_page_token).to.not.equal(next) // once only
    })
  })

  describe('scenarios', () => {
    it('loads and validates the fixtures', () => {
      for (const name of ['small-account.json', 'classic-token.json', 'no-role-scopes.json'])
        expect(loadScenario(fixture(name)).users).to.have.length(8)
      const s = small()
      expect(() =>
        validateScenario({...s, users: [...s.users, {...s.users[0]!, id: 'other', email: 'OLIVIA.owner@example.com'}]}),
      ).to.throw(/duplicate/)
      expect(() => validateScenario({...s, users: [{email: 'a@b.c', status: 'active', role_id: '0'}]})).to.throw(
        /users\[0\]\.id/,
      )
      expect(() => loadScenario(fixture('missing.json'))).to.throw(/cannot read/)
    })

    it('generates the same account for the same seed, another for another seed', () => {
      const a = JSON.stringify(generateScenario({users: 300, apps: 40, seed: 42}))
      const b = JSON.stringify(generateScenario({users: 300, apps: 40, seed: 42}))
      const c = JSON.stringify(generateScenario({users: 300, apps: 40, seed: 43}))
      expect(a).to.equal(b)
      expect(a).to.not.equal(c)
    })

    it('generates 5 000 users and 300 apps quickly, with the variety the audit needs', async () => {
      const t0 = Date.now()
      const s = generateScenario({users: 5000, apps: 300, seed: 7})
      expect(Date.now() - t0).to.be.below(1000)
      validateScenario(s)
      expect(s.users).to.have.length(5000)
      expect(s.apps).to.have.length(300)
      expect(s.roles.map((r) => r.name).slice(0, 3)).to.deep.equal(['Owner', 'Admin', 'Member'])
      expect(s.roles).to.have.length(10)
      expect(s.roles.some((r) => (r.privilege_scopes ?? []).length > 0)).to.equal(true)
      expect(s.users[0]).to.include({status: 'active', role_id: s.roles[0]!.id})
      const pending = s.users.filter((u) => u.status === 'pending')
      expect(pending.length).to.be.within(50, 300)
      for (const u of pending) expect(u).to.not.have.property('id')
      expect(s.users.filter((u) => u.status === 'inactive').length).to.be.within(100, 500)
      const scopes = new Set(s.apps.flatMap((a) => a.app_scopes))
      for (const sc of [
        'meeting:read:admin',
        'meeting:write:meeting:admin',
        'user:read:admin',
        'recording:read:admin',
        'report:read:admin',
        'webinar:write:admin',
        'meeting:read',
      ])
        expect(scopes.has(sc), sc).to.equal(true)
      expect(s.apps.some((a) => a.listed === false)).to.equal(true)
      expect(s.tokenScopes).to.deep.equal([...AUDITOR_SCOPES])

      // and the fake serves it: every active user in capped pages
      const f = await start(s)
      const token = await tokenOf(f, s)
      const pages = await allPages(f, token, '/users?page_size=2000')
      expect(pages[0].users).to.have.length(300)
      expect(pages.reduce((n, p) => n + p.users.length, 0)).to.equal(
        s.users.filter((u) => u.status === 'active').length,
      )
    })

    it('turns a snapshot into a scenario the fake serves back unchanged', async () => {
      const snapshot = {
        schemaVersion: 1,
        capturedAt: '2026-03-01T00:00:00Z',
        account: {id: 'SnapAcct00000000000001'},
        users: [
          {id: 'u1', email: 'ann@example.com', status: 'active', roleId: 'r-owner', name: 'Ann van Dyke'},
          {id: 'u2', email: 'bo@example.com', status: 'inactive', roleId: 'r-custom'},
          {email: 'cy@example.com', status: 'pending', roleId: 'r-custom', name: 'Cy'},
        ],
        roles: [
          {id: 'r-owner', name: 'Owner', privileges: ['User:Read', 'User:Edit'], privilegeScopes: {}},
          {
            id: 'r-custom',
            name: 'Helpdesk',
            description: 'Support desk',
            privileges: ['User:Read'],
            privilegeScopes: {'User:Read': ['g1', 'g2']},
          },
        ],
        apps: [
          {
            id: 'a1',
            name: 'Listed',
            type: 'OAuthApp',
            status: 'PUBLISHED',
            scopes: ['meeting:read:admin'],
            source: 'list',
          },
          {
            id: 'a2',
            name: 'Only in inventory',
            type: 'unknown',
            status: 'unknown',
            scopes: ['user:read:admin'],
            source: 'inventory',
          },
        ],
      }
      const s = scenarioFromSnapshot(snapshot, {clientId: 'c', clientSecret: 's'})
      expect(s.credentials.accountId).to.equal('SnapAcct00000000000001')
      expect(s.users[0]).to.include({
        first_name: 'Ann',
        last_name: 'van Dyke',
        display_name: 'Ann van Dyke',
        role_id: 'r-owner',
      })
      expect(s.apps.map((a) => a.listed)).to.deep.equal([true, false])
      const f = await start(s)
      const token = await tokenOf(f, s)
      expect((await get(f, token, '/users?status=inactive')).body.users[0]).to.include({id: 'u2', role_id: 'r-custom'})
      expect((await get(f, token, '/users?status=pending')).body.users[0]).to.not.have.property('id')
      expect((await get(f, token, '/roles/r-custom')).body).to.include({description: 'Support desk'})
      expect((await get(f, token, '/roles/r-custom')).body.privilege_scopes).to.deep.equal([
        {permission_id: 'User:Read', group_ids: ['g1', 'g2']},
      ])
      expect((await get(f, token, '/roles/r-owner')).body).to.not.have.property('privilege_scopes')
      expect(
        (await get(f, token, '/marketplace/apps?type=account_created')).body.apps.map((a: Json) => a.app_id),
      ).to.deep.equal(['a1'])
      expect((await get(f, token, '/marketplace/apps/a2')).body.app_scopes).to.deep.equal(['user:read:admin'])
      expect(() => scenarioFromSnapshot({account: {}}, {clientId: 'c', clientSecret: 's'})).to.throw(/account\.id/)
    })
  })
})
