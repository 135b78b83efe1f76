// The Zoom client: the only code that speaks HTTP. Read-only, one token per run, bounded concurrency,
// 429-aware, counted. Returns Zoom's raw shapes (types.ts).
import type {Got} from 'got'

import {newCall} from './call-context.js'
import type {ZoomConfig} from './config.js'
import {endpointPath, type EndpointTemplate} from './endpoints.js'
import {createHttp, type Limiter} from './http.js'
import {paginate, type ListingSpec, type Page} from './paginate.js'
import {Pool} from './pool.js'
import {proxyRoutingFromEnv, type ProxyRouting} from './proxy.js'
import {RateLimitGate} from './retry-after-gate.js'
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

export interface ProgressEvent {
  phase: 'roles' | 'users' | 'apps'
  fetched: number
  /** When known (e.g. from total_records or the number of owners). */
  total?: number
}

export interface ZoomClientOptions {
  /** Calls in flight at once; default 4. */
  concurrency?: number
  /** Retries of a call after 5xx or a connection failure; default 3. 429s do not use this budget. */
  retries?: number
  /** First backoff step for 5xx / connection retries (doubles each time, with jitter); default 1000 ms. */
  retryBaseDelayMs?: number
  /** got's `timeout.request` for each attempt; default 30 s. */
  requestTimeoutMs?: number
  /** Total time the run may spend waiting for 429s before it gives up (exit 3); default 5 minutes. */
  maxRateLimitWaitMs?: number
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
  /** Progress of long fetches, e.g. for a progress bar. */
  onProgress?: (event: ProgressEvent) => void
  /** Clock for token lifetime and page-token age; default Date.now. */
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
  listUsers(status?: ZoomUserStatus): Listing<ZoomListedUser>
  /** By id or email. Throws ZoomNotFoundError (code 1001) when Zoom has no such user. */
  getUser(idOrEmail: string): Promise<ZoomUser>
  getUserPermissions(idOrEmail: string): Promise<ZoomUserPermissions>
  listRoles(): Listing<ZoomListedRole>
  getRole(roleId: string): Promise<ZoomRole>
  listRoleMembers(roleId: string): Listing<ZoomRoleMember>
  listApps(type: ZoomAppListType): Listing<ZoomListedApp>
  /** Throws ZoomNotFoundError (code 1401) when Zoom has no such app. */
  getApp(appId: string): Promise<ZoomApp>
  /** The auditor's own token: its scopes, and the regional API host Zoom named, if any. */
  token(): Promise<{scopes: string[]; apiUrl?: string}>
  /** The API base URL in use (known after the first token when not set explicitly). */
  apiUrl(): Promise<string>
  /** A copy of the counters so far. */
  readonly stats: ZoomStats
  /** Forward a progress event to `onProgress` (fetchers call this; the client does not know the phases). */
  progress(event: ProgressEvent): void
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
  const redactor = new Redactor()
  redactor.add(config.clientSecret)
  const basicCredentials = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')
  redactor.add(basicCredentials)
  const proxy = options.proxy === false ? undefined : (options.proxy ?? proxyRoutingFromEnv())
  for (const secret of proxy?.secrets ?? []) redactor.add(secret)

  let resolvedApiBase: string | undefined = config.apiUrlExplicit ? config.apiUrl : undefined
  // A later token may name another regional host; requests already under way to the earlier one stay allowed.
  const apiBases = new Set<string>(resolvedApiBase === undefined ? [] : [resolvedApiBase])
  const pool = new Pool(options.concurrency ?? 4)
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 5 * 60_000
  const gate = new RateLimitGate(maxRateLimitWaitMs)

  // eslint-disable-next-line prefer-const -- assigned below, after the HTTP layer it needs; read only through the closure
  let tokens: TokenSource
  const http = createHttp({
    oauthUrl: config.oauthUrl,
    apiBases: () => apiBases,
    tokens: () => tokens,
    gate,
    stats,
    redactor,
    retries: options.retries ?? 3,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxRateLimitWaitMs,
    ...(options.limiter ? {limiter: options.limiter} : {}),
    ...(proxy ? {proxy} : {}),
  })

  tokens = new TokenSource(
    () => mintToken(http.guarded, config, basicCredentials, redactor),
    now,
    (token) => {
      stats.tokenMints++
      redactor.add(token.value)
      // Only when neither ZOOM_API_URL nor --api-url chose the API URL does the token's regional host apply.
      if (!config.apiUrlExplicit) {
        resolvedApiBase = token.apiUrl ? `${token.apiUrl}/v2` : config.apiUrl
        apiBases.add(resolvedApiBase)
      }
    },
  )

  async function apiBase(): Promise<string> {
    if (resolvedApiBase === undefined) await tokens.current()
    return resolvedApiBase ?? config.apiUrl
  }

  async function getJson<T>(
    endpoint: EndpointTemplate,
    params: Record<string, string> = {},
    query: Record<string, string> = {},
  ): Promise<T> {
    return pool.run(async (slot) => {
      const url = `${await apiBase()}${endpointPath(endpoint, params)}`
      try {
        return await http.api.get(url, {searchParams: query, context: newCall(endpoint, 'api', slot)}).json<T>()
      } catch (error) {
        throw translateError(error, redactor)
      }
    })
  }

  function listing<T>(
    spec: Omit<ListingSpec<T>, 'fetchPage'> & {endpoint: EndpointTemplate; params?: Record<string, string>},
  ): Listing<T> {
    const pages = () =>
      paginate<T>(
        {
          ...spec,
          fetchPage: (query) => getJson<ZoomPageEnvelope & Record<string, unknown>>(spec.endpoint, spec.params, query),
        },
        limits,
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
    listUsers: (status = 'active') =>
      listing<ZoomListedUser>({
        endpoint: 'GET /users',
        query: {status},
        itemsKey: 'users',
        pageSize,
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
      return {scopes: token.scopes, ...(token.apiUrl ? {apiUrl: token.apiUrl} : {})}
    },
    apiUrl: apiBase,
    get stats() {
      return {
        ...stats,
        byEndpoint: Object.fromEntries(Object.entries(stats.byEndpoint).sort(([a], [b]) => a.localeCompare(b))),
      }
    },
    progress(event) {
      options.onProgress?.(event)
    },
  }
}

async function mintToken(
  guarded: Got,
  config: ZoomConfig,
  basicCredentials: string,
  redactor: Redactor,
): Promise<ZoomTokenResponse> {
  try {
    return await guarded
      .post(config.oauthUrl, {
        headers: {authorization: `Basic ${basicCredentials}`},
        form: {grant_type: 'account_credentials', account_id: config.accountId},
        context: newCall('POST /oauth/token', 'token'),
      })
      .json<ZoomTokenResponse>()
  } catch (error) {
    throw translateError(error, redactor)
  }
}
