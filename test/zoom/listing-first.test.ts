// A snapshot against the fake Zoom: the users listing (a chain of pages, each asked for when the one before is in)
// shares the Medium budget with a backlog of app details, and is not left to run alone, a page a round trip, after
// them (see the top of src/zoom/rate-limiter.ts). Checked on the order the fake served the requests, not on times.
import {expect} from 'chai'

import {generateScenario, startFakeZoom} from '../fake-zoom/index.js'
import {fetchSnapshot} from '../../src/snapshot/fetch.js'
import {RateLimiter} from '../../src/zoom/rate-limiter.js'
import {rateBudget} from '../../src/zoom/rate-plans.js'
import {apiRequests, clientFor} from './support.js'

describe('listing pages first (fake Zoom, real time)', function () {
  this.timeout(60_000)

  it('a snapshot finishes its users listing before the backlog of app details sharing its label', async () => {
    // 10 users a page: the active listing is a chain of about a dozen pages; 60 app details on Medium beside it.
    const scenario = generateScenario({users: 150, apps: 60, roles: 4, seed: 5, pageCaps: {'GET /v2/users': 10}})
    const fake = await startFakeZoom(scenario)
    try {
      // Medium 10 a quarter second: the 60 details need six windows, the listing a round trip a page.
      const limiter = new RateLimiter({...rateBudget('business', 100), MEDIUM: {requests: 10, windowMs: 250}})
      const client = clientFor(fake, {limiter: limiter.limiter, concurrency: 8})
      const snapshot = await fetchSnapshot(client, {users: 'active', now: () => new Date('2026-03-01T12:00:00Z')})

      const served = apiRequests(fake).filter((r) => r.endpoint !== 'GET /v2/roles/{roleId}')
      const isPage = (r: (typeof served)[number]) => r.endpoint === 'GET /v2/users'
      const isDetail = (r: (typeof served)[number]) => r.endpoint === 'GET /v2/marketplace/apps/{appId}'
      const pages = served.filter(isPage).length
      const details = served.filter(isDetail).length
      const active = scenario.users.filter((user) => user.status === 'active').length
      expect(pages, 'the active listing: one page per 10 users').to.equal(Math.ceil(active / 10))
      expect(details, 'app details (listed apps without scope strings)').to.be.at.least(50)
      expect(snapshot.users).to.have.length(active)

      const lastPage = served.map(isPage).lastIndexOf(true)
      const detailsAfter = served.slice(lastPage + 1).filter(isDetail).length
      // First come first served leaves the listing's later pages behind the whole backlog (none after its last
      // page). Here each page waits at most for a room of its window: the listing ends while at least a window's
      // worth of details (10) are still to go, however slow the round trips of a loaded machine.
      expect(detailsAfter, served.map((r) => (isPage(r) ? 'P' : isDetail(r) ? 'd' : '-')).join('')).to.be.at.least(10)
    } finally {
      await fake.close()
    }
  })
})
