import {expect} from 'chai'

import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {ZoomError} from '../../src/errors.js'
import {apiRequests, clientFor, rejectionOf, smallAccount, withManyUsers} from './support.js'

// small-account has 5 active users; 1234 more make 1239 active users → 13 pages of 100.
const EXTRA = 1234
const ACTIVE = 5 + EXTRA
const CAP = 100

describe('zoom client: pagination', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  beforeEach(async () => {
    const scenario = withManyUsers(smallAccount(), EXTRA)
    scenario.pageCaps = {'GET /v2/users': CAP}
    fake = await startFakeZoom(scenario)
  })
  afterEach(() => fake.close())

  function userPages() {
    return apiRequests(fake, 'GET /v2/users')
  }

  it('follows next_page_token across many pages when Zoom caps the page size below 300', async () => {
    const client = clientFor(fake)
    const users = await client.listUsers('active').all()
    expect(users).to.have.length(ACTIVE)
    expect(new Set(users.map((u) => u.email)).size).to.equal(ACTIVE)
    const requests = userPages()
    expect(requests).to.have.length(Math.ceil(ACTIVE / CAP))
    expect(requests.every((r) => r.query.page_size === '300' && r.query.status === 'active')).to.equal(true)
    expect(requests[0]!.query.next_page_token).to.equal(undefined)
    expect(requests.slice(1).every((r) => (r.query.next_page_token ?? '').length > 0)).to.equal(true)
    expect(client.stats.byEndpoint['GET /users']).to.equal(requests.length)
  })

  it('reports total_records and the page size actually served', async () => {
    const client = clientFor(fake)
    const pages = []
    for await (const page of client.listUsers('active').pages()) pages.push(page)
    expect(pages[0]).to.include({number: 1, totalRecords: ACTIVE, received: CAP, more: true})
    expect(pages.at(-1)).to.include({more: false, received: ACTIVE % CAP})
  })

  it('lets the caller stop early: no further pages are requested', async () => {
    const client = clientFor(fake)
    let seen = 0
    for await (const user of client.listUsers('active')) {
      void user
      if (++seen === 150) break
    }
    expect(userPages()).to.have.length(2)
  })

  it('stops with exit 3 when Zoom repeats a page token', async () => {
    const client = clientFor(fake)
    fake.inject({match: {endpoint: 'GET /v2/users'}, fault: {kind: 'repeat-page-token'}})
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.code).to.equal('zoom_pagination')
    expect(error.message).to.contain('same next_page_token')
    expect(userPages()).to.have.length(2)
  })

  it('stops with exit 3 on a runaway page count', async () => {
    const client = clientFor(fake, {maxPages: 5})
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.message).to.contain('did not end after 5 pages')
    expect(userPages()).to.have.length(5)
  })

  it('restarts a listing once when its page token is rejected as expired (400 code 300), without duplicates', async () => {
    const client = clientFor(fake)
    fake.inject({match: {endpoint: 'GET /v2/users'}, fault: {kind: 'expire-page-token'}})
    const users = await client.listUsers('active').all()
    expect(users).to.have.length(ACTIVE)
    expect(new Set(users.map((u) => u.email)).size).to.equal(ACTIVE)
    const pages = Math.ceil(ACTIVE / CAP)
    // page 1, page 2 refused, then the whole listing again
    expect(userPages().map((r) => r.status)).to.deep.equal([200, 400, ...Array(pages).fill(200)])
  })

  it('fails with exit 3 when the restarted listing loses its page token again', async () => {
    const client = clientFor(fake)
    fake.inject({match: {endpoint: 'GET /v2/users'}, times: 2, fault: {kind: 'expire-page-token'}})
    const error = (await rejectionOf(client.listUsers('active').all())) as ZoomError
    expect(error).to.be.instanceOf(ZoomError)
    expect(error.exitCode).to.equal(3)
    expect(error.code).to.equal('zoom_pagination')
    expect(userPages().map((r) => r.status)).to.deep.equal([200, 400, 200, 400])
  })

  it('restarts instead of sending a page token older than 15 minutes', async () => {
    let clock = Date.now()
    const client = clientFor(fake, {now: () => clock})
    const emails: string[] = []
    let pagesSeen = 0
    for await (const page of client.listUsers('active').pages()) {
      emails.push(...page.items.map((u) => u.email))
      if (++pagesSeen === 2) clock += 15 * 60_000 // the consumer dawdled: the token for page 3 is stale
    }
    expect(emails).to.have.length(ACTIVE)
    expect(new Set(emails).size).to.equal(ACTIVE)
    const requests = userPages()
    expect(requests.every((r) => r.status === 200)).to.equal(true)
    expect(requests.map((r) => r.query.next_page_token === undefined)).to.deep.equal([
      true,
      false,
      true,
      ...Array(Math.ceil(ACTIVE / CAP) - 1).fill(false),
    ])
  })

  it('pages marketplace lists too (no totals there)', async () => {
    await fake.close()
    const scenario = smallAccount()
    for (let i = 0; i < 20; i++) {
      scenario.apps.push({
        app_id: `AppExtra${String(i).padStart(14, '0')}`,
        app_name: `Extra ${i}`,
        app_type: 'OAuthApp',
        app_status: 'PUBLISHED',
        app_scopes: ['meeting:read:admin'],
      })
    }
    scenario.pageCaps = {'GET /v2/marketplace/apps': 7}
    fake = await startFakeZoom(scenario)
    const client = clientFor(fake)
    const apps = await client.listApps('account_created').all()
    expect(apps).to.have.length(24) // 4 listed in the fixture + 20
    expect(apiRequests(fake, 'GET /v2/marketplace/apps')).to.have.length(4)
  })
})
