// What the client did, for the `snapshot` summary line and for tests.

export interface ZoomStats {
  /** HTTP requests sent under the API URL, retries included (that is what Zoom's rate limits count). */
  apiCalls: number
  /** apiCalls per templated endpoint, e.g. `GET /users/{userId}`. */
  byEndpoint: Record<string, number>
  /** Access tokens minted (normally 1 per run). */
  tokenMints: number
  /** Requests sent again for any reason: 5xx, connection reset, 429, expired access token. */
  retries: number
  /** Retries that first waited for a 429's Retry-After. */
  rateLimitWaits: number
  /** Milliseconds the run was held back by 429s. */
  rateLimitWaitMs: number
}

export function emptyStats(): ZoomStats {
  return {apiCalls: 0, byEndpoint: {}, tokenMints: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0}
}
