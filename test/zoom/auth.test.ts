import {expect} from 'chai'

import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {ZoomError} from '../../src/errors.js'
import {fetchSnapshot} from '../../src/snapshot/fetch.js'
import {ReadOnlyViolationError, ZoomMissingScopesError} from '../../src/zoom/errors.js'
import {createApiHttp, createGuardedHttp} from '../../src/zoom/http.js'
import {TokenSource} from '../../src/zoom/token.js'
import {missingScopes} from '../../src/zoom/translate-error.js'
import {
  NO_ROLE_SCOPES,
  apiRequests,
  clientFor,
  everythingIn,
  httpDepsFor,
  rejectionOf,
  smallAccount,
  tokenRequests,
} from './support.js'
import {loadScenario} from '../fake-zoom/index.js'

const NOW = () => new Date('2026-03-01T12:00:00Z')

describe('zoom client: token, credentials, read-only', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  beforeEach(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  afterEach(() => fake.close())

  it('mints one token per run, as documented (Basic auth, form body), for many concurrent calls', async () => {
    const client = clientFor(fake)
    await fetchSnapshot(client, {now: NOW, users: 'all'})
    const minted = tokenRequests(fake)
    expect(minted).to.have.length(1)
    const [token] = minted
    const {clientId, clientSecret, accountId} = fake.scenario.credentials
    expect(token!.method).to.equal('POST')
    expect(token!.headers.authorization).to.equal(
      `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    )
    expect(token!.headers['content-type']).to.contain('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(token!.body))).to.deep.equal({
      grant_type: 'account_credentials',
      account_id: accountId,
    })
    expect(client.stats.tokenMints).to.equal(1)
    expect(apiRequests(fake).length).to.equal(client.stats.apiCalls).and.to.be.greaterThan(10)
  })

  it('reuses the token until shortly before expires_in, then mints a new one', async () => {
    fake.scenario.tokenTtlSeconds = 600
    let clock = Date.now()
    const client = clientFor(fake, {now: () => clock})
    await client.getRole('1')
    clock += 500_000 // still > 60 s before expiry
    await client.getRole('2')
    expect(tokenRequests(fake)).to.have.length(1)
    clock += 50_000 // 50 s before expiry: inside the renewal margin
    await client.getRole('0')
    expect(tokenRequests(fake)).to.have.length(2)
    expect(client.stats.tokenMints).to.equal(2)
  })

  it('mints again once when Zoom answers 401 code 124, shared by concurrent calls', async () => {
    const client = clientFor(fake)
    await client.getRole('1')
    fake.expireTokens()
    const roles = await Promise.all(['0', '1', '2', 'RrptV1ewerRoleXyZ00002'].map((id) => client.getRole(id)))
    expect(roles.map((r) => r.id)).to.deep.equal(['0', '1', '2', 'RrptV1ewerRoleXyZ00002'])
    expect(tokenRequests(fake)).to.have.length(2)
    expect(client.stats.tokenMints).to.equal(2)
    expect(fake.violations).to.deep.equal([])
  })

  it('gives up with exit 3 when the fresh token is rejected too (one re-mint, not a loop)', async () => {
    const client = clientFor(fake)
    fake.inject({
      match: {endpoint: 'GET /v2/roles'},
      times: Infinity,
      fault: {kind: 'status', status: 401, body: {code: 124, message: 'Invalid access token.'}},
    })
    const error = await rejectionOf(client.listRoles().all())
    expect(error).to.be.instanceOf(ZoomError)
    expect((error as ZoomError).exitCode).to.equal(3)
    expect((error as ZoomError).details).to.include({status: 401, zoomCode: 124})
    expect(tokenRequests(fake)).to.have.length(2)
    expect(apiRequests(fake, 'GET /v2/roles')).to.have.length(2)
  })

  it("wrong credentials: ZoomError with Zoom's reason, and neither the secret nor a token anywhere in it", async () => {
    const client = clientFor(fake, {}, {ZOOM_CLIENT_SECRET: 'definitely-the-wrong-secret'})
    const error = await rejectionOf(client.listRoles().all())
    expect(error).to.be.instanceOf(ZoomError)
    const zoomError = error as ZoomError
    expect(zoomError.exitCode).to.equal(3)
    expect(zoomError.code).to.equal('zoom_auth_failed')
    expect(zoomError.message).to.contain('Invalid client_id or client_secret')
    expect(zoomError.message).not.to.contain('\n')
    expect(zoomError.details).to.include({status: 400, zoomError: 'invalid_client'})
    expect(zoomError.cause).to.equal(undefined)
    const shown = everythingIn(error)
    const basic = Buffer.from(`${fake.scenario.credentials.clientId}:definitely-the-wrong-secret`).toString('base64')
    expect(shown).not.to.contain('definitely-the-wrong-secret')
    expect(shown).not.to.contain(basic)
    expect(shown).not.to.contain('authorization')
  })

  it('asks for a token only once when Zoom refuses the credentials, however many calls want one', async () => {
    const client = clientFor(fake, {}, {ZOOM_CLIENT_SECRET: 'definitely-the-wrong-secret'})
    const error = await rejectionOf(fetchSnapshot(client, {now: NOW, users: 'all'}))
    expect(error).to.be.instanceOf(ZoomError)
    expect(await rejectionOf(client.getRole('1'))).to.equal(error)
    expect(tokenRequests(fake)).to.have.length(1)
    expect(apiRequests(fake)).to.deep.equal([])
  })

  it('API errors after minting carry neither the secret nor the access token', async () => {
    const client = clientFor(fake, {retries: 0})
    fake.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'status', status: 500}})
    const error = await rejectionOf(client.listRoles().all())
    expect(error).to.be.instanceOf(ZoomError)
    expect((error as ZoomError).message).to.match(/^Zoom API error on GET \/roles \(HTTP 500, code 500\)/)
    const bearer = apiRequests(fake, 'GET /v2/roles')[0]!.headers.authorization!.replace(/^Bearer /, '')
    expect(bearer.length).to.be.greaterThan(20)
    const shown = everythingIn(error)
    expect(shown).not.to.contain(bearer)
    expect(shown).not.to.contain(fake.scenario.credentials.clientSecret)
  })

  it('a server that echoes the token or secret back still cannot make us show it', async () => {
    const client = clientFor(fake, {retries: 0})
    await client.getRole('1')
    const bearer = apiRequests(fake)[0]!.headers.authorization!.replace(/^Bearer /, '')
    const secret = fake.scenario.credentials.clientSecret
    fake.inject({
      match: {endpoint: 'GET /v2/roles'},
      fault: {kind: 'status', status: 400, body: {code: 99, message: `bad ${bearer} and ${secret}`}},
    })
    const shown = everythingIn(await rejectionOf(client.listRoles().all()))
    expect(shown).to.contain('bad *** and ***')
    expect(shown).not.to.contain(bearer)
    expect(shown).not.to.contain(secret)
  })

  it('missing scopes: names the scopes to add to the auditor app', async () => {
    await fake.close()
    fake = await startFakeZoom(loadScenario(NO_ROLE_SCOPES))
    const client = clientFor(fake)
    const error = await rejectionOf(client.listRoles().all())
    expect(error).to.be.instanceOf(ZoomMissingScopesError)
    const missing = error as ZoomMissingScopesError
    expect(missing.exitCode).to.equal(3)
    expect(missing.scopes).to.deep.equal(['role:read:list_roles', 'role:read:list_roles:admin'])
    expect(missing.message).to.contain('role:read:list_roles, role:read:list_roles:admin')
    expect(missing.message).to.contain("auditor's app")
    expect(missing.details).to.include({status: 400, zoomCode: 4700})
  })

  it('missing scopes: keyed on the message, also without a space before the list and with another code', async () => {
    const client = clientFor(fake)
    const message =
      'Invalid access token, does not contain scopes:[contact:read:list_contacts, contact:read:list_contacts:admin].'
    fake.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'status', status: 400, body: {code: 4711, message}}})
    const error = (await rejectionOf(client.listRoles().all())) as ZoomMissingScopesError
    expect(error).to.be.instanceOf(ZoomMissingScopesError)
    expect(error.scopes).to.deep.equal(['contact:read:list_contacts', 'contact:read:list_contacts:admin'])
    expect(missingScopes('Invalid access token, does not contain scopes: [report:read:admin].')).to.deep.equal([
      'report:read:admin',
    ])
    expect(missingScopes('Invalid access token, does not contain role:read:admin scope.')).to.deep.equal([
      'role:read:admin',
    ])
    expect(missingScopes('Invalid access token.')).to.equal(undefined)
  })

  it('sends only GETs under /v2 during a whole snapshot', async () => {
    const client = clientFor(fake)
    await fetchSnapshot(client, {
      now: NOW,
      users: 'all',
      inventory: {apps: [{id: 'AppUnlisted00000000005', owner: 'x@example.com'}]},
    })
    const v2 = apiRequests(fake)
    expect(v2.length).to.be.greaterThan(0)
    expect(v2.filter((r) => r.method !== 'GET')).to.deep.equal([])
    expect(fake.requests.filter((r) => !r.path.startsWith('/v2/')).map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      'POST /oauth/token',
    ])
    expect(fake.violations).to.deep.equal([])
  })

  it('the read-only guard throws before anything but GET under the API URL or POST to the token URL is sent', async () => {
    const deps = httpDepsFor(fake, {requestTimeoutMs: 2000, maxBodyBytes: 1024 * 1024})
    const tokens = new TokenSource(
      async () => ({access_token: 'guard-test-token-xyz'}),
      Date.now,
      () => {},
    )
    const api = createApiHttp(createGuardedHttp(deps), tokens, deps)
    const attempts = [
      () => api.post(`${fake.apiUrl}/users`, {json: {email: 'x@example.com'}}),
      () => api.delete(`${fake.apiUrl}/roles/2`),
      () => api.patch(`${fake.apiUrl}/roles/2`, {json: {}}),
      () => api.get(`${fake.url}/oauth/token`),
      () => api.post(`${fake.apiUrl}/oauth/token`),
      () => api.get('http://127.0.0.1:1/v2/users'),
    ]
    for (const attempt of attempts) {
      const error = await rejectionOf(attempt())
      expect(error).to.be.instanceOf(ReadOnlyViolationError)
      expect((error as ReadOnlyViolationError).exitCode).to.equal(4)
    }
    expect(fake.requests).to.deep.equal([])
    // …while an allowed request does go out through the same instance (the fake refuses the stub token).
    await rejectionOf(api.get(`${fake.apiUrl}/roles/1`))
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal(['GET /v2/roles/1 401'])
  })

  describe('api_url rule', () => {
    let regional: FakeZoom
    beforeEach(async () => {
      // A second server stands in for the regional host named by the token's api_url.
      regional = await startFakeZoom(smallAccount())
      fake.scenario.tokenApiUrl = regional.url
    })
    afterEach(() => regional.close())

    it("without ZOOM_API_URL or --api-url, the token's api_url (+ /v2) on the token URL's own origin is used", async () => {
      fake.scenario.tokenApiUrl = fake.url
      const client = clientFor(fake, {retries: 0})
      expect(await client.apiUrl()).to.equal(`${fake.url}/v2`)
      expect(await client.token()).to.deep.include({apiUrl: fake.url})
      expect((await client.listRoles().all()).length).to.be.greaterThan(0)
      expect(client.warnings).to.deep.equal([])
      expect(regional.requests).to.deep.equal([])
    })

    it('an https zoom.us api_url is used; any other host, or plain http, is ignored with a warning', async () => {
      const cases: Array<[string, string | undefined]> = [
        ['https://api-eu.zoom.us', 'https://api-eu.zoom.us/v2'],
        ['https://zoom.us/', 'https://zoom.us/v2'],
        ['http://api.zoom.us', undefined],
        ['https://api.zoom.us.example.com', undefined],
        ['https://evilzoom.us', undefined],
        [regional.url, undefined],
        ['not a url', undefined],
      ]
      for (const [apiUrl, expected] of cases) {
        fake.scenario.tokenApiUrl = apiUrl
        const notices: string[] = []
        const client = clientFor(fake, {retries: 0, onNotice: (message) => notices.push(message)})
        expect(await client.apiUrl(), apiUrl).to.equal(expected ?? 'https://api.zoom.us/v2')
        if (expected) {
          expect(client.warnings, apiUrl).to.deep.equal([])
        } else {
          expect(client.warnings, apiUrl).to.have.length(1)
          expect(client.warnings[0]).to.match(
            /^Ignored the api_url .* of Zoom's token answer .*; using https:\/\/api\.zoom\.us\/v2\.$/,
          )
          expect(notices).to.deep.equal(client.warnings)
          expect((await client.token()).apiUrl).to.equal(undefined)
        }
      }
      // Nothing was sent anywhere but the token URL (no API call was made).
      expect(regional.requests).to.deep.equal([])
      expect(apiRequests(fake)).to.deep.equal([])
    })

    it('ZOOM_API_URL is used as given, whatever the token says', async () => {
      const client = clientFor(fake, {}, {ZOOM_API_URL: fake.apiUrl})
      expect((await client.listRoles().all()).length).to.be.greaterThan(0)
      expect(await client.apiUrl()).to.equal(fake.apiUrl)
      expect(regional.requests).to.deep.equal([])
    })

    it('--api-url wins over ZOOM_API_URL', async () => {
      const client = clientFor(fake, {}, {ZOOM_API_URL: regional.apiUrl}, {'api-url': fake.apiUrl})
      await client.getRole('1')
      expect(regional.requests).to.deep.equal([])
      expect(apiRequests(fake, 'GET /v2/roles/{roleId}')).to.have.length(1)
    })

    it("token() gives the token's scopes for a doctor command", async () => {
      const client = clientFor(fake)
      const token = await client.token()
      expect(token.scopes).to.deep.equal([...fake.scenario.tokenScopes].sort())
      await client.token()
      expect(tokenRequests(fake)).to.have.length(1)
    })
  })
})
