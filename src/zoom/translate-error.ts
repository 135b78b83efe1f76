// The one place where got's errors become the tool's errors. got errors carry the request options, headers
// included (Basic credentials, bearer token): they never leave the client; only a clean one-line message does.
import {RequestError} from 'got'

import {ToolError, ZoomError} from '../errors.js'
import {callOf, type CallState} from './call-context.js'
import {ZoomMissingScopesError, ZoomNotFoundError, ZoomRateLimitError} from './errors.js'
import type {Redactor} from './redact.js'
import type {ZoomApiErrorBody, ZoomTokenErrorBody} from './types.js'

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
  const response = error.response
  if (!response) return networkError(error, endpoint, call, redactor)
  const status = response.statusCode
  const body: unknown = response.body
  return call?.kind === 'token'
    ? tokenError(status, body, redactor)
    : apiError(status, body, endpoint, call, redactor, response.statusMessage)
}

function tokenError(status: number, body: unknown, redactor: Redactor): ZoomError {
  const {reason, error} = asObject<ZoomTokenErrorBody>(body)
  const {code, message} = asObject<ZoomApiErrorBody>(body)
  const why = redactor.clean(String(reason ?? message ?? (typeof body === 'string' && body ? body : `HTTP ${status}`)))
  const label = [`HTTP ${status}`, typeof error === 'string' ? redactor.clean(error, 60) : undefined]
    .filter(Boolean)
    .join(', ')
  const hint =
    status === 400 || status === 401
      ? ' Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and that the Server-to-Server OAuth app is activated.'
      : ''
  return new ZoomError(`Zoom refused the access-token request (${label}): ${sentence(why)}${hint}`, {
    code: 'zoom_auth_failed',
    status,
    ...(typeof error === 'string' ? {zoomError: redactor.clean(error, 60)} : {}),
    ...(typeof code === 'number' ? {zoomCode: code} : {}),
  })
}

function apiError(
  status: number,
  body: unknown,
  endpoint: string,
  call: CallState | undefined,
  redactor: Redactor,
  statusMessage: string | undefined,
): ZoomError {
  const {code, message} = asObject<ZoomApiErrorBody>(body)
  const zoomCode = typeof code === 'number' ? code : undefined
  const text = typeof message === 'string' ? redactor.clean(message) : undefined
  const facts = {status, endpoint, ...(zoomCode === undefined ? {} : {zoomCode})}

  const scopes = text === undefined ? undefined : missingScopes(text)
  if (scopes) {
    const which = scopes.length === 1 ? `the scope ${scopes[0]}` : `one of the scopes ${scopes.join(', ')}`
    return new ZoomMissingScopesError(
      `Zoom refused ${endpoint}: the auditor's app lacks ${which}. Add it to the Server-to-Server OAuth app (ZOOM_CLIENT_ID) on marketplace.zoom.us and run again.`,
      {...facts, scopes},
    )
  }
  const said = `HTTP ${status}${zoomCode === undefined ? '' : `, code ${zoomCode}`}`
  const what = text ?? redactor.clean(statusMessage ?? 'no further detail')
  if (status === 404 && zoomCode !== undefined && NOT_FOUND_CODES.has(zoomCode)) {
    return new ZoomNotFoundError(`Zoom: ${what} (${endpoint}, ${said})`, {...facts, status})
  }
  if (status === 429) {
    return new ZoomRateLimitError(`Zoom rate-limited ${endpoint} (${said}): ${what}`, {endpoint, daily: false, status})
  }
  if (status === 401) {
    return new ZoomError(`Zoom rejected the access token on ${endpoint} (${said}): ${what}`, {
      ...facts,
      code: 'zoom_auth_failed',
    })
  }
  const retried = call && call.serverRetries > 0 ? ` (after ${call.serverRetries} retries)` : ''
  return new ZoomError(`Zoom API error on ${endpoint} (${said}): ${what}${retried}`, facts)
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
  return new ZoomError(
    `Could not reach Zoom at ${host}${via} for ${endpoint}: ${reason}${retried}.${connectionHint(error, call, proxyStatus)}`,
    {
      code: 'zoom_unreachable',
      endpoint,
      errorCode: error.code,
      ...(call?.proxy ? {proxy: call.proxy} : {}),
    },
  )
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

function connectionHint(error: RequestError, call: CallState | undefined, proxyStatus: string | undefined): string {
  if (CERTIFICATE_ERRORS.has(error.code)) {
    return ' The certificate was not issued by a CA Node trusts: if a corporate proxy or private CA signs it, put that CA (PEM) in a file and set NODE_EXTRA_CA_CERTS to its path.'
  }
  if (proxyStatus === '407') {
    return call?.proxy?.includes('***@')
      ? ' The proxy did not accept the user and password in the proxy URL.'
      : ' The proxy wants credentials: give them in the proxy URL (http://user:password@host:port).'
  }
  if (proxyStatus) return ' Check HTTPS_PROXY / HTTP_PROXY, or exempt the host with NO_PROXY.'
  if (call?.proxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(error.code)) {
    return ' Check HTTPS_PROXY / HTTP_PROXY (or exempt the host with NO_PROXY).'
  }
  return ''
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

function asObject<T extends object>(body: unknown): Partial<T> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Partial<T>) : {}
}
