// Per-call state that got carries through `options.context` across the retries of one call.
import type {Slot} from './pool.js'

export interface CallState {
  /** Templated endpoint, e.g. `GET /users/{userId}` or `POST /oauth/token`. */
  endpoint: string
  kind: 'api' | 'token'
  /** 5xx / connection-failure retries used so far (bounded by `retries`). */
  serverRetries: number
  /** 429 retries so far (bounded by the total wait time and by `attempts`). */
  rateLimitRetries: number
  /** Requests sent for this call so far, whatever the reason (bounded by the client's maxAttempts). */
  attempts: number
  /** Set to the size cap (bytes) when the body went past it while arriving (the request was cancelled). */
  tooLarge?: number
  /** Generation of the access token this attempt was sent with, so a 124 renews only a token still current. */
  tokenGeneration?: number
  /** Whether this call already re-minted the token after a 401 code 124. */
  reminted: boolean
  /** The concurrency slot the call holds, so a wait for the rate budget can step out of it. */
  slot?: Slot
  /** A page of a listing: the rate limiter lets it go before independent calls of its label (rate-limiter.ts). */
  listingPage?: boolean
  /** The proxy the last attempt went through, credentials masked (for error messages). */
  proxy?: string
}

export function newCall(
  endpoint: string,
  kind: CallState['kind'],
  slot?: Slot,
  listingPage = false,
): {call: CallState} {
  return {
    call: {
      endpoint,
      kind,
      serverRetries: 0,
      rateLimitRetries: 0,
      attempts: 0,
      reminted: false,
      ...(slot ? {slot} : {}),
      ...(listingPage ? {listingPage} : {}),
    },
  }
}

export function callOf(context: Record<string, unknown> | undefined): CallState | undefined {
  const call = context?.call
  return call && typeof call === 'object' ? (call as CallState) : undefined
}
