// The Zoom client: the only code that speaks HTTP. Read-only, one token per run, bounded concurrency,
// 429-aware, counted. Every answer is checked against its endpoint's schema (answers/) before it is returned, so
// callers get Zoom's raw shapes (types.ts) with exactly the fields they read.
import type {Got} from 'got'

import {checkAnswer, notJsonError} from './answers/check.js'
import type {AnswerEndpoint} from './answers/schemas.js'
import {DEFAULT_MAX_BODY_BYTES, takeAnswer} from './body.js'
import {newCall} from './call-context.js'
import {DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RETRIES, MIN_CONCURRENCY} from './client-defaults.js'
import type {ZoomConfig} from './config.js'
import {endpointPath, type EndpointTemplate} from './endpoints.js'
import {createApiHttp, createGuardedHttp, type Limiter} from './http.js'
import {paginate, type ListingSpec, type Page} from './paginate.js'
import {Pool} from './pool.js'
import {proxyRoutingFromEnv, type ProxyRouting} from './proxy.js'
import {RateLimitGate} from './rate-limit-gate.js'
import {Redactor} from './redact.js'
import {emptyStats, type ZoomStats} from './stats.js'
import {TokenSource} from './token.js'
import {translateError} from './translate-error.js'
import type {
  ZoomApp,
  ZoomAppListType,
  ZoomListedApp,
  ZoomListedRole,
  ZoomListedUser,
  ZoomPageEnvelope,
  ZoomRole,
  ZoomRoleMember,
  ZoomTokenResponse,
  ZoomUser,
  ZoomUserPermissions,
  ZoomUserStatus,
} from './types.js'

export {DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RETRIES}

export interface ZoomClientOptions {
  /** Calls in flight at once; default 4. */
  concurrency?: number
  /** Retries of a call after 5xx, a connection failure or a stalled body; default 3. */
  retries?: number
  /** Requests per call in all (first try, 5xx retries and 429 retries together); default 6. */
  maxAttempts?: number
  /** First backoff step for 5xx / connection retries (doubles each time, with jitter); default 1000 ms. */
  retryBaseDelayMs?: number
  /** Time each attempt may take, body included; default 30 s. */
  requestTimeoutMs?: number
  /** Total time the run may spend waiting for 429s before it gives up (exit 3); default 5 minutes. */
  maxRateLimitWaitMs?: number
  /** Largest answer read, after decompression; default 64 MB. */
  maxBodyBytes?: number
  /** A listing longer than this many pages is a runaway (exit 3); default 10,000. */
  maxPages?: number
  /** `page_size` asked for; Zoom may return fewer. Default 300. */
  pageSize?: number
  /** Zoom's page tokens expire after 15 minutes; a listing older than that restarts once. */
  pageTokenTtlMs?: number
  /**
   * Awaited before each request with its endpoint and rate-limit label: the per-plan budget (see rate-limiter.ts,
   * `new RateLimiter(rateBudget(plan, percent)).limiter`). None by default.
   */
  limiter?: Limiter
  /** Proxies: default `proxyRoutingFromEnv()` (HTTPS_PROXY / HTTP_PROXY / NO_PROXY); `false` connects directly. */
  proxy?: ProxyRouting | false
  /** Sentences for stderr: long waits, an ignored api_url, listings shorter than announced. */
  onNotice?: (message: string) => void
  /** A request unanswered this long is announced through onNotice; default 5 s. */
  noticeAfterMs?: number
  /** The clock for token lifetime, page-token age and Retry-After dates; default Date.now. */
  now?: () => number
}

/** A listing: iterate items, or `.pages()` to see page facts such as total_records. Stop early at will. */
export interface Listing<T> extends AsyncIterable<T> {
  pages(): AsyncIterable<Page<T>>
  /** Every item, in Zoom's order. */
  all(): Promise<T[]>
}

export interface ZoomClient {
  readonly accountId: string
  /** `roleId`: only that role's users (Zoom's `role_id` filter); `pageSize`: e.g. 1 to read only total_records. */
  listUsers(status?: ZoomUserStatus, filter?: {roleId?: string; pageSize?: number}): Listing<ZoomListedUser>
  /** By id or email. Throws ZoomNotFoundError (code 1001) when Zoom has no such user. */
  getUser(idOrEmail: string): Promise<ZoomUser>
  getUserPermissions(idOrEmail: string): Promise<ZoomUserPermissions>
  listRoles(): Listing<ZoomListedRole>
  getRole(roleId: string): Promise<ZoomRole>
  listRoleMembers(roleId: string): Listing<ZoomRoleMember>
  listApps(type: ZoomAppListType): Listing<ZoomListedApp>
  /** Throws ZoomNotFoundError (code 1401) when Zoom has no such app. */
  getApp(appId: string): Promise<ZoomApp>
  /** The auditor's own token: its scopes, and the regional API host Zoom named, if the client uses it. */
  token(): Promise<{scopes: string[]; apiUrl?: string}>
  /** The API base URL in use (known after the first token when not set explicitly). */
  apiUrl(): Promise<string>
  /** A copy of the counters so far. */
  readonly stats: ZoomStats
  /** Things worth knowing about Zoom's answers so far (e.g. a listing shorter than its total_records). */
  readonly warnings: string[]
}

export function createZoomClient(config: ZoomConfig, options: ZoomClientOptions = {}): ZoomClient {
  const now = options.now ?? Date.now
  const pageSize = options.pageSize ?? 300
  const limits = {
    maxPages: options.maxPages ?? 10_000,
    pageTokenTtlMs: options.pageTokenTtlMs ?? 15 * 60_000,
    now,
  }
  const stats = emptyStats()
  const warnings: string[] = []
  const notice = options.onNotice ?? (() => {})
  const warn = (message: string) => {
    if (warnings.includes(message)) return
    warnings.push(message)
    notice(message)
  }
  const redactor = new Redactor()
  redactor.add(config.clientSecret)
  const basicCredentials = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')
  redactor.add(basicCredentials)
  const proxy = options.proxy === false ? undefined : (options.proxy ?? proxyRoutingFromEnv())
  for (const secret of proxy?.secrets ?? []) redactor.add(secret)

  let resolvedApiBase: string | undefined = config.apiUrlExplicit ? config.apiUrl : undefined
  // A later token may name another regional host; requests already under way to the earlier one stay allowed.
  const apiBases = new Set<string>(resolvedApiBase === undefined ? [] : [resolvedApiBase])
  const pool = new Pool(options.concurrency ?? MIN_CONCURRENCY)
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 5 * 60_000
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const deps = {
    oauthUrl: config.oauthUrl,
    apiBases: () => apiBases,
    gate: new RateLimitGate(maxRateLimitWaitMs, now),
    stats,
    redactor,
    retries: options.retries ?? DEFAULT_RETRIES,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxRateLimitWaitMs,
    maxBodyBytes,
    now,
    notice,
    noticeAfterMs: options.noticeAfterMs ?? 5000,
    ...(options.limiter ? {limiter: options.limiter} : {}),
    ...(proxy ? {proxy} : {}),
  }
  if (config.apiUrlExplicit && !/\/v2$/.test(new URL(config.apiUrl).pathname)) {
    notice(
      `The API URL ${config.apiUrl} does not end in /v2: Zoom's API is under https://api.zoom.us/v2 (or a regional host's /v2); expect 404s.`,
    )
  }

  const guarded = createGuardedHttp(deps)
  let acceptedApiUrl: string | undefined
  const tokens = new TokenSource(
    () => mintToken(guarded, config, basicCredentials, redactor),
    now,
    (token) => {
      stats.tokenMints++
      redactor.add(token.value)
      // Only when neither ZOOM_API_URL nor --api-url chose the API URL does the token's regional host apply.
      if (config.apiUrlExplicit) return
      acceptedApiUrl = token.apiUrl === undefined ? undefined : acceptApiUrl(token.apiUrl, config, warn)
      resolvedApiBase = acceptedApiUrl ? `${acceptedApiUrl}/v2` : config.apiUrl
      apiBases.add(resolvedApiBase)
    },
  )
  const api = createApiHttp(guarded, tokens, deps)

  async function apiBase(): Promise<string> {
    if (resolvedApiBase === undefined) await tokens.current()
    return resolvedApiBase ?? config.apiUrl
  }

  async function getJson<T>(
    endpoint: EndpointTemplate,
    params: Record<string, string> = {},
    query: Record<string, string> = {},
    listingPage = false,
  ): Promise<T> {
    return pool.run(async (slot) => {
      const url = `${await apiBase()}${endpointPath(endpoint, params)}`
      let response
      try {
        response = await api.get(url, {searchParams: query, context: newCall(endpoint, 'api', slot, listingPage)})
      } catch (error) {
        throw translateError(error, redactor)
      }
      return checkedBody<T>(endpoint, response)
    })
  }

  function listing<T>(
    spec: Omit<ListingSpec<T>, 'fetchPage'> & {endpoint: EndpointTemplate; params?: Record<string, string>},
  ): Listing<T> {
    const pages = () =>
      paginate<T>(
        {
          ...spec,
          // Every page, the first included: the pages after it wait for it (see rate-limiter.ts).
          fetchPage: (query) =>
            getJson<ZoomPageEnvelope & Record<string, unknown>>(spec.endpoint, spec.params, query, true),
        },
        {...limits, warn},
      )
    return {
      pages,
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) yield* page.items
      },
      async all() {
        const items: T[] = []
        for await (const page of pages()) items.push(...page.items)
        return items
      },
    }
  }

  return {
    accountId: config.accountId,
    listUsers: (status = 'active', filter = {}) =>
      listing<ZoomListedUser>({
        endpoint: 'GET /users',
        query: filter.roleId === undefined ? {status} : {status, role_id: filter.roleId},
        itemsKey: 'users',
        pageSize: filter.pageSize ?? pageSize,
        // Pending users have no id: the email identifies them.
        key: (user) => user.id ?? `email:${user.email.toLowerCase()}`,
      }),
    getUser: (idOrEmail) => getJson<ZoomUser>('GET /users/{userId}', {userId: idOrEmail}),
    getUserPermissions: (idOrEmail) =>
      getJson<ZoomUserPermissions>('GET /users/{userId}/permissions', {userId: idOrEmail}),
    // GET /roles is not paginated by size today; going through the helper keeps it correct if Zoom starts.
    listRoles: () => listing<ZoomListedRole>({endpoint: 'GET /roles', itemsKey: 'roles', key: (role) => role.id}),
    getRole: (roleId) => getJson<ZoomRole>('GET /roles/{roleId}', {roleId}),
    listRoleMembers: (roleId) =>
      listing<ZoomRoleMember>({
        endpoint: 'GET /roles/{roleId}/members',
        params: {roleId},
        itemsKey: 'members',
        pageSize,
        key: (member) => member.id ?? `email:${member.email?.toLowerCase() ?? JSON.stringify(member)}`,
      }),
    listApps: (type) =>
      listing<ZoomListedApp>({
        endpoint: 'GET /marketplace/apps',
        query: {type},
        itemsKey: 'apps',
        pageSize,
        key: (app) => app.app_id,
      }),
    getApp: (appId) => getJson<ZoomApp>('GET /marketplace/apps/{appId}', {appId}),
    async token() {
      const token = await tokens.current()
      return {scopes: token.scopes, ...(acceptedApiUrl ? {apiUrl: acceptedApiUrl} : {})}
    },
    apiUrl: apiBase,
    get stats() {
      return {
        ...stats,
        byEndpoint: Object.fromEntries(Object.entries(stats.byEndpoint).sort(([a], [b]) => a.localeCompare(b))),
      }
    },
    get warnings() {
      return [...warnings]
    },
  }
}

async function mintToken(
  guarded: Got,
  config: ZoomConfig,
  basicCredentials: string,
  redactor: Redactor,
): Promise<ZoomTokenResponse> {
  let response
  try {
    response = await guarded.post(config.oauthUrl, {
      headers: {authorization: `Basic ${basicCredentials}`},
      form: {grant_type: 'account_credentials', account_id: config.accountId},
      context: newCall('POST /oauth/token', 'token'),
    })
  } catch (error) {
    throw translateError(error, redactor)
  }
  return checkedBody<ZoomTokenResponse>('POST /oauth/token', response)
}

/** The body of a successful answer, once checked against the endpoint's schema. */
function checkedBody<T>(endpoint: AnswerEndpoint, response: object): T {
  const answer = takeAnswer(response)
  if (!answer || 'text' in answer) throw notJsonError(endpoint, answer?.contentType, answer?.text ?? '')
  return checkAnswer<T>(endpoint, answer.json)
}

/**
 * The token's api_url carries the bearer token wherever it points, so it is used only when it is https on a
 * zoom.us host, or on the very origin of the configured token or API URL (a test server, a gateway the admin
 * chose). Anything else is ignored with a warning and the configured API URL stays in use.
 */
function acceptApiUrl(raw: string, config: ZoomConfig, warn: (message: string) => void): string | undefined {
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  const trusted = new Set([new URL(config.apiUrl).origin, new URL(config.oauthUrl).origin])
  const zoomHost = url !== undefined && (url.hostname === 'zoom.us' || url.hostname.endsWith('.zoom.us'))
  if (url && !url.search && !url.hash && ((url.protocol === 'https:' && zoomHost) || trusted.has(url.origin))) {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  }
  warn(
    `Ignored the api_url ${JSON.stringify(raw.slice(0, 100))} of Zoom's token answer (only https on a zoom.us host is followed); using ${config.apiUrl}.`,
  )
  return undefined
}
