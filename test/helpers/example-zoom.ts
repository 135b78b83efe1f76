// The example account (examples/snapshot.json) served by a fake Zoom API on 127.0.0.1, for one describe block: started
// before its tests, its request log cleared before each test, closed after them. Tests may change the served account
// (zoom.scenario is the fake's own) to see what a later run reports.
import {readFileSync} from 'node:fs'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {EXAMPLE_SNAPSHOT} from './example-account.js'
import {liveEnv} from './live-env.js'

/** The example account's credentials; the secret is one a test can look for in output (it must never appear). */
export const EXAMPLE_CREDENTIALS = {
  accountId: 'acme-4f9Kx2',
  clientId: 'auditorClientId',
  clientSecret: 'sEcReT-dont-print-me-42',
}

export interface ExampleZoom {
  readonly fake: FakeZoom
  readonly scenario: FakeZoomScenario
  /** The CLI's environment for this fake and the example credentials (liveEnv), with `overrides` on top. */
  env(overrides?: Record<string, string>): Record<string, string>
}

/** Call in a describe() body: it adds the before, beforeEach and after hooks. `fake` and `scenario` exist in tests. */
export function serveExampleAccount(): ExampleZoom {
  let served: {fake: FakeZoom; scenario: FakeZoomScenario} | undefined
  const get = () => {
    if (!served) throw new Error('the example account is served from before() on: use it inside a hook or a test')
    return served
  }
  before(async () => {
    const scenario = scenarioFromSnapshot(JSON.parse(readFileSync(EXAMPLE_SNAPSHOT, 'utf8')), EXAMPLE_CREDENTIALS)
    served = {scenario, fake: await startFakeZoom(scenario)}
  })
  beforeEach(() => served?.fake.reset())
  after(async () => {
    await served?.fake.close()
    served = undefined
  })
  return {
    get fake() {
      return get().fake
    },
    get scenario() {
      return get().scenario
    },
    env: (overrides = {}) => liveEnv(get().fake, get().scenario, overrides),
  }
}
