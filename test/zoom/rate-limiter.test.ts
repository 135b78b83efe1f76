// the per-label sliding-window limiter, on a virtual clock (exact) and in the client (real time,
// against the fake Zoom API).
import {expect} from 'chai'

import {SEND_STAMP_ALLOWANCE_MS} from '../fake-zoom/client-probe.mjs'
import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import type {RateLimitLabel} from '../../src/zoom/endpoints.js'
import {RateLimiter} from '../../src/zoom/rate-limiter.js'
import {rateBudget, type RateBudget} from '../../src/zoom/rate-plans.js'
import {apiRequests, clientFor, smallAccount} from './support.js'

/** A clock that only moves when every pending promise is settled and a sleeper is due. */
class VirtualTime {
  t = 0
  private timers: Array<{at: number; seq: number; resolve: () => void}> = []
  private seq = 0
  now = (): number => this.t
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({at: this.t + ms, seq: this.seq++, resolve})
    })

  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false
    void work.then(
      () => (settled = true),
      () => (settled = true),
    )
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve))
      if (settled) return work
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers.shift()
      if (!next) throw new Error('deadlock: nothing to wait for')
      this.t = Math.max(this.t, next.at)
      next.resolve()
    }
  }
}

/** The most releases (or sends) of one label in any window [t, t + windowMs); times may have fractions of a ms. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

const BUDGET: RateBudget = rateBudget('business', 50) // LIGHT 40/s, MEDIUM 30/s, HEAVY 20/s, RI 10/min

describe('rate limiter (virtual clock)', () => {
  it('releases at most N per window and says how long to wait; the window has a 20 ms guard', () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter({...BUDGET, MEDIUM: {requests: 3, windowMs: 1000}}, {now: clock.now})
    expect([1, 2, 3].map(() => limiter.tryTake('MEDIUM'))).to.deep.equal([0, 0, 0])
    expect(limiter.tryTake('MEDIUM')).to.equal(1020)
    clock.t = 1019
    expect(limiter.tryTake('MEDIUM')).to.equal(1)
    clock.t = 1020
    expect(limiter.tryTake('MEDIUM')).to.equal(0)
    expect(limiter.tryTake('MEDIUM')).to.equal(0)
    expect(limiter.tryTake('MEDIUM')).to.equal(0)
    expect(limiter.tryTake('MEDIUM')).to.equal(1020)
  })

  it('labels are independent buckets: an exhausted Medium budget does not hold back Light', () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(BUDGET, {now: clock.now})
    for (let i = 0; i < 30; i++) expect(limiter.tryTake('MEDIUM')).to.equal(0)
    expect(limiter.tryTake('MEDIUM')).to.be.greaterThan(0)
    for (let i = 0; i < 40; i++) expect(limiter.tryTake('LIGHT'), `light #${i}`).to.equal(0)
    expect(limiter.tryTake('LIGHT')).to.be.greaterThan(0)
    expect(limiter.tryTake('HEAVY')).to.equal(0)
  })

  it('400 concurrent requests (200 Medium, 200 Light): every window under budget, each label at its own pace', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(BUDGET, {now: clock.now, sleep: clock.sleep})
    const released: Record<string, number[]> = {MEDIUM: [], LIGHT: []}
    const one = async (label: RateLimitLabel) => {
      await limiter.acquire(label)
      released[label]!.push(clock.now())
    }
    await clock.run(
      Promise.all([
        ...Array.from({length: 200}, () => one('MEDIUM')),
        ...Array.from({length: 200}, () => one('LIGHT')),
      ]),
    )
    expect(busiestWindow(released.MEDIUM!, 1000)).to.equal(30)
    expect(busiestWindow(released.LIGHT!, 1000)).to.equal(40)
    // Even a window as long as the guarded one holds no more: 30 and 40.
    expect(busiestWindow(released.MEDIUM!, 1020)).to.equal(30)
    expect(busiestWindow(released.LIGHT!, 1020)).to.equal(40)
    // 200 / 30 → 7 windows (the 7th starts at 6 × 1020 ms); 200 / 40 → 5 windows, done long before Medium.
    expect(Math.max(...released.MEDIUM!)).to.equal(6 * 1020)
    expect(Math.max(...released.LIGHT!)).to.equal(4 * 1020)
    expect(limiter.stats().MEDIUM).to.include({sent: 200, waits: 170})
    expect(limiter.stats().LIGHT).to.include({sent: 200, waits: 160})
  })

  it('a fractional budget stretches the window: Free Heavy at 50 % is one request per 2 s', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(rateBudget('free', 50), {now: clock.now, sleep: clock.sleep})
    const at: number[] = []
    await clock.run(
      Promise.all(
        [1, 2, 3, 4].map(async () => {
          await limiter.acquire('HEAVY')
          at.push(clock.now())
        }),
      ),
    )
    expect(at).to.deep.equal([0, 2020, 4040, 6060])
  })

  it('per-minute labels: Business Resource-intensive at 50 % sends 10, then waits for the minute', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(BUDGET, {now: clock.now, sleep: clock.sleep})
    const at: number[] = []
    await clock.run(
      Promise.all(
        Array.from({length: 12}, async () => {
          await limiter.acquire('RESOURCE_INTENSIVE')
          at.push(clock.now())
        }),
      ),
    )
    expect(at.filter((t) => t === 0)).to.have.length(10)
    expect(at.slice(10)).to.deep.equal([60_020, 60_020])
  })

  it('as the client seam, waits outside the concurrency slot and only when it must', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(
      {...BUDGET, LIGHT: {requests: 1, windowMs: 1000}},
      {now: clock.now, sleep: clock.sleep},
    )
    let outside = 0
    const context = {
      outsideSlot: async <T>(wait: () => Promise<T>) => {
        outside++
        return wait()
      },
    }
    await clock.run(limiter.limiter({endpoint: 'GET /roles/{roleId}', label: 'LIGHT'}, context))
    expect(outside).to.equal(0)
    await clock.run(limiter.limiter({endpoint: 'GET /roles/{roleId}', label: 'LIGHT'}, context))
    expect(outside).to.equal(1)
    expect(clock.t).to.equal(1020)
  })

  it('refuses a budget of less than one request', () => {
    expect(() => new RateLimiter({...BUDGET, LIGHT: {requests: 0, windowMs: 1000}})).to.throw(RangeError)
  })
})

describe('rate limiter: pages of listings go first (virtual clock)', () => {
  // Medium `requests` a window (1020 ms with the guard), filled at t = 0; then requests queue in the order given (p: a
  // page of a listing, c: an independent call) and are released in the order and at the times shown (name@ms).
  const table: Array<{name: string; requests: number; queued: string; released: string}> = [
    {
      // Once a page went: calls window ÷ (4 − 1 page) = 340 ms apart, and one room kept free for the next page.
      name: 'a page queued after calls goes first; then calls share the window with the listing',
      requests: 4,
      queued: 'c1 c2 c3 p1',
      released: 'p1@1020 c1@1020 c2@1360 c3@2040',
    },
    {
      name: 'pages before calls, first come first served within each kind',
      requests: 4,
      queued: 'p1 c1 p2 c2',
      released: 'p1@1020 p2@1020 c1@1020 c2@2040',
    },
    {
      name: 'while calls wait, at most requests − 1 pages in a row: a call in every window',
      requests: 4,
      queued: 'c1 c2 p1 p2 p3 p4 p5',
      released: 'p1@1020 p2@1020 p3@1020 c1@1020 p4@2040 p5@2040 c2@2040',
    },
    {
      name: 'one request a window: pages and calls take turns',
      requests: 1,
      queued: 'c1 p1 p2',
      released: 'p1@1020 c1@2040 p2@3060',
    },
    {
      name: 'calls alone: first come first served, the whole window at once (no listing: no pacing)',
      requests: 4,
      queued: 'c1 c2 c3',
      released: 'c1@1020 c2@1020 c3@1020',
    },
    {
      name: 'pages alone: first come first served',
      requests: 2,
      queued: 'p1 p2 p3',
      released: 'p1@1020 p2@1020 p3@2040',
    },
  ]
  for (const row of table) {
    it(row.name, async () => {
      const clock = new VirtualTime()
      const limiter = new RateLimiter(
        {...BUDGET, MEDIUM: {requests: row.requests, windowMs: 1000}},
        {now: clock.now, sleep: clock.sleep},
      )
      for (let i = 0; i < row.requests; i++) expect(limiter.tryTake('MEDIUM')).to.equal(0)
      const released: string[] = []
      await clock.run(
        Promise.all(
          row.queued.split(' ').map(async (name) => {
            await limiter.acquire('MEDIUM', {listingPage: name.startsWith('p')})
            released.push(`${name}@${clock.now()}`)
          }),
        ),
      )
      expect(released.join(' ')).to.equal(row.released)
    })
  }

  it('a listing with a 150 ms round trip beside a backlog of 40 calls ends before the backlog, not one page a window', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(
      {...BUDGET, MEDIUM: {requests: 10, windowMs: 1000}},
      {now: clock.now, sleep: clock.sleep},
    )
    const order: string[] = []
    const released: number[] = []
    const send = async (name: string, listingPage: boolean) => {
      await limiter.acquire('MEDIUM', {listingPage})
      order.push(name)
      released.push(clock.now())
    }
    const listing = async () => {
      for (let page = 1; page <= 10; page++) {
        await send(`page ${page}`, true)
        await clock.sleep(150) // the round trip: the next page's token comes with this answer
      }
    }
    // The listing's first page goes first, as a snapshot's users listing starts before the app details are known.
    const pages = listing()
    const calls = Array.from({length: 40}, (_, i) => send(`call ${i + 1}`, false))
    await clock.run(Promise.all([pages, ...calls]))
    expect(order.indexOf('page 10')).to.be.lessThan(order.indexOf('call 40'))
    // First come first served (or calls bunched at each window's start) would leave one page a window: 10 windows.
    expect(released[order.indexOf('page 10')]).to.be.below(2 * 1020)
    expect(busiestWindow(released, 1020)).to.equal(10)
  })

  it('any number of listings leaves calls one release in every window the label fills', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(
      {...BUDGET, MEDIUM: {requests: 3, windowMs: 1000}},
      {now: clock.now, sleep: clock.sleep},
    )
    for (let i = 0; i < 3; i++) limiter.tryTake('MEDIUM')
    const released: number[] = []
    const calls: number[] = []
    const call = async () => {
      await limiter.acquire('MEDIUM')
      calls.push(clock.now())
      released.push(clock.now())
    }
    // Six listings of ten pages, each asking for its next page as soon as the last one is released.
    const listing = async () => {
      for (let page = 0; page < 10; page++) {
        await limiter.acquire('MEDIUM', {listingPage: true})
        released.push(clock.now())
      }
    }
    await clock.run(Promise.all([call(), call(), call(), ...Array.from({length: 6}, listing)]))
    expect(calls).to.deep.equal([1020, 2040, 3060])
    expect(released).to.have.length(63)
    expect(busiestWindow(released, 1020)).to.equal(3)
  })

  it('the room of a waiter told to go is kept while it gets its concurrency slot back', async () => {
    const clock = new VirtualTime()
    const limiter = new RateLimiter(
      {...BUDGET, MEDIUM: {requests: 1, windowMs: 1000}},
      {now: clock.now, sleep: clock.sleep},
    )
    expect(limiter.tryTake('MEDIUM')).to.equal(0)
    let releasedAt = 0
    // Told to go at 1020, it holds its slot again only 300 ms later (other calls were in flight).
    const waiter = limiter
      .acquire('MEDIUM', {wait: (run) => run().then(() => clock.sleep(300))})
      .then(() => (releasedAt = clock.now()))
    let meanwhile = 0
    const newcomer = clock.sleep(1100).then(() => (meanwhile = limiter.tryTake('MEDIUM')))
    await clock.run(Promise.all([waiter, newcomer]))
    expect(meanwhile, 'a newcomer at 1100 ms does not take the kept room').to.be.greaterThan(0)
    expect(releasedAt).to.equal(1320)
    expect(limiter.tryTake('MEDIUM')).to.equal(1020)
  })
})

describe('rate limiter in the client (fake Zoom, real time)', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  before(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  beforeEach(() => fake.reset())
  after(() => fake.close())

  it("a request waiting for one label's budget does not hold a concurrency slot: other labels pass meanwhile", async () => {
    // One call in flight at a time; Medium 1 per second, Light plenty.
    const limiter = new RateLimiter({...rateBudget('business', 100), MEDIUM: {requests: 1, windowMs: 1000}})
    const client = clientFor(fake, {concurrency: 1, limiter: limiter.limiter})
    await client.token()
    const apps = fake.scenario.apps.slice(0, 3).map((app) => app.app_id)
    const roles = fake.scenario.roles.map((role) => role.id)
    // The Medium calls are queued first: with the wait inside the slot, every Light call would queue behind them.
    await Promise.all([...apps.map((id) => client.getApp(id)), ...roles.map((id) => client.getRole(id))])
    // The client's send times (test/fake-zoom/client-probe.mjs), not arrivals: a busy machine delays the fake's event
    // loop unevenly, and arrivals of sends a window apart then come closer than a window.
    const medium = apiRequests(fake, 'GET /v2/marketplace/apps/{appId}').map((r) => r.sentAt!)
    const light = apiRequests(fake, 'GET /v2/roles/{roleId}').map((r) => r.sentAt!)
    expect(medium).to.have.length(3)
    expect(light).to.have.length(roles.length)
    expect([...medium, ...light].every((t) => t > 0)).to.equal(true)
    // Released 1020 ms apart (window + guard): never two in one window.
    expect(busiestWindow(medium, 1000 - SEND_STAMP_ALLOWANCE_MS)).to.equal(1)
    expect(limiter.stats().MEDIUM?.waitedMs).to.be.at.least(2 * 1000)
    expect(Math.max(...light), 'every Light call before the second Medium one').to.be.lessThan(medium[1]!)
    expect(limiter.stats().MEDIUM).to.include({sent: 3, waits: 2})
  })

  it('time spent waiting for the budget does not count against the request timeout', async () => {
    const limiter = new RateLimiter({...rateBudget('business', 100), LIGHT: {requests: 1, windowMs: 1000}})
    const client = clientFor(fake, {requestTimeoutMs: 300, retries: 0, limiter: limiter.limiter})
    await client.token()
    const roles = fake.scenario.roles.slice(0, 2).map((role) => role.id)
    const started = Date.now()
    await Promise.all(roles.map((id) => client.getRole(id)))
    expect(Date.now() - started).to.be.at.least(1000)
    expect(limiter.stats().LIGHT).to.include({sent: 2, waits: 1})
  })

  it("a call queued behind its label's budget is not announced as waiting for Zoom; a slow answer is", async () => {
    const limiter = new RateLimiter({...rateBudget('business', 100), LIGHT: {requests: 1, windowMs: 400}})
    const notices: string[] = []
    const client = clientFor(fake, {noticeAfterMs: 150, limiter: limiter.limiter, onNotice: (n) => notices.push(n)})
    await client.token()
    const roles = fake.scenario.roles.slice(0, 3).map((role) => role.id)
    // The third call waits 800 ms for the budget, more than noticeAfterMs: Zoom answers each at once.
    await Promise.all(roles.map((id) => client.getRole(id)))
    expect(limiter.stats().LIGHT).to.include({sent: 3, waits: 2})
    expect(notices).to.deep.equal([])
    fake.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'delay', ms: 400}})
    await client.getRole(roles[0]!)
    expect(notices).to.deep.equal([
      "Still waiting for Zoom's answer to GET /roles/{roleId} (each attempt gives up after 30 s, at most 6 attempts).",
    ])
  })

  it('429s are still honoured under a budget: Retry-After kept, no violation, the budget still holds', async () => {
    const limiter = new RateLimiter({...rateBudget('business', 100), LIGHT: {requests: 4, windowMs: 1000}})
    const client = clientFor(fake, {limiter: limiter.limiter})
    await client.token()
    // Longer than the budget's window: the budget alone would send the next Light requests within the Retry-After.
    fake.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'rate-limit', retryAfter: 2}})
    const roles = fake.scenario.roles.map((role) => role.id)
    await Promise.all(roles.map((id) => client.getRole(id)))
    // Judged by what the client had received when it sent each request, and windows counted at the client's sends
    // (test/fake-zoom/client-probe.mjs), not by arrival time: on a busy machine either process may be held off the CPU
    // for longer than the limiter's guard, and arrivals then bunch up although the sends did not.
    const light = apiRequests(fake, 'GET /v2/roles/{roleId}').map((r) => r.sentAt!)
    expect(light).to.have.length(roles.length + 1)
    expect(light.every((t) => t > 0)).to.equal(true)
    expect(fake.requests.filter((r) => r.headers['x-fake-zoom-client-saw'] === undefined)).to.deep.equal([])
    expect(fake.violations).to.deep.equal([])
    expect(busiestWindow(light, 1000)).to.be.at.most(4)
  })
})
