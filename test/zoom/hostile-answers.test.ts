// A hostile Zoom against the client in-process: every malformed answer of the table (bad-answers.ts), 429s with
// useless Retry-After values, stalled and endless bodies. Each case: the error (exit 3) and its sentence, how many
// requests went out, and how long it took.
import {expect} from 'chai'

import {withActions, ZoomError} from '../../src/errors.js'
import {fetchSnapshot} from '../../src/snapshot/fetch.js'
import {ZoomRateLimitError} from '../../src/zoom/errors.js'
import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {BAD_ANSWERS, ROLE, USERS} from './bad-answers.js'
import {apiRequests, clientFor, rejectionOf, sleep, smallAccount} from './support.js'

const NOW = () => new Date('2026-03-01T12:00:00Z')
const INVENTORY = {apps: [{id: 'AppUnlisted00000000005', owner: 'x@example.com'}]}

describe('hostile Zoom answers (client)', function () {
  this.timeout(30_000)
  let fake: FakeZoom
  let cleanRequests = 0
  before(async () => {
    const clean = await startFakeZoom(smallAccount())
    await fetchSnapshot(clientFor(clean), {now: NOW, users: 'all', inventory: INVENTORY})
    cleanRequests = clean.requests.length
    await clean.close()
  })
  // A fake per case: when one read fails, the snapshot's other reads may still be in flight; on a shared fake they
  // would reach the next case and take its fault.
  beforeEach(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  afterEach(() => fake.close())

  for (const bad of BAD_ANSWERS) {
    it(`${bad.name}: exit 3 with one sentence naming the endpoint and the place`, async () => {
      for (const fault of bad.faults) fake.inject(fault)
      const started = Date.now()
      const error = await rejectionOf(fetchSnapshot(clientFor(fake), {now: NOW, users: 'all', inventory: INVENTORY}))
      expect(error, String(error)).to.be.instanceOf(ZoomError)
      expect((error as ZoomError).exitCode).to.equal(3)
      // The line as printed: what went wrong, then what to do.
      expect(withActions((error as ZoomError).message, (error as ZoomError).actions)).to.match(bad.message)
      expect((error as ZoomError).message).not.to.contain('\n')
      expect(fake.requests.length).to.be.at.most(cleanRequests)
      expect(Date.now() - started).to.be.lessThan(10_000)
    })
  }
})

describe('hostile Zoom transport (client)', function () {
  this.timeout(30_000)
  let fake: FakeZoom
  beforeEach(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  afterEach(() => fake.close())

  const useless = ['0', '-5', 'soon', 'Thu, 01 Jan 1970 00:00:00 GMT', '2020-01-01T00:00:00Z', '']
  for (const value of useless) {
    it(`Retry-After ${JSON.stringify(value)}: at least 1 s between attempts, at most maxAttempts, then exit 3`, async () => {
      fake.inject({match: {endpoint: ROLE}, times: Infinity, fault: {kind: 'rate-limit', retryAfter: {raw: value}}})
      const client = clientFor(fake, {maxAttempts: 3})
      const started = Date.now()
      const error = (await rejectionOf(client.getRole('1'))) as ZoomRateLimitError
      expect(error).to.be.instanceOf(ZoomRateLimitError)
      expect(error.exitCode).to.equal(3)
      expect(error.message).to.equal(
        'Zoom keeps rate-limiting GET /roles/{roleId}: still HTTP 429 after 3 attempts; stopped.',
      )
      // What to do is carried apart from what went wrong (the CLI prints it after the message).
      expect(error.actions).to.deep.equal(['Try again later.'])
      const sent = apiRequests(fake, ROLE)
      expect(sent).to.have.length(3)
      for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).to.be.at.least(990)
      expect(Date.now() - started).to.be.within(1990, 6000)
    })
  }

  it('a 429 holds every endpoint of its rate-limit label until Retry-After, not only its own endpoint', async () => {
    // GET /roles/{roleId} and GET /users/{userId} are both Light; GET /users is Medium.
    fake.inject({match: {endpoint: ROLE}, fault: {kind: 'rate-limit', retryAfter: 2}})
    const client = clientFor(fake)
    const limited = client.getRole('1')
    while (client.stats.rateLimitWaits === 0) await sleep(10) // the client has seen the 429
    const sameLabel = Promise.all(['olivia.owner@example.com', 'adam.admin@example.com'].map((u) => client.getUser(u)))
    const otherLabelStarted = Date.now()
    await client.listUsers('active').all()
    expect(Date.now() - otherLabelStarted).to.be.lessThan(1000)
    await Promise.all([limited, sameLabel])
    expect(fake.violations).to.deep.equal([])
    const rateLimited = fake.requests.find((r) => r.status === 429)!
    const light = fake.requests.filter(
      (r) => r !== rateLimited && (r.endpoint === ROLE || r.endpoint === 'GET /v2/users/{userId}'),
    )
    expect(light.length).to.equal(3)
    for (const request of light)
      expect(
        request.at - rateLimited.at,
        JSON.stringify(light.map((r) => [r.endpoint, r.at - rateLimited.at, r.status])),
      ).to.be.at.least(1990)
  })

  it('a body that stalls mid-way is a network error: retried like a reset, then its own message', async () => {
    fake.inject({match: {endpoint: USERS}, times: Infinity, fault: {kind: 'stall', afterBytes: 20}})
    const client = clientFor(fake, {requestTimeoutMs: 300, retries: 2})
    const started = Date.now()
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.equal('Zoom stopped sending its answer to GET /users (HTTP 200, 3 attempt(s)).')
    expect(error.actions).to.deep.equal(['Try again later.'])
    expect(error.message).not.to.contain('HTTP 200: OK')
    expect(apiRequests(fake, USERS)).to.have.length(3)
    expect(Date.now() - started).to.be.lessThan(3 * 300 + 200 + 1500)
  })

  it('a stalled body that recovers on retry gives the full answer', async () => {
    fake.inject({match: {endpoint: USERS}, fault: {kind: 'stall'}})
    const client = clientFor(fake, {requestTimeoutMs: 300})
    const users = await client.listUsers('active').all()
    expect(users.length).to.be.greaterThan(0)
    expect(apiRequests(fake, USERS).map((r) => r.status)).to.deep.equal([200, 200])
  })

  it('a request that takes longer than a few seconds is announced; a dead endpoint costs timeout × attempts', async () => {
    fake.inject({match: {endpoint: ROLE}, times: Infinity, fault: {kind: 'hang'}})
    const notices: string[] = []
    const client = clientFor(fake, {
      requestTimeoutMs: 400,
      retries: 2,
      noticeAfterMs: 200,
      onNotice: (message) => notices.push(message),
    })
    const started = Date.now()
    const error = (await rejectionOf(client.getRole('1'))) as ZoomError
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.match(/did not answer GET \/roles\/\{roleId\} in time after 2 retries/)
    expect(apiRequests(fake, ROLE)).to.have.length(3)
    expect(Date.now() - started).to.be.lessThan(3 * 400 + 1500)
    expect(notices[0]).to.equal(
      "Still waiting for Zoom's answer to GET /roles/{roleId} (each attempt gives up after 0.4 s, at most 6 attempts).",
    )
    expect(notices.slice(1).map((notice) => notice.replace(/again in \d+(\.\d)? s/, 'again in N s'))).to.deep.equal([
      'No answer from Zoom to GET /roles/{roleId} within 0.4 s; trying again in N s (attempt 2 of at most 3).',
      'No answer from Zoom to GET /roles/{roleId} within 0.4 s; trying again in N s (attempt 3 of at most 3).',
    ])
  })

  it('an answer larger than the cap stops with exit 3, counted after decompression', async () => {
    fake.inject({match: {endpoint: USERS}, fault: {kind: 'gzip-bomb', megabytes: 64}})
    const client = clientFor(fake, {maxBodyBytes: 8 * 1024 * 1024})
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.match(/^Zoom's answer to GET \/users is larger than 8 MB; stopped reading it\./)
    expect(apiRequests(fake, USERS)).to.have.length(1)
  })

  it('an uncompressed answer larger than the cap is cancelled while it arrives', async () => {
    fake.inject({
      match: {endpoint: USERS},
      fault: {kind: 'raw', body: `{"users": [], "pad": "${'x'.repeat(3 * 1024 * 1024)}"}`},
    })
    const client = clientFor(fake, {maxBodyBytes: 1024 * 1024})
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.match(/^Zoom's answer to GET \/users is larger than 1 MB/)
    expect(apiRequests(fake, USERS)).to.have.length(1)
  })
})
