// The got instances, composed by extension: base (timeouts, body cap, retry rules, error translation, proxy agents)
// → read-only guard → auth (bearer token, re-mint on 401 code 124) → rate limiting (the 429 gate per rate-limit
// label, limiter seam, counting). Token requests use the guarded instance; API requests the full stack.
import got, {type Got, type RequestError, type RetryObject} from 'got'

import {ToolError} from '../errors.js'
import {answerOf, errorFacts, readAnswer} from './body.js'
import {callOf} from './call-context.js'
import {ENDPOINT_LABELS, type EndpointTemplate, type RateLimitLabel} from './endpoints.js'
import {ReadOnlyViolationError} from './errors.js'
import type {ProxyRouting} from './proxy.js'
import {isDailyLimit, parseRetryAfter, type RateLimitGate} from './rate-limit-gate.js'
import type {Redactor} from './redact.js'
import type {ZoomStats} from './stats.js'
import type {TokenSource} from './token.js'
import {dailyLimitError, isStalledBody, redirectError, tooManyAttemptsError, translateError} from './translate-error.js'

/** What the client offers a limiter while it waits. */
export interface LimiterContext {
  /** Run `wait` without holding the call's concurrency slot; resolves once the slot is held again. */
  outsideSlot<T>(wait: () => Promise<T>): Promise<T>
}

/**
 * Awaited before every request to Zoom (retries included) with its endpoint and rate-limit label, and whether it is
 * a page of a listing (the next page waits for it): the seam for per-plan rate budgets (rate-limiter.ts). The request
 * leaves as soon as the promise resolves.
 */
export type Limiter = (
  request: {endpoint: EndpointTemplate; label: RateLimitLabel; listingPage?: boolean},
  context?: LimiterContext,
) => Promise<void>

export interface HttpDeps {
  oauthUrl: string
  /** API base URLs used this run (after the token's api_url rule); GETs are allowed under these only. */
  apiBases: () => Iterable<string>
  gate: RateLimitGate
  stats: ZoomStats
  redactor: Redactor
  /** 5xx / connection-failure retries per call. */
  retries: number
  /** Attempts per call, whatever the reason for trying again (429s included). */
  maxAttempts: number
  retryBaseDelayMs: number
  requestTimeoutMs: number
  maxRateLimitWaitMs: number
  /** Largest body read, after decompression. */
  maxBodyBytes: number
  now: () => number
  /** A sentence about a long wait, for stderr. */
  notice: (message: string) => void
  /** A request still unanswered after this long says so through `notice`. */
  noticeAfterMs: number
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
/** A Retry-After of 0, negative, unreadable or in the past still waits this long: never a tight retry loop. */
export const MIN_RATE_LIMIT_WAIT_MS = 1000
/** Waits at least this long are announced on stderr. */
const ANNOUNCED_WAIT_MS = 3000

/** The instance for the token request: everything but auth and the rate-limit gate. */
export function createGuardedHttp(deps: HttpDeps): Got {
  const base = got.extend({
    timeout: {request: deps.requestTimeoutMs},
    // Redirects would carry credentials elsewhere; Zoom's API does not redirect (3xx is refused below).
    followRedirect: false,
    // Raw bytes: body.ts decompresses within the cap and parses once.
    responseType: 'buffer',
    decompress: false,
    headers: {'user-agent': 'zoom-scope-audit', accept: 'application/json', 'accept-encoding': 'gzip, deflate, br'},
    // got's retry machinery does the waiting and re-sending; calculateDelay (always consulted, enforceRetryRules
    // off) decides: 5xx/resets within `retries`, 429s by Retry-After within the run's total wait, and never more
    // than `maxAttempts` attempts in all.
    retry: {
      limit: deps.maxAttempts - 1,
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
    handlers: [
      (options, next) => {
        const call = callOf(options.context)
        const request = next(options)
        if (options.isStream || !('cancel' in request)) return request
        // Counted on the wire as it arrives: past the cap the request is cancelled, long before memory runs out.
        void request.on('downloadProgress', ({transferred}: {transferred: number}) => {
          if (transferred > deps.maxBodyBytes && call && call.tooLarge === undefined) {
            call.tooLarge = deps.maxBodyBytes
            request.cancel()
          }
        })
        // Timed from the moment each attempt is sent: waits for the token, the rate budget or a Retry-After come
        // before that (a call queued behind its label's budget is not waiting for Zoom). Said once per call.
        let timer: NodeJS.Timeout | undefined
        let said = false
        const stop = () => clearTimeout(timer)
        void request.on('request', () => {
          stop()
          if (said) return
          timer = setTimeout(() => {
            said = true
            deps.notice(
              `Still waiting for Zoom's answer to ${call?.endpoint ?? 'a request'} (each attempt gives up after ${seconds(deps.requestTimeoutMs)}, at most ${deps.maxAttempts} attempts).`,
            )
          }, deps.noticeAfterMs)
          timer.unref()
        })
        void request.on('response', stop)
        void request.then(stop, stop)
        return request
      },
    ],
    hooks: {
      beforeRequest: [
        (options) => {
          // Proxy per target URL (NO_PROXY may exempt one host and not another); a direct request keeps got's agent.
          const route = deps.proxy?.route(options.url instanceof URL ? options.url : new URL(String(options.url)))
          const call = callOf(options.context)
          if (route) options.agent = route.agent
          if (call) {
            call.attempts++
            if (route) call.proxy = route.display
            else delete call.proxy
          }
        },
      ],
      afterResponse: [
        async (response) => {
          const endpoint = callOf(response.request.options.context)?.endpoint ?? 'a request'
          if (response.statusCode >= 300 && response.statusCode < 400)
            throw redirectError(endpoint, response.statusCode)
          await readAnswer(response, deps.maxBodyBytes, endpoint)
          return response
        },
      ],
      beforeError: [(error) => translateError(error, deps.redactor)],
    },
  })

  return base.extend({
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
}

/** The instance for API requests: the guarded one, with the bearer token and the rate-limit gate. */
export function createApiHttp(guarded: Got, tokens: TokenSource, deps: HttpDeps): Got {
  const authed = guarded.extend({
    hooks: {
      beforeRequest: [
        async (options) => {
          const token = await tokens.current()
          const call = callOf(options.context)
          if (call) call.tokenGeneration = token.generation
          options.headers.authorization = `Bearer ${token.value}`
        },
      ],
      afterResponse: [
        async (response, retryWithMergedOptions) => {
          const call = callOf(response.request.options.context)
          const code = errorFacts(answerOf(response)).code
          if (response.statusCode === 401 && code === 124 && call && !call.reminted) {
            call.reminted = true
            await tokens.renew(call.tokenGeneration)
            // The auth hook above sets the new token on the retried request.
            return retryWithMergedOptions({})
          }
          return response
        },
      ],
    },
  })

  return authed.extend({
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
            await deps.gate.pass(label)
            if (!deps.limiter) break
            await deps.limiter({endpoint, label, ...(call.listingPage ? {listingPage: true} : {})}, context)
            if (deps.gate.isOpen(label)) break
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
}

/** Only GET under the API base, and POST to the token URL. */
function isAllowed(method: string, url: URL, deps: HttpDeps): boolean {
  const target = `${url.origin}${url.pathname}`
  if (method === 'POST') return target === deps.oauthUrl
  if (method !== 'GET') return false
  for (const apiBase of deps.apiBases()) if (target.startsWith(`${apiBase}/`)) return true
  return false
}

/** 5xx, connection failures and bodies that stopped mid-way: a few retries with exponential backoff and jitter. */
function transientDelay({error}: RetryObject, deps: HttpDeps): number {
  if (error.name === 'RetryError') return 1 // an afterResponse hook asked for it (token re-mint)
  const call = callOf(error.options.context)
  if (!call || !isTransient(error) || call.serverRetries >= deps.retries || call.attempts >= deps.maxAttempts) return 0
  call.serverRetries++
  const wait = backoff(deps.retryBaseDelayMs, call.serverRetries)
  const next = `trying again in ${seconds(wait)} (attempt ${call.attempts + 1} of at most ${Math.min(deps.maxAttempts, deps.retries + 1)})`
  // A timeout has already cost a whole --timeout: say so, so a dead endpoint is never a silent wait.
  if (error.name === 'TimeoutError' && !isStalledBody(error)) {
    deps.notice(`No answer from Zoom to ${call.endpoint} within ${seconds(deps.requestTimeoutMs)}; ${next}.`)
  } else if (wait >= ANNOUNCED_WAIT_MS) {
    deps.notice(`${call.endpoint} failed (${error.code}); ${next}.`)
  }
  return wait
}

/** 429: wait for Retry-After (at least a second; bounded by total wait and attempts); a daily limit stops the run. */
function rateLimitAwareDelay(retry: RetryObject, deps: HttpDeps): number {
  const {error} = retry
  const response = error.response
  if (response?.statusCode !== 429) return transientDelay(retry, deps)
  const call = callOf(error.options.context)
  if (!call) return 0
  const now = deps.now()
  const waitMs = parseRetryAfter(headerValue(response.headers['retry-after']), now)
  const facts = errorFacts(answerOf(response))
  if (isDailyLimit(headerValue(response.headers['x-ratelimit-type']), facts.message ?? facts.text)) {
    const resetAt = waitMs === undefined ? undefined : new Date(now + waitMs).toISOString()
    throw dailyLimitError(call.endpoint, resetAt)
  }
  if (call.attempts >= deps.maxAttempts) throw tooManyAttemptsError(call.endpoint, call.attempts)
  const wait = Math.max(MIN_RATE_LIMIT_WAIT_MS, waitMs ?? backoff(deps.retryBaseDelayMs, call.rateLimitRetries + 1))
  // Zoom counts its limits per label: a 429 on one endpoint holds every endpoint of its label.
  deps.gate.close(ENDPOINT_LABELS[call.endpoint as EndpointTemplate], wait, call.endpoint)
  call.rateLimitRetries++
  deps.stats.rateLimitWaits++
  deps.stats.rateLimitWaitMs = deps.gate.totalWaitMs
  if (wait >= ANNOUNCED_WAIT_MS) {
    deps.notice(`Zoom rate-limited ${call.endpoint}; waiting ${seconds(wait)} as it asked before trying again.`)
  }
  // got waits this long, then the gate (in beforeRequest) holds the retry until the label is open again.
  return wait
}

function isTransient(error: RequestError): boolean {
  if (error.cause instanceof ToolError) return false // our own decision (too large, bad answer, redirect)
  if (isStalledBody(error)) return true
  if (error.response) return TRANSIENT_STATUS.has(error.response.statusCode)
  return TRANSIENT_ERROR_CODES.has(error.code) || error.name === 'TimeoutError'
}

/** Exponential backoff with jitter: base·2^(n-1), capped, scaled by a random 50–100 %. */
function backoff(baseMs: number, attempt: number): number {
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS)
  return Math.max(1, Math.round(ceiling * (0.5 + Math.random() / 2)))
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}
