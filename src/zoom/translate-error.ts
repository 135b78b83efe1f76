// The one place where got's errors become the tool's errors, and where every sentence about a failed request is
// written (429s, daily limits, redirects, stalled or oversized bodies). got errors carry the request options,
// headers included (Basic credentials, bearer token): they never leave the client; only a clean one-line message
// does.
import {RequestError} from 'got'

import {ToolError, ZoomError} from '../errors.js'
import {answerOf, errorFacts, tooLargeError, type ZoomErrorFacts} from './body.js'
import {callOf, type CallState} from './call-context.js'
import {ZoomMissingScopesError, ZoomNotFoundError, ZoomRateLimitError} from './errors.js'
import type {Redactor} from './redact.js'

const MISSING_SCOPES_PREFIX = 'Invalid access token, does not contain scopes'
/** Zoom codes that mean "no such user" (1001) and "no such app" (1401). */
const NOT_FOUND_CODES = new Set([1001, 1401])

export function translateError(error: unknown, redactor: Redactor): ToolError {
  if (error instanceof ToolError) return error
  // Our own failures thrown inside got (hooks, retry decisions) arrive wrapped in a RequestError.
  const cause = error instanceof Error ? error.cause : undefined
  if (cause instanceof ToolError) return cause
  if (!(error instanceof RequestError)) {
    const text = error instanceof Error ? error.message : String(error)
    return new ZoomError(`Zoom request failed: ${redactor.clean(text)}`, {code: 'zoom_request_failed'})
  }
  const call = callOf(error.options?.context)
  const endpoint = call?.endpoint ?? 'a Zoom request'
  if (call?.tooLarge !== undefined) return tooLargeError(endpoint, call.tooLarge)
  if (isStalledBody(error)) return stalledBodyError(error, endpoint, call)
  const response = error.response
  if (!response) return networkError(error, endpoint, call, redactor)
  const status = response.statusCode
  const facts = errorFacts(answerOf(response))
  const url = error.options?.url instanceof URL ? error.options.url : undefined
  return call?.kind === 'token'
    ? tokenError(status, facts, redactor)
    : apiError(status, facts, endpoint, call, redactor, response.statusMessage, url)
}

/** A 2xx whose body stopped arriving (no more bytes until the timeout, or the connection closed mid-way). */
export function isStalledBody(error: RequestError): boolean {
  const status = error.response?.statusCode
  return (
    status !== undefined &&
    status >= 200 &&
    status < 300 &&
    (error.name === 'TimeoutError' || error.name === 'ReadError')
  )
}

function stalledBodyError(error: RequestError, endpoint: string, call: CallState | undefined): ZoomError {
  const how = error.name === 'TimeoutError' ? 'stopped sending' : 'closed the connection in the middle of'
  return new ZoomError(
    `Zoom ${how} its answer to ${endpoint} (HTTP ${error.response?.statusCode}, ${call?.attempts ?? 1} attempt(s)).`,
    {code: 'zoom_body_stalled', endpoint, actions: ['Try again later.']},
  )
}

export function redirectError(endpoint: string, status: number): ZoomError {
  return new ZoomError(`Zoom answered ${endpoint} with a redirect (HTTP ${status}).`, {
    code: 'zoom_redirect',
    status,
    actions: ['Check --api-url / --oauth-url.'],
  })
}

export function dailyLimitError(endpoint: string, resetAt: string | undefined): ZoomRateLimitError {
  return new ZoomRateLimitError(
    `Zoom's daily rate limit for ${endpoint} is used up; ${resetAt ? `it resets at ${resetAt}` : 'Zoom did not say when it resets'}.`,
    {actions: ['Run again after that.'], endpoint, daily: true, status: 429, ...(resetAt ? {resetAt} : {})},
  )
}

export function rateLimitWaitError(endpoint: string, waitMs: number, maxTotalWaitMs: number): ZoomRateLimitError {
  return new ZoomRateLimitError(
    `Zoom keeps rate-limiting ${endpoint}: waiting another ${seconds(waitMs)} would exceed the ${seconds(maxTotalWaitMs)} this run may wait in total.`,
    {actions: ['Try again later.'], endpoint, daily: false, status: 429},
  )
}

export function tooManyAttemptsError(endpoint: string, attempts: number): ZoomRateLimitError {
  return new ZoomRateLimitError(
    `Zoom keeps rate-limiting ${endpoint}: still HTTP 429 after ${attempts} attempts; stopped.`,
    {actions: ['Try again later.'], endpoint, daily: false, status: 429},
  )
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}

function tokenError(status: number, facts: ZoomErrorFacts, redactor: Redactor): ZoomError {
  const {reason, error, code, message, text} = facts
  const why = redactor.clean(String(reason ?? message ?? text ?? `HTTP ${status}`))
  const label = [`HTTP ${status}`, typeof error === 'string' ? redactor.clean(error, 60) : undefined]
    .filter(Boolean)
    .join(', ')
  const actions =
    status === 400 || status === 401
      ? [
          'Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and that the Server-to-Server OAuth app is activated.',
        ]
      : []
  return new ZoomError(`Zoom refused the access-token request (${label}): ${sentence(why)}`, {
    code: 'zoom_auth_failed',
    actions,
    status,
    ...(typeof error === 'string' ? {zoomError: redactor.clean(error, 60)} : {}),
    ...(typeof code === 'number' ? {zoomCode: code} : {}),
  })
}

function apiError(
  status: number,
  facts: ZoomErrorFacts,
  endpoint: string,
  call: CallState | undefined,
  redactor: Redactor,
  statusMessage: string | undefined,
  url: URL | undefined,
): ZoomError {
  const zoomCode = facts.code
  const text = facts.message === undefined ? undefined : redactor.clean(facts.message)
  const details = {status, endpoint, ...(zoomCode === undefined ? {} : {zoomCode})}

  const scopes = text === undefined ? undefined : missingScopes(text)
  if (scopes) {
    const which = scopes.length === 1 ? `the scope ${scopes[0]}` : `one of the scopes ${scopes.join(', ')}`
    return new ZoomMissingScopesError(`Zoom refused ${endpoint}: the auditor's app lacks ${which}.`, {
      ...details,
      scopes,
      actions: ['Add it to the Server-to-Server OAuth app (ZOOM_CLIENT_ID) on marketplace.zoom.us and run again.'],
    })
  }
  const said = `HTTP ${status}${zoomCode === undefined ? '' : `, code ${zoomCode}`}`
  const what = text ?? redactor.clean(facts.text ?? statusMessage ?? 'no further detail', 120)
  if (status === 404 && zoomCode !== undefined && NOT_FOUND_CODES.has(zoomCode)) {
    return new ZoomNotFoundError(`Zoom: ${what} (${endpoint}, ${said})`, {...details, status})
  }
  if (status === 429) {
    return new ZoomRateLimitError(`Zoom rate-limited ${endpoint} (${said}): ${what}`, {endpoint, daily: false, status})
  }
  if (status === 401) {
    return new ZoomError(`Zoom rejected the access token on ${endpoint} (${said}): ${what}`, {
      ...details,
      code: 'zoom_auth_failed',
    })
  }
  const retried = call && call.serverRetries > 0 ? ` (after ${call.serverRetries} retries)` : ''
  return new ZoomError(`Zoom API error on ${endpoint} (${said}): ${what}${retried}${v2Hint(status, url)}`, details)
}

function networkError(
  error: RequestError,
  endpoint: string,
  call: CallState | undefined,
  redactor: Redactor,
): ZoomError {
  const host = error.options?.url instanceof URL ? error.options.url.host : 'Zoom'
  const retried = call && call.serverRetries > 0 ? ` after ${call.serverRetries} retries` : ''
  if (error.name === 'TimeoutError') {
    return new ZoomError(`Zoom (${host}) did not answer ${endpoint} in time${retried}.`, {
      code: 'zoom_timeout',
      endpoint,
      actions: ['Try again later, or allow each request more time with --timeout.'],
    })
  }
  // hpagent: the proxy answered the CONNECT request with something other than 200.
  const proxyStatus = call?.proxy ? /Bad response: (\d{3})/.exec(error.message)?.[1] : undefined
  const reason = proxyStatus
    ? `the proxy answered HTTP ${proxyStatus}`
    : error.code && error.code !== 'ERR_GOT_REQUEST_ERROR'
      ? error.code
      : redactor.clean(error.message, 120)
  const via = call?.proxy ? ` through the proxy ${call.proxy}` : ''
  const {said, actions} = connectionHint(error, call, proxyStatus)
  return new ZoomError(`Could not reach Zoom at ${host}${via} for ${endpoint}: ${reason}${retried}.${said}`, {
    code: 'zoom_unreachable',
    endpoint,
    errorCode: error.code,
    ...(call?.proxy ? {proxy: call.proxy} : {}),
    actions,
  })
}

/** Certificate errors that a TLS-inspecting corporate proxy (or a private CA) causes. */
const CERTIFICATE_ERRORS = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
])

/** What else the message says about a failed connection (` said`, with its leading space), and what to do. */
function connectionHint(
  error: RequestError,
  call: CallState | undefined,
  proxyStatus: string | undefined,
): {said: string; actions: string[]} {
  if (CERTIFICATE_ERRORS.has(error.code)) {
    return {
      said: '',
      actions: [
        'The certificate was not issued by a CA Node trusts: if a corporate proxy or private CA signs it, put that CA (PEM) in a file and set NODE_EXTRA_CA_CERTS to its path.',
      ],
    }
  }
  if (proxyStatus === '407') {
    return call?.proxy?.includes('***@')
      ? {said: ' The proxy did not accept the user and password in the proxy URL.', actions: []}
      : {
          said: '',
          actions: ['The proxy wants credentials: give them in the proxy URL (http://user:password@host:port).'],
        }
  }
  if (proxyStatus) return {said: '', actions: ['Check HTTPS_PROXY / HTTP_PROXY, or exempt the host with NO_PROXY.']}
  if (call?.proxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(error.code)) {
    return {said: '', actions: ['Check HTTPS_PROXY / HTTP_PROXY (or exempt the host with NO_PROXY).']}
  }
  return {said: '', actions: []}
}

/** The scopes in "Invalid access token, does not contain scopes: [a, b]." (no space before `[` also seen). */
export function missingScopes(message: string): string[] | undefined {
  if (message.startsWith(MISSING_SCOPES_PREFIX)) {
    const list = /\[([^\]]*)\]/.exec(message)?.[1] ?? ''
    const scopes = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    return scopes.length > 0 ? scopes : undefined
  }
  // The spec's older wording: "Invalid access token, does not contain role:read:admin scope."
  const single = /^Invalid access token, does not contain ([a-z0-9_:]+) scope/.exec(message)?.[1]
  return single ? [single] : undefined
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Zoom's API lives under /v2: a 404 from an API URL without it says so, instead of one 404 per endpoint. */
function v2Hint(status: number, url: URL | undefined): string {
  if (status !== 404 || !url || /\/v2(\/|$)/.test(url.pathname)) return ''
  return ` The API URL has no /v2 in its path: Zoom's API is under https://api.zoom.us/v2 (or the regional host's /v2).`
}
