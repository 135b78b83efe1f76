// Environment for running the CLI against a fake Zoom API started in this process.
import type {FakeZoom, FakeZoomScenario} from '../fake-zoom/index.js'

export function liveEnv(
  fake: FakeZoom,
  scenario: FakeZoomScenario,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    ZOOM_ACCOUNT_ID: scenario.credentials.accountId,
    ZOOM_CLIENT_ID: scenario.credentials.clientId,
    ZOOM_CLIENT_SECRET: scenario.credentials.clientSecret,
    ZOOM_API_URL: fake.apiUrl,
    ZOOM_OAUTH_URL: fake.oauthUrl,
    ...overrides,
  }
}

/** True when every request was a GET under /v2 or the token POST. */
export function onlyReads(fake: FakeZoom): boolean {
  return fake.requests.every((r) =>
    r.method === 'GET' ? r.path.startsWith('/v2/') : r.endpoint === 'POST /oauth/token',
  )
}

/** API calls per templated endpoint (the token POST left out). */
export function callsByEndpoint(fake: FakeZoom): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of fake.requests) if (r.path.startsWith('/v2/')) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1
  return counts
}
