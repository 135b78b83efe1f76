import {expect} from 'chai'

import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {ZoomError} from '../../src/errors.js'
import {fetchSnapshot} from '../../src/snapshot/fetch.js'
import type {EndpointTemplate, RateLimitLabel} from '../../src/zoom/endpoints.js'
import {ZoomRateLimitError} from '../../src/zoom/errors.js'
import {isDailyLimit, parseRetryAfter} from '../../src/zoom/rate-limit-gate.js'
import {apiRequests, clientFor, rejectionOf, sleep, smallAccount, withManyUsers} from './support.js'

const NOW = () => new Date('2026-03-01T12:00:00Z')
const ROLE = 'GET /v2/roles/{roleId}'

describe('zoom client: rate limits, retries, concurrency', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  beforeEach(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  afterEach(() => fake.close())

  /** After a 429 on ROLE, no request to ROLE arrives before its Retry-After; returns the 429's wait in ms. */
  function expectRetryAfterHonoured(): number {
    expect(fake.violations).to.deep.equal([])
    const roleRequests = apiRequests(fake, ROLE)
    const limited = roleRequests.filter((r) => r.status === 429)
    expect(limited).to.have.length(1)
    const first = limited[0]!
    const later = roleRequests.filter((r) => r.at > first.at)
    expect(later.length).to.be.greaterThan(0)
    return Math.min(...later.map((r) => r.at)) - first.at
  }

  it('429 with Retry-After in seconds: waits, then retries; other calls to that endpoint wait too', async () => {
    const client = clientFor(fake, {retries: 0})
    fake.inject({match: {endpoint: ROLE}, fault: {kind: 'rate-limit', retryAfter: 1}})
    const first = client.getRole('1')
    await sleep(150) // the 429 is in; these calls start while the endpoint is gated
    const others = Promise.all(['0', '2'].map((id) => client.getRole(id)))
    const otherEndpointStart = Date.now()
    await client.listRoles().all() // a different endpoint is not held back
    expect(Date.now() - otherEndpointStart).to.be.lessThan(500)
    const roles = [await first, ...(await others)]
    expect(roles.map((r) => r.id)).to.deep.equal(['1', '0', '2'])
    expect(expectRetryAfterHonoured()).to.be.at.least(1000)
    expect(client.stats).to.include({rateLimitWaits: 1, retries: 1})
  })

  for (const form of ['date', 'iso'] as const) {
    it(`429 with Retry-After as ${form === 'date' ? 'an HTTP date' : 'an ISO-8601 timestamp'}: no request before it`, async () => {
      const client = clientFor(fake, {retries: 0})
      fake.inject({match: {endpoint: ROLE}, fault: {kind: 'rate-limit', retryAfter: form, seconds: 1}})
      const limited = client.getRole('1')
      await sleep(100)
      const more = client.getRole('2')
      expect((await limited).id).to.equal('1')
      expect((await more).id).to.equal('2')
      const header = apiRequests(fake, ROLE).find((r) => r.status === 429)
      expect(header).not.to.equal(undefined)
      expect(expectRetryAfterHonoured()).to.be.greaterThan(0)
    })
  }

  it('429 waits do not use the small 5xx retry budget', async () => {
    const client = clientFor(fake, {retries: 0})
    fake.inject({match: {endpoint: ROLE}, times: 2, fault: {kind: 'rate-limit', retryAfter: 1}})
    expect((await client.getRole('1')).id).to.equal('1')
    expect(apiRequests(fake, ROLE).map((r) => r.status)).to.deep.equal([429, 429, 200])
    expect(fake.violations).to.deep.equal([])
    expect(client.stats.rateLimitWaits).to.equal(2)
  })

  it('429 waits are bounded by total time: exit 3 once waiting would exceed the maximum', async () => {
    const client = clientFor(fake, {maxRateLimitWaitMs: 1500})
    fake.inject({match: {endpoint: ROLE}, times: Infinity, fault: {kind: 'rate-limit', retryAfter: 1}})
    const error = (await rejectionOf(client.getRole('1'))) as ZoomRateLimitError
    expect(error).to.be.instanceOf(ZoomRateLimitError)
    expect(error.exitCode).to.equal(3)
    expect(error.code).to.equal('zoom_rate_limited')
    expect(error.message).to.contain('GET /roles/{roleId}')
    expect(apiRequests(fake, ROLE)).to.have.length(2)
  })

  it('a daily-limit 429 stops at once with exit 3, saying when the quota resets', async () => {
    const client = clientFor(fake)
    fake.inject({
      match: {endpoint: ROLE},
      fault: {kind: 'rate-limit', retryAfter: 'iso', seconds: 3 * 3600, daily: true},
    })
    const error = (await rejectionOf(client.getRole('1'))) as ZoomRateLimitError
    expect(error).to.be.instanceOf(ZoomRateLimitError)
    expect(error.exitCode).to.equal(3)
    expect(error.code).to.equal('zoom_daily_limit')
    const answered = apiRequests(fake, ROLE)
    expect(answered).to.have.length(1)
    const resetAt = String(error.details.resetAt)
    expect(error.message).to.contain(`resets at ${resetAt}`)
    const expected = Math.ceil((answered[0]!.at + 3 * 3600_000) / 1000) * 1000 // the fake rounds up to the second
    expect(Math.abs(Date.parse(resetAt) - expected)).to.be.lessThan(1000)
  })

  it('recognises Retry-After forms and daily limits', () => {
    const now = Date.parse('2026-03-01T12:00:00Z')
    expect(parseRetryAfter('2', now)).to.equal(2000)
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:03 GMT', now)).to.equal(3000)
    expect(parseRetryAfter('2026-03-01T12:00:04Z', now)).to.equal(4000)
    expect(parseRetryAfter('soon', now)).to.equal(undefined)
    expect(isDailyLimit('Daily-limit', undefined)).to.equal(true)
    expect(isDailyLimit(undefined, 'You have reached the maximum daily rate limit for this API.')).to.equal(true)
    expect(
      isDailyLimit(undefined, 'You have reached the maximum per-second rate limit for this API. Try again later.'),
    ).to.equal(false)
  })

  it('survives 5xx answers and connection resets with results identical to a clean run', async () => {
    await fake.close()
    const scenario = withManyUsers(smallAccount(), 250)
    scenario.pageCaps = {'GET /v2/users': 100}
    fake = await startFakeZoom(scenario)
    const options = {
      now: NOW,
      users: 'all' as const,
      inventory: {apps: [{id: 'AppUnlisted00000000005', owner: 'ivan.inactive@example.com'}]},
    }
    const clean = await fetchSnapshot(clientFor(fake), options)
    fake.reset()

    fake.inject({match: {endpoint: 'GET /v2/users'}, times: 2, fault: {kind: 'status', status: 500}})
    fake.inject({match: {endpoint: 'GET /v2/users', query: {status: 'inactive'}}, fault: {kind: 'reset'}})
    fake.inject({match: {endpoint: 'GET /v2/roles'}, fault: {kind: 'status', status: 503}})
    fake.inject({match: {endpoint: ROLE}, times: 2, fault: {kind: 'reset'}})
    fake.inject({
      match: {endpoint: 'GET /v2/marketplace/apps/{appId}'},
      fault: {kind: 'status', status: 502, body: '<html>Bad gateway</html>'},
    })
    const client = clientFor(fake)
    const survived = await fetchSnapshot(client, options)
    expect(survived).to.deep.equal(clean)
    expect(client.stats.retries).to.equal(7)
    expect(fake.requests.filter((r) => r.fault !== undefined)).to.have.length(7)
  })

  it('gives up with exit 3 after a bounded number of 5xx retries, with backoff between them', async () => {
    const client = clientFor(fake, {retries: 2, retryBaseDelayMs: 100})
    fake.inject({match: {endpoint: ROLE}, times: Infinity, fault: {kind: 'status', status: 502}})
    const error = (await rejectionOf(client.getRole('1'))) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.match(/HTTP 502.*after 2 retries/)
    const at = apiRequests(fake, ROLE).map((r) => r.at)
    expect(at).to.have.length(3)
    expect(at[1]! - at[0]!).to.be.at.least(45) // 100 ms · [0.5, 1]
    expect(at[2]! - at[1]!).to.be.at.least(95) // 200 ms · [0.5, 1]
  })

  it('a request that takes too long times out (timeout.request) with exit 3', async () => {
    const client = clientFor(fake, {retries: 0, requestTimeoutMs: 300})
    await client.token()
    fake.inject({match: {endpoint: ROLE}, fault: {kind: 'delay', ms: 2000}})
    const error = (await rejectionOf(client.getRole('1'))) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.code).to.equal('zoom_timeout')
    expect(error.message).to.equal(`Zoom (${new URL(fake.url).host}) did not answer GET /roles/{roleId} in time.`)
  })

  it('an unreachable host fails with exit 3 and one clear line', async () => {
    const client = clientFor(fake, {retries: 0}, {ZOOM_OAUTH_URL: 'http://127.0.0.1:1/oauth/token'})
    const error = (await rejectionOf(client.listRoles().all())) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.equal('Could not reach Zoom at 127.0.0.1:1 for POST /oauth/token: ECONNREFUSED.')
  })

  it('keeps at most `concurrency` calls in flight, and asks the limiter before each request', async () => {
    const seen: Array<{endpoint: EndpointTemplate; label: RateLimitLabel}> = []
    const client = clientFor(fake, {
      concurrency: 2,
      limiter: async (request) => {
        seen.push(request)
      },
    })
    await client.token()
    fake.inject({match: {endpoint: ROLE}, times: Infinity, fault: {kind: 'delay', ms: 150}})
    await Promise.all(
      ['0', '1', '2', 'RrptV1ewerRoleXyZ00002', 'RmtgAdm1nRoleXyZ000001', '1'].map((id) => client.getRole(id)),
    )
    const at = apiRequests(fake, ROLE)
      .map((r) => r.at)
      .sort((a, b) => a - b)
    expect(at).to.have.length(6)
    for (let i = 2; i < at.length; i++) expect(at[i]! - at[i - 2]!).to.be.at.least(140)
    expect(seen).to.have.length(6)
    expect(seen[0]).to.deep.equal({endpoint: 'GET /roles/{roleId}', label: 'LIGHT'})
  })
})
