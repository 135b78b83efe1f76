// A fake of the Zoom REST API (the endpoints an owner/scope audit reads) and of the S2S OAuth token endpoint.
// Faithful to docs/zoom-api.md (its sections cited by name, e.g. §Paging), not to what is convenient for a client. Node's http only.
import {randomBytes} from 'node:crypto'
import http from 'node:http'
import zlib from 'node:zlib'
import type {AddressInfo} from 'node:net'
import {performance} from 'node:perf_hooks'

import {RATE_LIMIT_ID_HEADER, SAW_HEADER, SENT_AT_HEADER, sawRateLimits} from './client-probe.mjs'
import {type EndpointDef, matchV2Path, observedCategory, templateOf} from './endpoints.js'
import {scopeDescription, scopeLabel} from './labels.js'
import {validateScenario} from './scenario.js'
import {tokenRefusal} from './token.js'
import type {
  FakeZoom,
  FakeZoomOptions,
  FakeZoomScenario,
  FaultSpec,
  RecordedRequest,
  ScenarioApp,
  ScenarioUser,
} from './types.js'

/** §Paging: "token expires after 15 minutes". */
export const PAGE_TOKEN_TTL_MS = 15 * 60 * 1000
/** §Access token: expires_in 3600, observed 3599. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3599

export const MESSAGES = {
  invalidToken: 'Invalid access token.', // §Errors code 124
  pageToken: 'The next page token is invalid or expired.', // §Paging code 300
  notRecognized: 'This API endpoint is not recognized.', // §Errors code 2300
  perSecond: 'You have reached the maximum per-second rate limit for this API. Try again later.', // §Rate limits
  daily:
    'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.', // §Rate limits
  roleNotFound: 'Provided role_id does not exist.', // §API answers code 1034
  validation: 'Validation Failed.', // §Errors code 300
} as const

/** §Errors (FORUM-95961 format, granular list as in FORUM-108207): `Invalid access token, does not contain scopes: [a, b].` */
export function missingScopesMessage(granular: string[]): string {
  return `Invalid access token, does not contain scopes: [${granular.join(', ')}].`
}

interface Ctx {
  req: http.IncomingMessage
  res: http.ServerResponse
  rec: RecordedRequest
  method: string
  path: string
  query: Record<string, string>
  body: string
  /** Set by a 'repeat-page-token' fault: answer with this next_page_token. */
  repeatToken?: string
}

interface IssuedToken {
  scopes: Set<string>
  expiresAt: number
}
interface PageToken {
  binding: string
  offset: number
  createdAt: number
}
interface QueuedFault {
  spec: FaultSpec
  remaining: number
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function apiError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): HttpAnswer {
  return new HttpAnswer(status, {code, message, ...extra})
}

function validationError(field: string): HttpAnswer {
  // §Errors: validation adds "errors":[{"field":…,"message":"Invalid field."}] with code 300 "Validation Failed."
  return apiError(400, 300, MESSAGES.validation, {errors: [{field, message: 'Invalid field.'}]})
}

/** Opaque like Zoom's examples ("IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2": 35 alphanumerics). */
function opaqueToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = randomBytes(length)
  let s = ''
  for (const b of bytes) s += alphabet[b % alphabet.length]
  return s
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

/** Deterministic per-record numbers (pmi, dates) so responses do not change between runs. */
function hashOf(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** One 429's Retry-After window (see handle and sentAfterRateLimit). */
interface RetryWindow {
  until: number
  answeredAt: number
  socket: unknown
  sentAt: number
  id: number
}

const USER_STATUSES = ['active', 'inactive', 'pending']
const ROLE_TYPES = ['common', 'iq']
// §API answers List apps `type` enum; default active_requests.
const APP_LIST_TYPES = [
  'active_requests',
  'past_requests',
  'public',
  'account_created',
  'account_added',
  'approved_apps',
  'restricted_apps',
]

export async function startFakeZoom(scenarioInput: FakeZoomScenario, options: FakeZoomOptions = {}): Promise<FakeZoom> {
  const scenario = validateScenario(scenarioInput)
  const now = options.now ?? Date.now
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const latencyMs = options.latencyMs ?? 0
  let inFlight = 0
  let maxInFlight = 0
  const faults: QueuedFault[] = []
  const tokens = new Map<string, IssuedToken>()
  const pageTokens = new Map<string, PageToken>()
  /** endpoint (templated, with method) or label → its 429s: Retry-After instant, the socket each went to, real time
   *  sent, and its number (what a probed client names in SAW_HEADER, see client-probe.mjs) */
  const retryWindows = new Map<string, RetryWindow[]>()
  const graceMs = options.inFlightGraceMs ?? 50
  /** Names this fake's 429s apart from another fake's in a client that talks to both. */
  const instance = randomBytes(4).toString('hex')
  let rateLimitIds = 0
  const pending = new Set<() => void>()
  let tracking = 0
  let closed = false
  let baseUrl = ''

  // -------------------------------------------------------------------------------------------------------------
  // plumbing

  function send(ctx: Ctx, answer: HttpAnswer): void {
    const headers: Record<string, string> = {...answer.headers}
    if (ctx.path === '/v2' || ctx.path.startsWith('/v2/'))
      headers['x-zm-trackingid'] = `v=2.0;clid=fake;rid=FAKE_${(++tracking).toString().padStart(8, '0')}` // §Rate limits (RIVET)
    let payload = ''
    if (typeof answer.body === 'string') {
      payload = answer.body
      headers['content-type'] ??= 'text/html;charset=utf-8'
    } else if (answer.body !== undefined) {
      payload = JSON.stringify(answer.body)
      headers['content-type'] = 'application/json;charset=UTF-8'
    }
    ctx.rec.status = answer.status
    if (ctx.res.destroyed) return
    ctx.res.writeHead(answer.status, headers)
    ctx.res.end(payload)
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        pending.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      pending.add(done)
    })
  }

  /** Resolves when the fake closes (a hanging answer; also frees the socket then). */
  function untilClosed(): Promise<void> {
    if (closed) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        pending.delete(done)
        resolve()
      }
      pending.add(done)
    })
  }

  function matches(spec: FaultSpec, ctx: Ctx): boolean {
    const m = spec.match
    if (m.method !== undefined && m.method.toUpperCase() !== ctx.method) return false
    if (m.endpoint !== undefined && m.endpoint !== ctx.rec.endpoint) return false
    if (m.path !== undefined && m.path !== ctx.path) return false
    if (m.query !== undefined) for (const [k, v] of Object.entries(m.query)) if (ctx.query[k] !== v) return false
    const kind = spec.fault.kind
    // Page-token faults wait for a request that carries a next_page_token.
    if ((kind === 'expire-page-token' || kind === 'repeat-page-token') && !ctx.query.next_page_token) return false
    return true
  }

  function takeFault(ctx: Ctx): FaultSpec['fault'] | undefined {
    const i = faults.findIndex((f) => matches(f.spec, ctx))
    if (i < 0) return undefined
    const f = faults[i]!
    f.remaining -= 1
    if (f.remaining <= 0) faults.splice(i, 1)
    return f.spec.fault
  }

  // -------------------------------------------------------------------------------------------------------------
  // request handling

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const at = now()
    const method = (req.method ?? 'GET').toUpperCase()
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    const path = q >= 0 ? rawUrl.slice(0, q) : rawUrl
    const query: Record<string, string> = {}
    for (const [k, v] of new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '')) if (!(k in query)) query[k] = v
    const endpoint = templateOf(method, path)
    const rec: RecordedRequest = {
      method,
      path,
      query,
      headers: flattenHeaders(req.headers),
      body,
      at,
      status: 0,
      endpoint,
    }
    const sentAt = Number(rec.headers[SENT_AT_HEADER])
    if (rec.headers[SENT_AT_HEADER] !== undefined && Number.isFinite(sentAt)) rec.sentAt = sentAt
    requests.push(rec)
    const ctx: Ctx = {req, res, rec, method, path, query, body}

    const label = options.labelLimits ? matchV2Path(path)?.def.rateLabel : undefined
    const window = retryWindows
      .get(windowKey(method, path, endpoint))
      ?.find((w) => at < w.until && sentAfterRateLimit(req, w, rec.headers[SAW_HEADER]))
    if (window) {
      violations.push(
        `${endpoint}: ${method} ${rawUrl} came ${window.until - at} ms before the Retry-After of the 429 answered at ${window.answeredAt}`,
      )
    }
    const underV2 = path === '/v2' || path.startsWith('/v2/')
    if (underV2 && method !== 'GET') violations.push(`non-GET request under /v2: ${method} ${path}`)
    if (underV2) {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      res.once('close', () => inFlight--)
    }

    if (label && !takeLabelToken(label, at)) {
      // rateLimited opens the 429 window of the whole label (windowKey).
      const answer = rateLimited(ctx, {kind: 'rate-limit', retryAfter: 1}, at)
      rec.fault = 'rate-limit'
      send(ctx, answer)
      return
    }
    if (underV2 && latencyMs > 0) {
      await sleep(latencyMs)
      if (closed) {
        req.socket.destroy()
        return
      }
    }
    const fault = takeFault(ctx)
    if (fault) {
      rec.fault = fault.kind
      switch (fault.kind) {
        case 'reset':
          req.socket.destroy()
          return
        case 'status': {
          const b =
            fault.body === undefined
              ? {code: fault.status, message: http.STATUS_CODES[fault.status] ?? 'Error'}
              : fault.body
          send(ctx, new HttpAnswer(fault.status, b))
          return
        }
        case 'delay':
          await sleep(fault.ms)
          if (closed) {
            req.socket.destroy()
            return
          }
          break
        case 'rate-limit':
          send(ctx, rateLimited(ctx, fault, at))
          return
        case 'expire-page-token':
          // The token is gone for good: this request and any later one carrying it get 400 {code:300} (§Paging).
          pageTokens.delete(query.next_page_token!)
          break
        case 'repeat-page-token':
          ctx.repeatToken = query.next_page_token
          break
        case 'raw':
          rec.status = fault.status ?? 200
          res.writeHead(rec.status, {'content-type': fault.contentType ?? 'application/json', ...fault.headers})
          res.end(fault.body)
          return
        case 'hang':
          await untilClosed()
          req.socket.destroy()
          return
        case 'gzip-bomb':
          sendGzipBomb(ctx, fault.megabytes)
          return
        case 'mutate':
        case 'stall':
          break
      }
    }

    let answer: HttpAnswer
    if (path === '/oauth/token') answer = oauth(ctx)
    else if (underV2) answer = v2(ctx)
    else answer = apiError(404, 2300, MESSAGES.notRecognized)
    if (fault?.kind === 'mutate') answer = new HttpAnswer(answer.status, fault.mutate(answer.body), answer.headers)
    if (fault?.kind === 'stall') {
      await sendStalled(ctx, answer, fault.afterBytes ?? 10)
      return
    }
    send(ctx, answer)
  }

  /**
   * Whether a request that arrived within a 429's window was sent after the client had that 429. A probed client
   * (client-probe.mjs) says which 429s it had received when it sent the request: that decides, however late the
   * request arrives. Otherwise arrival time: on the connection that got the 429 it always counts (HTTP/1.1 sends the
   * next request only after the answer); on another connection, one arriving within the grace may have been in flight
   * already and is not counted.
   */
  function sentAfterRateLimit(req: http.IncomingMessage, window: RetryWindow, sawHeader: string | undefined): boolean {
    const saw = sawRateLimits(sawHeader, instance)
    if (saw) return saw.has(window.id)
    return req.socket === window.socket || performance.now() - window.sentAt > graceMs
  }

  /** Zoom counts rate limits per label: a 429 window covers every endpoint of the label (§Rate limits). */
  function windowKey(method: string, path: string, endpoint: string): string {
    const label = method === 'GET' ? matchV2Path(path)?.def.rateLabel : undefined
    return label === undefined ? endpoint : `label ${label}`
  }

  async function sendStalled(ctx: Ctx, answer: HttpAnswer, afterBytes: number): Promise<void> {
    const payload = Buffer.from(JSON.stringify(answer.body))
    ctx.rec.status = answer.status
    ctx.res.writeHead(answer.status, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': String(payload.length),
    })
    ctx.res.write(payload.subarray(0, Math.min(afterBytes, payload.length - 1)))
    await untilClosed()
    ctx.req.socket.destroy()
  }

  function sendGzipBomb(ctx: Ctx, megabytes: number): void {
    // One member inflates to 16 MB of spaces; gzip allows members back to back, so the bomb costs little to make.
    const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20), {level: 9})
    const members = Math.max(1, Math.ceil(megabytes / 16))
    ctx.rec.status = 200
    ctx.res.writeHead(200, {'content-type': 'application/json;charset=UTF-8', 'content-encoding': 'gzip'})
    const write = (left: number): void => {
      if (left === 0 || ctx.res.destroyed) {
        ctx.res.end()
        return
      }
      if (ctx.res.write(member)) write(left - 1)
      else ctx.res.once('drain', () => write(left - 1))
    }
    write(members)
  }

  /** options.labelLimits: one bucket per label, full at start, refilled continuously at the label's rate. */
  const buckets = new Map<string, {tokens: number; at: number}>()
  function takeLabelToken(label: keyof NonNullable<FakeZoomOptions['labelLimits']>, at: number): boolean {
    const rate = options.labelLimits?.[label]
    if (rate === undefined) return true
    const bucket = buckets.get(label) ?? {tokens: rate, at}
    bucket.tokens = Math.min(rate, bucket.tokens + ((at - bucket.at) * rate) / 1000)
    bucket.at = at
    buckets.set(label, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  function rateLimited(ctx: Ctx, f: Extract<FaultSpec['fault'], {kind: 'rate-limit'}>, at: number): HttpAnswer {
    let until: number
    let retryAfter: string
    if (typeof f.retryAfter === 'object') {
      // A hostile header: no window the client could honour (it is told nothing usable).
      until = at
      retryAfter = f.retryAfter.raw
    } else if (typeof f.retryAfter === 'number') {
      until = at + f.retryAfter * 1000
      retryAfter = String(f.retryAfter)
    } else {
      // Dates have 1-second resolution: round the instant up so that honouring it never means coming back early.
      until = Math.ceil((at + (f.seconds ?? 2) * 1000) / 1000) * 1000
      retryAfter = f.retryAfter === 'date' ? new Date(until).toUTCString() : isoSeconds(until)
    }
    const key = windowKey(ctx.method, ctx.path, ctx.rec.endpoint)
    const id = ++rateLimitIds
    const windows = (retryWindows.get(key) ?? []).filter((w) => w.until > at)
    windows.push({until, answeredAt: at, socket: ctx.req.socket, sentAt: performance.now(), id})
    retryWindows.set(key, windows)
    // [fake-specific] names this 429 for client-probe.mjs; a client has no use for it.
    const headers: Record<string, string> = {'retry-after': retryAfter, [RATE_LIMIT_ID_HEADER]: `${instance}:${id}`}
    const def = matchV2Path(ctx.path)?.def
    if (def) headers['x-ratelimit-category'] = observedCategory(def.rateLabel)
    if (f.daily) {
      headers['x-ratelimit-type'] = 'Daily-limit' // §Rate limits (FORUM-18928); per-second values of this header are unconfirmed: left out
      headers['x-ratelimit-remaining'] = '0'
    }
    return new HttpAnswer(429, {code: 429, message: f.daily ? MESSAGES.daily : MESSAGES.perSecond}, headers)
  }

  // -------------------------------------------------------------------------------------------------------------
  // §Access token OAuth: POST /oauth/token (errors are {reason, error}, not {code, message}: §Access token)

  function oauth(ctx: Ctx): HttpAnswer {
    const refusal = tokenRefusal(
      {
        method: ctx.method,
        authorization: ctx.rec.headers.authorization,
        contentType: ctx.rec.headers['content-type'],
        body: ctx.body,
      },
      scenario.credentials,
    )
    if (refusal) return new HttpAnswer(refusal.status, refusal.body)

    const ttl = scenario.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
    const accessToken = `fzk_${randomBytes(32).toString('base64url')}`
    tokens.set(accessToken, {scopes: new Set(scenario.tokenScopes), expiresAt: now() + ttl * 1000})
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      scope: scenario.tokenScopes.join(' '),
    }
    const apiUrl = scenario.tokenApiUrl === undefined ? baseUrl : scenario.tokenApiUrl
    if (apiUrl !== null) body.api_url = apiUrl
    return new HttpAnswer(200, body, {'cache-control': 'no-store'})
  }

  // -------------------------------------------------------------------------------------------------------------
  // /v2

  function v2(ctx: Ctx): HttpAnswer {
    // §Errors: missing / unknown / expired token → 401 {"code":124,"message":"Invalid access token."}
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(ctx.rec.headers.authorization ?? '')
    const token = bearer ? tokens.get(bearer[1]!) : undefined
    if (!token || now() >= token.expiresAt) return apiError(401, 124, MESSAGES.invalidToken)

    const route = matchV2Path(ctx.path)
    if (!route) return apiError(404, 2300, MESSAGES.notRecognized)
    // The fake is read-only; writes are recorded (and flagged as violations) but never performed. [fake-specific]
    if (ctx.method !== 'GET')
      return apiError(405, 405, `Method ${ctx.method} is not allowed: the fake Zoom API is read-only.`)

    const def = route.def
    // §Scopes an endpoint accepts: any one listed classic or granular scope satisfies the call; otherwise 4700 listing the granular ones (§Errors).
    if (!def.classic.some((s) => token.scopes.has(s)) && !def.granular.some((s) => token.scopes.has(s))) {
      return apiError(400, 4700, missingScopesMessage(def.granular))
    }

    let answer: HttpAnswer
    switch (def.endpoint) {
      case 'GET /v2/users':
        answer = listUsers(ctx, def)
        break
      case 'GET /v2/users/{userId}':
        answer = getUser(route.params.userId!)
        break
      case 'GET /v2/users/{userId}/permissions':
        answer = getPermissions(route.params.userId!)
        break
      case 'GET /v2/roles':
        answer = listRoles(ctx)
        break
      case 'GET /v2/roles/{roleId}':
        answer = getRole(route.params.roleId!)
        break
      case 'GET /v2/roles/{roleId}/members':
        answer = listMembers(ctx, def, route.params.roleId!)
        break
      case 'GET /v2/marketplace/apps':
        answer = listApps(ctx, def)
        break
      case 'GET /v2/marketplace/apps/{appId}':
        answer = getApp(route.params.appId!)
        break
      default:
        answer = apiError(404, 2300, MESSAGES.notRecognized)
    }
    // §Rate limits: 2xx answers carry x-ratelimit-category (observed casing "Light").
    if (answer.status >= 200 && answer.status < 300)
      answer.headers['x-ratelimit-category'] = observedCategory(def.rateLabel)
    return answer
  }

  // -------------------------------------------------------------------------------------------------------------
  // pagination (§Paging)

  interface Page<T> {
    items: T[]
    nextPageToken: string
    pageSize: number
    pageNumber: number
    pageCount: number
    total: number
  }

  function paginate<T>(
    ctx: Ctx,
    def: EndpointDef,
    all: T[],
    maxPageSize: number,
    defaults: Record<string, string>,
  ): Page<T> | HttpAnswer {
    const rawSize = ctx.query.page_size
    let requested = 30
    if (rawSize !== undefined && rawSize !== '') {
      if (!/^\d+$/.test(rawSize) || Number(rawSize) < 1) return validationError('page_size')
      requested = Math.min(Number(rawSize), maxPageSize) // above the documented maximum: clamped [I]
    }
    const cap = scenario.pageCaps?.[def.endpoint]
    const size = cap !== undefined ? Math.min(requested, cap) : requested

    // A token is bound to the listing's query (§Paging "reuse the same query params"), defaults filled in.
    const bound: Record<string, string> = {...defaults}
    for (const [k, v] of Object.entries(ctx.query))
      if (k !== 'next_page_token' && k !== 'page_number' && v !== '') bound[k] = v
    const binding = `${def.endpoint} ${ctx.path} ${JSON.stringify(Object.entries(bound).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`

    let offset = 0
    const given = ctx.query.next_page_token
    if (given) {
      const entry = pageTokens.get(given)
      if (!entry || entry.binding !== binding) return apiError(400, 300, MESSAGES.pageToken)
      if (now() - entry.createdAt >= PAGE_TOKEN_TTL_MS) {
        pageTokens.delete(given)
        return apiError(400, 300, MESSAGES.pageToken)
      }
      offset = entry.offset
    } else if (ctx.query.page_number !== undefined && ctx.query.page_number !== '') {
      // Deprecated page_number (§Paging) still selects a page when no token is given.
      if (!/^\d+$/.test(ctx.query.page_number) || Number(ctx.query.page_number) < 1)
        return validationError('page_number')
      offset = (Number(ctx.query.page_number) - 1) * size
    }
    const items = all.slice(offset, offset + size)
    const nextOffset = offset + items.length
    let nextPageToken = ''
    if (nextOffset < all.length && items.length > 0) {
      if (pageTokens.size >= 10_000)
        for (const [k, e] of pageTokens) if (now() - e.createdAt >= PAGE_TOKEN_TTL_MS) pageTokens.delete(k)
      nextPageToken = opaqueToken(35)
      pageTokens.set(nextPageToken, {binding, offset: nextOffset, createdAt: now()})
    }
    if (ctx.repeatToken !== undefined) nextPageToken = ctx.repeatToken // a broken server (fault)
    return {
      items,
      nextPageToken,
      pageSize: size,
      pageNumber: Math.floor(offset / size) + 1,
      pageCount: Math.ceil(all.length / size),
      total: all.length,
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // §API answers users

  function findUser(userId: string): ScenarioUser | undefined {
    const byId = scenario.users.find((u) => u.status !== 'pending' && u.id === userId)
    if (byId) return byId
    const lower = userId.toLowerCase()
    return scenario.users.find((u) => u.email.toLowerCase() === lower)
  }

  function userItem(u: ScenarioUser): Record<string, unknown> {
    const h = hashOf(u.email.toLowerCase())
    const created = isoSeconds(Date.UTC(2019, 0, 1) + (h % (5 * 365 * 86400)) * 1000)
    const item: Record<string, unknown> = {}
    if (u.status !== 'pending' && u.id !== undefined) item.id = u.id // §API answers: id not returned for pending users
    if (u.first_name !== undefined) item.first_name = u.first_name
    if (u.last_name !== undefined) item.last_name = u.last_name
    if (u.display_name !== undefined) item.display_name = u.display_name
    item.email = u.email
    item.type = u.type ?? 1
    if (u.status !== 'pending') {
      item.pmi = 1_000_000_000 + (h % 8_999_999_999)
      item.timezone = 'America/Los_Angeles'
      item.verified = 1
    }
    if (u.dept !== undefined) item.dept = u.dept
    item.created_at = created
    item.user_created_at = created
    if (u.status === 'active') {
      item.last_login_time = isoSeconds(Date.UTC(2026, 0, 1) + (h % (200 * 86400)) * 1000)
      item.last_client_version = '6.4.0.51205(mac)'
    }
    item.group_ids = [...(u.group_ids ?? [])]
    item.language = 'en-US'
    item.status = u.status
    item.role_id = u.role_id // §API answers: list items carry role_id, no role_name
    return item
  }

  function listUsers(ctx: Ctx, def: EndpointDef): HttpAnswer {
    const status = ctx.query.status || 'active' // §API answers: default active
    if (!USER_STATUSES.includes(status)) return validationError('status')
    const include = ctx.query.include_fields
    if (include && !['custom_attributes', 'host_key'].includes(include)) return validationError('include_fields')
    const license = ctx.query.license
    if (license && !['zoom_workforce_management', 'zoom_compliance_management'].includes(license))
      return validationError('license')
    const roleId = ctx.query.role_id
    const all = scenario.users.filter((u) => u.status === status && (!roleId || u.role_id === roleId))
    const page = paginate(ctx, def, all, 2000, {status, page_size: '30'}) // §API answers: page_size max 2000 (spec)
    if (page instanceof HttpAnswer) return page
    return new HttpAnswer(200, {
      next_page_token: page.nextPageToken,
      page_count: page.pageCount,
      page_number: page.pageNumber,
      page_size: page.pageSize,
      total_records: page.total,
      users: page.items.map(userItem),
    })
  }

  function getUser(userId: string): HttpAnswer {
    const u = userId === 'me' ? undefined : findUser(userId) // `me` with an S2S token is undocumented (§Access token): not modelled
    if (!u) return apiError(404, 1001, `User does not exist: ${userId}.`)
    const item = userItem(u)
    const role = scenario.roles.find((r) => r.id === u.role_id)
    if (role) item.role_name = role.name // §API answers: Get a user adds role_name
    item.account_id = scenario.account.id
    item.account_number = 10_000_000 + (hashOf(scenario.account.id) % 89_999_999)
    item.login_types = [100]
    item.phone_numbers = []
    item.use_pmi = false
    if (u.status !== 'pending') item.personal_meeting_url = `https://zoom.example/j/${String(item.pmi)}`
    return new HttpAnswer(200, item)
  }

  function getPermissions(userId: string): HttpAnswer {
    const u = userId === 'me' ? undefined : findUser(userId)
    if (!u) return apiError(404, 1001, `User does not exist: ${userId}.`)
    const role = scenario.roles.find((r) => r.id === u.role_id)
    return new HttpAnswer(200, {permissions: [...(role?.privileges ?? [])]})
  }

  // -------------------------------------------------------------------------------------------------------------
  // §API answers roles

  /** Role members: users of the role that have an id (pending users have none), active or inactive. [I] */
  function membersOf(roleId: string): ScenarioUser[] {
    return scenario.users.filter((u) => u.role_id === roleId && u.status !== 'pending' && u.id !== undefined)
  }

  function listRoles(ctx: Ctx): HttpAnswer {
    const type = ctx.query.type || 'common'
    if (!ROLE_TYPES.includes(type)) return validationError('type')
    const roles = scenario.roles.filter((r) => (r.type ?? 'common') === type)
    // Not paginated (§API answers, BATON): every role in one answer, paging parameters ignored.
    return new HttpAnswer(200, {
      roles: roles.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description ?? '',
        type: r.type ?? 'common',
        total_members: membersOf(r.id).length,
      })),
      total_records: roles.length,
    })
  }

  function getRole(roleId: string): HttpAnswer {
    const r = scenario.roles.find((x) => x.id === roleId)
    if (!r) return apiError(400, 1034, MESSAGES.roleNotFound)
    const body: Record<string, unknown> = {
      id: r.id,
      name: r.name,
      description: r.description ?? '',
      type: r.type ?? 'common',
      privileges: [...r.privileges],
      total_members: membersOf(r.id).length,
    }
    // sub_account_privileges: "only displayed to accounts enrolled in a partner plan" ([API]) → never.
    // privilege_scopes: "will only return permission which checked specific scope" → only when the scenario has it.
    if (r.privilege_scopes !== undefined)
      body.privilege_scopes = r.privilege_scopes.map((p) => ({
        permission_id: p.permission_id,
        group_ids: [...p.group_ids],
      }))
    return new HttpAnswer(200, body)
  }

  function listMembers(ctx: Ctx, def: EndpointDef, roleId: string): HttpAnswer {
    if (!scenario.roles.some((r) => r.id === roleId)) return apiError(400, 1034, MESSAGES.roleNotFound)
    const page = paginate(ctx, def, membersOf(roleId), 300, {page_size: '30'}) // §API answers: max 300
    if (page instanceof HttpAnswer) return page
    return new HttpAnswer(200, {
      members: page.items.map((u) => {
        const m: Record<string, unknown> = {id: u.id, email: u.email}
        if (u.first_name !== undefined) m.first_name = u.first_name
        if (u.last_name !== undefined) m.last_name = u.last_name
        m.type = u.type ?? 1
        if (u.dept !== undefined) m.department = u.dept
        return m
      }),
      next_page_token: page.nextPageToken,
      page_count: page.pageCount,
      page_number: page.pageNumber,
      page_size: page.pageSize,
      total_records: page.total,
    })
  }

  // -------------------------------------------------------------------------------------------------------------
  // §API answers marketplace

  function adminApp(a: ScenarioApp): boolean {
    return a.app_scopes.some((s) => s.split(':').includes('admin'))
  }

  function listApps(ctx: Ctx, def: EndpointDef): HttpAnswer {
    const type = ctx.query.type || 'active_requests'
    if (!APP_LIST_TYPES.includes(type)) return validationError('type')
    // Only account_created ("All apps created by this account") is modelled; the request/approval lists are empty.
    const all = type === 'account_created' ? scenario.apps.filter((a) => a.listed !== false) : []
    const page = paginate(ctx, def, all, 300, {type, page_size: '30'}) // §API answers: page_size ≤ 300
    if (page instanceof HttpAnswer) return page
    // §Paging: marketplace lists return only next_page_token + page_size (no totals).
    return new HttpAnswer(200, {
      next_page_token: page.nextPageToken,
      page_size: page.pageSize,
      apps: page.items.map((a) => {
        const labels = a.scope_labels ?? a.app_scopes.map(scopeLabel)
        return {
          app_id: a.app_id,
          app_name: a.app_name,
          app_type: a.app_type,
          app_usage: a.app_usage ?? 1,
          app_status: a.app_status,
          app_developer_type: 'INTERNAL',
          app_description: '',
          // §API answers gaps: scope_name is a human label, not a scope string.
          scopes: labels.map((l) => ({scope_name: l, scope_description: scopeDescription(l)})),
        }
      }),
    })
  }

  function getApp(appId: string): HttpAnswer {
    const a = scenario.apps.find((x) => x.app_id === appId) // listed or not
    if (!a) return apiError(404, 1401, `APP ID does not exist: ${appId}`) // §API answers
    return new HttpAnswer(200, {
      app_id: a.app_id,
      app_name: a.app_name,
      app_description: '',
      app_type: a.app_type,
      app_usage: a.app_usage ?? 1,
      app_status: a.app_status,
      app_links: {},
      app_permissions: [],
      app_requirements: {user_role: adminApp(a) ? 'admin' : 'user'},
      app_scopes: [...a.app_scopes],
    })
  }

  // -------------------------------------------------------------------------------------------------------------
  // server

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('error', () => {})
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return
        res.writeHead(500, {'content-type': 'application/json;charset=UTF-8'})
        res.end(JSON.stringify({code: 500, message: `fake-zoom internal error: ${(error as Error).message}`}))
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const {port} = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/v2`,
    oauthUrl: `${baseUrl}/oauth/token`,
    requests,
    violations,
    scenario,
    get maxInFlight() {
      return maxInFlight
    },
    inject(fault: FaultSpec): void {
      if ((fault.times ?? 1) <= 0) return
      faults.push({spec: fault, remaining: fault.times ?? 1})
    },
    expireTokens(): void {
      tokens.clear()
    },
    reset(): void {
      requests.length = 0
      violations.length = 0
      faults.length = 0
      retryWindows.clear()
      maxInFlight = inFlight
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve()
      closed = true
      for (const wake of [...pending]) wake()
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
