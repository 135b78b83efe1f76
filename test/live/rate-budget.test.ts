// End to end: --plan / --rate-budget keep each rate-limit label under budget × Zoom's limit in any 1-second window,
// counted at the CLI's sends (test/fake-zoom/client-probe.mjs stamps each request with the moment it was sent).
import {join} from 'node:path'

import {expect} from 'chai'

import {SEND_STAMP_ALLOWANCE_MS} from '../fake-zoom/client-probe.mjs'
import {generateScenario, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {ENDPOINT_LABELS, type EndpointTemplate} from '../../src/zoom/endpoints.js'

/**
 * Send times per rate-limit label (the fake's templates carry /v2). Sends, not arrivals: the fake stamps `at` when its
 * event loop gets to a request, in this process, while the CLI subprocess competes for the same two cores; a stall
 * of either process stamps a queue of requests with nearly the same arrival time, and releases that were a full
 * window apart then look like too many in one second. The budget is about sends.
 */
function sendsByLabel(fake: FakeZoom): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const r of fake.requests) {
    if (!r.endpoint.startsWith('GET /v2/')) continue
    const label = ENDPOINT_LABELS[r.endpoint.replace('GET /v2/', 'GET /') as EndpointTemplate]
    expect(label, r.endpoint).to.be.a('string')
    expect(r.sentAt, `${r.endpoint} was sent by a probed client`).to.be.a('number')
    ;(out[label] ??= []).push(r.sentAt!)
  }
  return out
}

/** The most requests in any window [t, t + 1000 ms − the stamps' allowance) (t = each send). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000 - SEND_STAMP_ALLOWANCE_MS) i++
    best = Math.max(best, j - i + 1)
  }
  return best
}

/** The most requests of both labels together in any 1-second window. */
function busiestSecondTogether(a: number[], b: number[]): number {
  return busiestSecond([...a, ...b])
}

describe('rate budget against the fake Zoom API (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom

  before(async () => {
    // 900 users in pages of 30 (~31 GET /users), 40 apps (1 list + ~38 details), 30 roles (30 GET /roles/{id}).
    scenario = generateScenario({users: 900, apps: 40, roles: 30, seed: 3, pageCaps: {'GET /v2/users': 30}})
    fake = await startFakeZoom(scenario)
  })
  beforeEach(() => fake.reset())
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  it('--plan pro --rate-budget 50: Medium ≤ 10 and Light ≤ 15 in every second, each label at its own ceiling', async () => {
    const started = Date.now()
    const {code, stderr} = await runCli(
      ['snapshot', '--output', join(tmp.dir, 'pro.json'), '--plan', 'pro', '--rate-budget', '50'],
      {
        env: liveEnv(fake, scenario),
      },
    )
    const seconds = (Date.now() - started) / 1000
    expect(code, stderr).to.equal(0)
    const {MEDIUM: medium = [], LIGHT: light = []} = sendsByLabel(fake)
    expect(medium.length).to.be.at.least(60)
    expect(light).to.have.length(30)
    // Pro: Medium 20/s, Light 30/s; 50 % of that.
    expect(busiestSecond(medium), 'Medium per second').to.equal(10)
    expect(busiestSecond(light), 'Light per second').to.equal(15)
    // Independent buckets: in some second both labels ran together, beyond what either budget allows alone.
    expect(busiestSecondTogether(medium, light)).to.be.greaterThan(15)
    // The budget is what paced the run: n Medium requests at 10 per second need at least ⌈n/10⌉ − 1 seconds.
    const mediumSpan = Math.max(...medium) - Math.min(...medium)
    expect(mediumSpan).to.be.at.least((Math.ceil(medium.length / 10) - 1) * 1000)
    expect(seconds).to.be.lessThan(20)
    expect(fake.violations).to.deep.equal([])
  })

  it('default (business, 50 %): Medium ≤ 30 and Light ≤ 40 in every second', async () => {
    const {code, stderr} = await runCli(['snapshot', '--output', join(tmp.dir, 'business.json')], {
      env: liveEnv(fake, scenario),
    })
    expect(code, stderr).to.equal(0)
    const {MEDIUM: medium = [], LIGHT: light = []} = sendsByLabel(fake)
    expect(busiestSecond(medium), 'Medium per second').to.equal(30)
    expect(busiestSecond(light), 'Light per second').to.be.at.most(40)
    expect(Math.max(...medium) - Math.min(...medium)).to.be.at.least((Math.ceil(medium.length / 30) - 1) * 1000)
  })

  it('bad --plan / --rate-budget values are usage errors (exit 2) and nothing is sent', async () => {
    const output = join(tmp.dir, 'never.json')
    for (const [flags, said] of [
      [['--rate-budget', '0'], /rate-budget/],
      [['--rate-budget', '101'], /rate-budget/],
      [['--rate-budget', 'half'], /rate-budget|integer/i],
      [['--plan', 'enterprise'], /plan|Expected --plan/i],
    ] as Array<[string[], RegExp]>) {
      for (const json of [[], ['--json']]) {
        const {code, stdout, stderr} = await runCli(['snapshot', '--output', output, ...flags, ...json], {
          env: liveEnv(fake, scenario),
        })
        expect(code, `${flags.join(' ')} ${json.join(' ')}: ${stderr}`).to.equal(2)
        expect(stdout + stderr).to.match(said)
      }
    }
    expect(fake.requests).to.deep.equal([])
  })
})
