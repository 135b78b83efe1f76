// The got instances, composed by extension: base (timeouts, retry rules, error translation, proxy agents) →
// read-only guard → auth (bearer token, re-mint on 401 code 124) → rate limiting (per-endpoint 429 gate, limiter
// seam, counting). Token requests use the guarded instance; API requests the full stack.
import got, {type Got, type RequestError, type RetryObject} from 'got'

import {ZoomError} from '../errors.js'
import {callOf} from './call-context.js'
import {ENDPOINT_LABELS, type EndpointTemplate, type RateLimitLabel} from './endpoints.js'
import {ReadOnlyViolationError, ZoomRateLimitError} from './errors.js'
import type {ProxyRouting} from './proxy.js'
import {isDailyLimit, parseRetryAfter, type RateLimitGate} from './retry-after-gate.js'
import type {Redactor} from './redact.js'
import type {ZoomStats} from './stats.js'
import type {TokenSource} from './token.js'
import {translateError} from './translate-error.js'

/** What the client offers a limiter while it waits. */
export interface LimiterContext {
  /** Run `wait` without holding the call's concurrency slot; resolves once the slot is held again. */
  outsideSlot<T>(wait: () => Promise<T>): Promise<T>
}

/**
 * Awaited before every request to Zoom (retries included) with its endpoint and rate-limit label: the seam for
 * per-plan rate budgets (rate-limiter.ts). The request leaves as soon as the promise resolves.
 */
export type Limiter = (
  request: {endpoint: EndpointTemplate; label: RateLimitLabel},
  context?: LimiterContext,
) => Promise<void>

export interface HttpDeps {
  oauthUrl: string
  /** API base URLs used this run (after the token's api_url rule); GETs are allowed under these only. */
  apiBases: () => Iterable<string>
  tokens: () => TokenSource
  gate: RateLimitGate
  stats: ZoomStats
  redactor: Redactor
  /** 5xx / connection-failure retries per call. */
  retries: number
  retryBaseDelayMs: number
  requestTimeoutMs: number
  maxRateLimitWaitMs: number
  limiter?: Limiter
  /** Which requests go through a proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY); none when absent. */
  proxy?: ProxyRouting
}

const TRANSIENT_STATUS = new Set([500, 502, 503, 504])
const TRANSIENT_ERROR_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNREFUSED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
])
const MAX_BACKOFF_MS = 30_000

export function createHttp(deps: HttpDeps): {guarded: Got; api: Got} {
  const base = got.extend({
    timeout: {request: deps.requestTimeoutMs},
    // Redirects would carry credentials elsewhere; Zoom's API does not redirect (3xx is refused below).
    followRedirect: false,
    responseType: 'json',
    headers: {'user-agent': 'zoom-scope-audit', accept: 'application/json'},
    // got's retry machinery does the waiting and re-sending; calculateDelay (always consulted, enforceRetryRules
    // off) decides: 5xx/resets within `retries`, 429s by Retry-After within the run's total wait.
    retry: {
      limit: deps.retries,
      enforceRetryRules: false,
      // POST is only ever the token request: minting twice is harmless, so it may be retried like a GET.
      methods: ['GET', 'POST'],
      statusCodes: [...TRANSIENT_STATUS, 429],
      errorCodes: [...TRANSIENT_ERROR_CODES],
      // Set explicitly (got's own rule would give up when Retry-After exceeds it); calculateDelay applies the
      // same bound to the run's total 429 wait.
      maxRetryAfter: deps.maxRateLimitWaitMs,
      calculateDelay: (retry) => transientDelay(retry, deps),
    },
    hooks: {
      beforeRequest: [
        (options) => {
          // Proxy per target URL (NO_PROXY may exempt one host and not another); a direct request keeps got's agent.
          const route = deps.proxy?.route(options.url instanceof URL ? options.url : new URL(String(options.url)))
          const call = callOf(options.context)
          if (route) options.agent = route.agent
          if (call) {
            if (route) call.proxy = route.display
            else delete call.proxy
          }
        },
      ],
      afterResponse: [
        (response) => {
          if (response.statusCode >= 300 && response.statusCode < 400) {
            throw new ZoomError(
              `Zoom answered ${callOf(response.request.options.context)?.endpoint ?? 'a request'} with a redirect (HTTP ${response.statusCode}); check --api-url / --oauth-url.`,
              {code: 'zoom_redirect', status: response.statusCode},
            )
          }
          return response
        },
      ],
      beforeError: [(error) => translateError(error, deps.redactor)],
    },
  })

  const guarded = base.extend({
    hooks: {
      beforeRequest: [
        (options) => {
          const url = options.url instanceof URL ? options.url : new URL(String(options.url))
          if (!isAllowed(options.method, url, deps)) {
            throw new ReadOnlyViolationError(
              `Refused ${options.method} ${url.origin}${url.pathname}: zoom-scope-audit only reads (GET under the API URL, POST to the token URL).`,
              {method: options.method, url: `${url.origin}${url.pathname}`},
            )
          }
        },
      ],
    },
  })

  const authed = guarded.extend({
    hooks: {
      beforeRequest: [
        async (options) => {
          const token = await deps.tokens().current()
          const call = callOf(options.context)
          if (call) call.tokenGeneration = token.generation
          options.headers.authorization = `Bearer ${token.value}`
        },
      ],
      afterResponse: [
        async (response, retryWithMergedOptions) => {
          const call = callOf(response.request.options.context)
          if (response.statusCode === 401 && zoomCode(response.body) === 124 && call && !call.reminted) {
            call.reminted = true
            await deps.tokens().renew(call.tokenGeneration)
            // The auth hook above sets the new token on the retried request.
            return retryWithMergedOptions({})
          }
          return response
        },
      ],
    },
  })

  const api = authed.extend({
    retry: {calculateDelay: (retry) => rateLimitAwareDelay(retry, deps)},
    hooks: {
      beforeRequest: [
        async (options) => {
          const call = callOf(options.context)
          if (!call) return
          const endpoint = call.endpoint as EndpointTemplate
          const label = ENDPOINT_LABELS[endpoint]
          const slot = call.slot
          const context = slot ? {outsideSlot: <T>(wait: () => Promise<T>) => slot.outside(wait)} : undefined
          // The 429 gate first, then the budget; if a 429 closed the gate while we waited for the budget, wait for
          // the gate again and take a fresh budget slot (the one taken is simply not used).
          for (;;) {
            await deps.gate.pass(call.endpoint)
            if (!deps.limiter || !label) break
            await deps.limiter({endpoint, label}, context)
            if (deps.gate.isOpen(call.endpoint)) break
          }
          deps.stats.apiCalls++
          deps.stats.byEndpoint[call.endpoint] = (deps.stats.byEndpoint[call.endpoint] ?? 0) + 1
        },
      ],
      beforeRetry: [
        () => {
          deps.stats.retries++
        },
      ],
    },
  })

  return {guarded, api}
}

/** Only GET under the API base, and POST to the token URL. */
function isAllowed(method: string, url: URL, deps: HttpDeps): boolean {
  const target = `${url.origin}${url.pathname}`
  if (method === 'POST') return target === deps.oauthUrl
  if (method !== 'GET') return false
  for (const apiBase of deps.apiBases()) if (target.startsWith(`${apiBase}/`)) return true
  return false
}

/** 5xx and connection failures: a few retries with exponential backoff and jitter. */
function transientDelay({error}: RetryObject, deps: HttpDeps): number {
  if (error.name === 'RetryError') return 1 // an afterResponse hook asked for it (token re-mint)
  const call = callOf(error.options.context)
  if (!call || !isTransient(error) || call.serverRetries >= deps.retries) return 0
  call.serverRetries++
  return backoff(deps.retryBaseDelayMs, call.serverRetries)
}

/** 429: wait for Retry-After (bounded by total wait, not by the retry count); a daily limit stops the run. */
function rateLimitAwareDelay(retry: RetryObject, deps: HttpDeps): number {
  const {error} = retry
  const response = error.response
  if (response?.statusCode !== 429) return transientDelay(retry, deps)
  const call = callOf(error.options.context)
  if (!call) return 0
  const now = Date.now()
  const retryAfter = headerValue(response.headers['retry-after'])
  const waitMs = parseRetryAfter(retryAfter, now)
  if (isDailyLimit(headerValue(response.headers['x-ratelimit-type']), zoomMessage(response.body))) {
    const resetAt = waitMs === undefined ? undefined : new Date(now + waitMs).toISOString()
    throw new ZoomRateLimitError(
      `Zoom's daily rate limit for ${call.endpoint} is used up; ${resetAt ? `it resets at ${resetAt}` : 'Zoom did not say when it resets'}. Run again after that.`,
      {endpoint: call.endpoint, daily: true, status: 429, ...(resetAt ? {resetAt} : {})},
    )
  }
  const wait = waitMs ?? backoff(deps.retryBaseDelayMs, call.rateLimitRetries + 1)
  deps.gate.close(call.endpoint, wait)
  call.rateLimitRetries++
  deps.stats.rateLimitWaits++
  deps.stats.rateLimitWaitMs = deps.gate.totalWaitMs
  // got waits this long, then the gate (in beforeRequest) holds the retry until the endpoint is open again.
  return Math.max(1, wait)
}

function isTransient(error: RequestError): boolean {
  if (error.response) return TRANSIENT_STATUS.has(error.response.statusCode)
  return TRANSIENT_ERROR_CODES.has(error.code)
}

/** Exponential backoff with jitter: base·2^(n-1), capped, scaled by a random 50–100 %. */
function backoff(baseMs: number, attempt: number): number {
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS)
  return Math.max(1, Math.round(ceiling * (0.5 + Math.random() / 2)))
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function zoomCode(body: unknown): number | undefined {
  const code = body !== null && typeof body === 'object' ? (body as {code?: unknown}).code : undefined
  return typeof code === 'number' ? code : undefined
}

function zoomMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  const message = body !== null && typeof body === 'object' ? (body as {message?: unknown}).message : undefined
  return typeof message === 'string' ? message : undefined
}
