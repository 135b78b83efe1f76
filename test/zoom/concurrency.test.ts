// How many requests the live client keeps in flight: enough that Zoom's round trip does not cap the rate budget.
import {expect} from 'chai'

import {concurrencyFor, MAX_CONCURRENCY, MIN_CONCURRENCY} from '../../src/zoom/client-defaults.js'
import {rateBudget, type ZoomPlan} from '../../src/zoom/rate-plans.js'
import {generateScenario, startFakeZoom} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

describe('requests in flight (concurrencyFor)', () => {
  const table: Array<[ZoomPlan, number, number]> = [
    // plan, --rate-budget, slots: (Light + Medium requests a second) × 0.2 s, within [4, 24]
    ['free', 50, MIN_CONCURRENCY], // 2 + 1 a second
    ['pro', 50, 5], // 15 + 10 → 5
    ['pro', 100, 10], // 30 + 20 → 10
    ['business', 50, 14], // 40 + 30 → 14
    ['business', 100, MAX_CONCURRENCY], // 80 + 60 → 28, capped
    ['business', 1, MIN_CONCURRENCY],
  ]
  for (const [plan, percent, slots] of table)
    it(`${plan} at ${percent} %: ${slots}`, () => expect(concurrencyFor(rateBudget(plan, percent))).to.equal(slots))
})

describe('the live client on a slow network (fake Zoom answering after 300 ms)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  it('keeps more than 4 requests in flight, never more than the budget sizes (business, 50 %: 14)', async () => {
    const scenario = generateScenario({users: 40, apps: 40, roles: 6, seed: 11})
    const fake = await startFakeZoom(scenario, {latencyMs: 300})
    try {
      const run = await runCli(['snapshot', '--output', `${tmp.dir}/snap.json`], {env: liveEnv(fake, scenario)})
      expect(run.code, run.stderr).to.equal(0)
      // 40 app details released at once by the budget (30 Medium a second) meet a 300 ms round trip.
      expect(fake.maxInFlight).to.be.above(MIN_CONCURRENCY)
      expect(fake.maxInFlight).to.be.at.most(concurrencyFor(rateBudget('business', 50)))
    } finally {
      await fake.close()
    }
  })
})
