// How long a Zoom answer is kept: a page of users is read once into its answer, the response keeps none of its
// bytes, and the successful answer goes to its one reader and is not kept for the response. A 100 000-user listing
// reads 330 pages of ~400 KB: responses that held their bytes (or their parsed pages) until a full collection made
// most of the peak memory of `transfer candidates`.
import {expect} from 'chai'
import type {Got} from 'got'

import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {answerOf, takeAnswer} from '../../src/zoom/body.js'
import {createApiHttp, createGuardedHttp} from '../../src/zoom/http.js'
import {TokenSource} from '../../src/zoom/token.js'
import {httpDepsFor, smallAccount, withManyUsers} from './support.js'

describe('zoom client: what an answer keeps', function () {
  this.timeout(20_000)
  let fake: FakeZoom
  let api: Got
  beforeEach(async () => {
    fake = await startFakeZoom(withManyUsers(smallAccount(), 250))
    const deps = httpDepsFor(fake)
    const guarded = createGuardedHttp(deps)
    const {accountId, clientId, clientSecret} = fake.scenario.credentials
    const tokens = new TokenSource(
      async () => {
        const response = await guarded.post(fake.oauthUrl, {
          headers: {authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`},
          form: {grant_type: 'account_credentials', account_id: accountId},
        })
        const answer = takeAnswer(response)
        return (answer && 'json' in answer ? answer.json : {}) as {access_token: string}
      },
      Date.now,
      () => {},
    )
    api = createApiHttp(guarded, tokens, deps)
  })
  afterEach(() => fake.close())

  it("a page's response keeps none of its bytes once read; its answer is handed over once and then forgotten", async () => {
    const response = await api.get(`${fake.apiUrl}/users`, {searchParams: {status: 'active', page_size: '300'}})
    expect(response.statusCode).to.equal(200)
    expect(response.rawBody).to.have.length(0)
    expect(response.body).to.have.length(0)

    const answer = answerOf(response)
    const users = (answer as {json: {users: unknown[]}}).json.users
    expect(users.length).to.be.greaterThan(250)
    expect(takeAnswer(response)).to.equal(answer)
    expect(answerOf(response)).to.equal(undefined)
    expect(takeAnswer(response)).to.equal(undefined)
  })

  it("an error's answer stays readable for the error path (its bytes are let go all the same)", async () => {
    // Resolved rather than thrown, to look at the response the error path reads.
    const response = await api.get(`${fake.apiUrl}/users/nobody@example.com`, {throwHttpErrors: false})
    expect(response.statusCode).to.equal(404)
    expect(response.rawBody).to.have.length(0)
    expect(answerOf(response)).to.deep.equal({json: {code: 1001, message: 'User does not exist: nobody@example.com.'}})
  })
})
