// `doctor`: can this auditor app do a full run? Mints the token, checks its scopes, makes one cheap call per
// endpoint the tool reads (the first page of each list, then one item of it), and reports the plan and budget in
// effect. Pure apart from the client it is given: no printing, no exit codes.
import {withActions, ZoomError, type ZoomErrorCode} from '../errors.js'
import type {ZoomClient} from '../zoom/client.js'
import type {EndpointTemplate, RateLimitLabel} from '../zoom/endpoints.js'
import {ZoomMissingScopesError} from '../zoom/errors.js'
import {describeLabelBudget, rateBudget, type ZoomPlan} from '../zoom/rate-plans.js'
import {checkTokenScopes, type TokenScopeCheck} from './scopes.js'

/** Rate-limit labels as the doctor result names them (renderers take the type from here, not from the client). */
export type {RateLimitLabel}

export type CheckStatus = 'ok' | 'failed' | 'skipped'
export type Family = 'users' | 'roles' | 'apps'

export interface CheckError {
  code: ZoomErrorCode
  message: string
  status?: number
  zoomCode?: number
  /** Scopes Zoom said the token lacks. */
  scopes?: string[]
}

export interface EndpointCheck {
  family: Family
  endpoint: EndpointTemplate
  status: CheckStatus
  /** ok: what came back; skipped: why not tried. Failures carry `error`. */
  detail: string
  error?: CheckError
}

export interface DoctorResult {
  /** False when any check failed (exit 3). Warnings do not count. */
  ok: boolean
  accountId: string
  credentials: {status: 'ok' | 'failed'; error?: CheckError}
  /** `skipped` when no token could be minted. */
  scopes: Omit<TokenScopeCheck, 'status'> & {status: TokenScopeCheck['status'] | 'skipped'}
  endpoints: EndpointCheck[]
  /** The API base URL requests went to (null when it could not be known: no token and none configured). */
  apiUrl: string | null
  tokenUrl: string
  plan: {name: ZoomPlan; rateBudgetPercent: number; budget: Record<RateLimitLabel, string>}
  /** Plain sentences: things to look at that do not fail the check. */
  warnings: string[]
  apiCalls: number
  seconds: number
}

export type DoctorClient = Pick<
  ZoomClient,
  'accountId' | 'token' | 'apiUrl' | 'listUsers' | 'getUser' | 'listRoles' | 'getRole' | 'listApps' | 'getApp' | 'stats'
>

export interface DoctorInput {
  client: DoctorClient
  tokenUrl: string
  plan: ZoomPlan
  rateBudgetPercent: number
  /** ms clock for the elapsed time; default Date.now. */
  now?: () => number
}

export async function runDoctor(input: DoctorInput): Promise<DoctorResult> {
  const now = input.now ?? Date.now
  const started = now()
  const {client} = input
  const budget = rateBudget(input.plan, input.rateBudgetPercent)
  const plan = {
    name: input.plan,
    rateBudgetPercent: input.rateBudgetPercent,
    budget: Object.fromEntries(Object.entries(budget).map(([label, b]) => [label, describeLabelBudget(b)])) as Record<
      RateLimitLabel,
      string
    >,
  }
  const warnings: string[] = []

  let scopes: DoctorResult['scopes']
  let credentials: DoctorResult['credentials']
  let endpoints: EndpointCheck[]
  try {
    const token = await client.token()
    credentials = {status: 'ok'}
    scopes = checkTokenScopes(token.scopes)
  } catch (error) {
    credentials = {status: 'failed', error: checkError(error)}
    scopes = {status: 'skipped', granted: [], missing: [], writeScopes: []}
  }

  if (credentials.status === 'ok') {
    endpoints = (await Promise.all([usersChecks(client), rolesChecks(client), appsChecks(client)])).flat()
  } else {
    endpoints = ENDPOINT_ORDER.map(([family, endpoint]) => ({
      family,
      endpoint,
      status: 'skipped',
      detail: 'no access token',
    }))
  }

  if (scopes.status === 'unknown') {
    warnings.push(
      "Zoom sent the token without its list of scopes (it may leave it out for a few seconds after the app's scopes change): the scopes could not be checked; the calls below show what works. Run doctor again in a minute.",
    )
  }
  if (scopes.writeScopes.length > 0) {
    warnings.push(
      `The token can also change things (${scopes.writeScopes.join(', ')}): zoom-scope-audit only reads, so the auditor app does not need these scopes.`,
    )
  }

  let apiUrl: string | null = null
  try {
    apiUrl = await client.apiUrl()
  } catch {
    // No token and no URL configured: nothing to show.
  }

  const ok = credentials.status === 'ok' && scopes.status !== 'missing' && endpoints.every((e) => e.status !== 'failed')
  return {
    ok,
    accountId: client.accountId,
    credentials,
    scopes,
    endpoints,
    apiUrl,
    tokenUrl: input.tokenUrl,
    plan,
    warnings,
    apiCalls: client.stats.apiCalls,
    seconds: Math.round((now() - started) / 100) / 10,
  }
}

const ENDPOINT_ORDER: ReadonlyArray<[Family, EndpointTemplate]> = [
  ['users', 'GET /users'],
  ['users', 'GET /users/{userId}'],
  ['roles', 'GET /roles'],
  ['roles', 'GET /roles/{roleId}'],
  ['apps', 'GET /marketplace/apps'],
  ['apps', 'GET /marketplace/apps/{appId}'],
]

/** First page of a listing only: breaking out of `.pages()` sends no further request. */
async function firstPage<T>(listing: {pages(): AsyncIterable<{items: T[]; totalRecords?: number; more: boolean}>}) {
  for await (const page of listing.pages()) return page
  return {items: [] as T[], more: false}
}

/** A list, then one item of it: a failed or empty list skips the item. */
async function listThenGet<T>(
  family: Family,
  [listEndpoint, getEndpoint]: [EndpointTemplate, EndpointTemplate],
  noun: {one: string; many: string; first: string},
  list: () => Promise<{items: T[]; totalRecords?: number; more: boolean}>,
  get: (item: T) => Promise<unknown>,
): Promise<EndpointCheck[]> {
  let page
  try {
    page = await list()
  } catch (error) {
    return [
      {family, endpoint: listEndpoint, status: 'failed', detail: 'failed', error: checkError(error)},
      {family, endpoint: getEndpoint, status: 'skipped', detail: `the ${noun.many} list failed`},
    ]
  }
  const count = page.items.length
  const rest =
    page.totalRecords !== undefined && page.totalRecords > count
      ? ` on the first page, ${page.totalRecords} in all`
      : page.more
        ? ' on the first page, more on later pages'
        : ''
  const listed: EndpointCheck = {
    family,
    endpoint: listEndpoint,
    status: 'ok',
    detail: `${count} ${count === 1 ? noun.one : noun.many}${rest}`,
  }
  const first = page.items[0]
  if (first === undefined)
    return [listed, {family, endpoint: getEndpoint, status: 'skipped', detail: `no ${noun.first} to read`}]
  try {
    await get(first)
    return [listed, {family, endpoint: getEndpoint, status: 'ok', detail: `read the first ${noun.first} listed`}]
  } catch (error) {
    return [listed, {family, endpoint: getEndpoint, status: 'failed', detail: 'failed', error: checkError(error)}]
  }
}

function usersChecks(client: DoctorClient): Promise<EndpointCheck[]> {
  return listThenGet(
    'users',
    ['GET /users', 'GET /users/{userId}'],
    {one: 'active user', many: 'active users', first: 'user'},
    () => firstPage(client.listUsers('active')),
    (user) => client.getUser(user.id ?? user.email),
  )
}

function rolesChecks(client: DoctorClient): Promise<EndpointCheck[]> {
  return listThenGet(
    'roles',
    ['GET /roles', 'GET /roles/{roleId}'],
    {one: 'role', many: 'roles', first: 'role'},
    () => firstPage(client.listRoles()),
    (role) => client.getRole(role.id),
  )
}

function appsChecks(client: DoctorClient): Promise<EndpointCheck[]> {
  return listThenGet(
    'apps',
    ['GET /marketplace/apps', 'GET /marketplace/apps/{appId}'],
    {one: 'app created by the account', many: 'apps created by the account', first: 'app'},
    () => firstPage(client.listApps('account_created')),
    (app) => client.getApp(app.app_id),
  )
}

/** Only the tool's own Zoom failures become a failed check; anything else is a bug and propagates. */
function checkError(error: unknown): CheckError {
  if (!(error instanceof ZoomError)) throw error
  const {status, zoomCode} = error.details
  return {
    code: error.code,
    message: withActions(error.message, error.actions),
    ...(typeof status === 'number' ? {status} : {}),
    ...(typeof zoomCode === 'number' ? {zoomCode} : {}),
    ...(error instanceof ZoomMissingScopesError ? {scopes: error.scopes} : {}),
  }
}
