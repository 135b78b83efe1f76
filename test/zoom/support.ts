// Shared set-up for the Zoom client tests: fake Zoom scenarios and clients pointed at them.
import {inspect} from 'node:util'

import {loadScenario, type FakeZoom, type FakeZoomScenario, type ScenarioUser} from '../fake-zoom/index.js'
import {createZoomClient, type ZoomClient, type ZoomClientOptions} from '../../src/zoom/client.js'
import {resolveZoomConfig, type ZoomFlagValues} from '../../src/zoom/config.js'
import type {HttpDeps} from '../../src/zoom/http.js'
import {RateLimitGate} from '../../src/zoom/rate-limit-gate.js'
import {Redactor} from '../../src/zoom/redact.js'
import {emptyStats} from '../../src/zoom/stats.js'

export const SMALL_ACCOUNT = new URL('../fixtures/scenarios/small-account.json', import.meta.url).pathname
export const NO_ROLE_SCOPES = new URL('../fixtures/scenarios/no-role-scopes.json', import.meta.url).pathname

export function smallAccount(): FakeZoomScenario {
  return loadScenario(SMALL_ACCOUNT)
}

/** The small account with `n` extra active users (ids and emails numbered), e.g. to page through. */
export function withManyUsers(
  scenario: FakeZoomScenario,
  n: number,
  status: ScenarioUser['status'] = 'active',
): FakeZoomScenario {
  for (let i = 0; i < n; i++) {
    const num = String(i).padStart(5, '0')
    scenario.users.push({
      ...(status === 'pending' ? {} : {id: `Us${status.slice(0, 2)}${num}xxxxxxxxxxxxx`}),
      email: `user.${status}.${num}@example.com`,
      first_name: 'User',
      last_name: num,
      status,
      role_id: '0',
    })
  }
  return scenario
}

export function envFor(
  fake: FakeZoom,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const {accountId, clientId, clientSecret} = fake.scenario.credentials
  return {
    ZOOM_ACCOUNT_ID: accountId,
    ZOOM_CLIENT_ID: clientId,
    ZOOM_CLIENT_SECRET: clientSecret,
    ZOOM_OAUTH_URL: fake.oauthUrl,
    ...extra,
  }
}

/** A client of the fake. The API URL comes from the token's api_url (the fake's own), as in real use. */
export function clientFor(
  fake: FakeZoom,
  options: ZoomClientOptions = {},
  env: Record<string, string | undefined> = {},
  flags: ZoomFlagValues = {},
): ZoomClient {
  return createZoomClient(resolveZoomConfig(envFor(fake, env), flags), {retryBaseDelayMs: 5, ...options})
}

export function apiRequests(fake: FakeZoom, endpoint?: string) {
  return fake.requests.filter((r) => r.path.startsWith('/v2/') && (endpoint === undefined || r.endpoint === endpoint))
}

export function tokenRequests(fake: FakeZoom) {
  return fake.requests.filter((r) => r.path === '/oauth/token')
}

/** Everything an error could show: message, stack, details, own properties, inspect output. */
export function everythingIn(error: unknown): string {
  const own = error instanceof Error ? Object.getOwnPropertyNames(error) : []
  return [
    JSON.stringify(error, own),
    inspect(error, {depth: 20, showHidden: true}),
    error instanceof Error ? String(error.stack) : '',
    JSON.stringify((error as {details?: unknown}).details ?? {}),
  ].join('\n')
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The HTTP layers' dependencies pointed at a fake, for tests that use createGuardedHttp / createApiHttp directly:
 * no retries, one attempt, short waits. */
export function httpDepsFor(fake: FakeZoom, overrides: Partial<HttpDeps> = {}): HttpDeps {
  return {
    oauthUrl: fake.oauthUrl,
    apiBases: () => [fake.apiUrl],
    gate: new RateLimitGate(1000, Date.now),
    stats: emptyStats(),
    redactor: new Redactor(),
    retries: 0,
    maxAttempts: 1,
    retryBaseDelayMs: 1,
    requestTimeoutMs: 5000,
    maxRateLimitWaitMs: 1000,
    maxBodyBytes: 4 * 1024 * 1024,
    now: Date.now,
    notice: () => {},
    noticeAfterMs: 5000,
    ...overrides,
  }
}
