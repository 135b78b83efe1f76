// Types of the fake Zoom API. Local on purpose: the fake must not import anything from src/.
// Scenario records use Zoom's own API field names (docs/zoom-api.md §API answers).

export type UserStatus = 'active' | 'inactive' | 'pending'

export interface ScenarioUser {
  /** Zoom returns no `id` for pending users (docs/zoom-api.md §API answers): leave it out for them. */
  id?: string
  email: string
  first_name?: string
  last_name?: string
  display_name?: string
  status: UserStatus
  role_id: string
  /** 1 Basic, 2 Licensed, 4 Unassigned (docs/zoom-api.md §API answers); default 1. */
  type?: number
  dept?: string
  /** Groups the user belongs to (Zoom's `group_ids`); only used to give roles' `privilege_scopes` a meaning. */
  group_ids?: string[]
}

export interface ScenarioRole {
  id: string
  name: string
  description?: string
  /** `GET /roles?type=` (docs/zoom-api.md §API answers); default 'common'. */
  type?: 'common' | 'iq'
  privileges: string[]
  /** Privileges limited to user groups (docs/zoom-api.md §API answers). Left out of GET /roles/{roleId} when absent. */
  privilege_scopes?: Array<{permission_id: string; group_ids: string[]}>
}

export interface ScenarioApp {
  app_id: string
  app_name: string
  app_type: string
  app_status: string
  /** 1 admin-managed, 2 users (docs/zoom-api.md §API answers); default 1. */
  app_usage?: number
  /** Default true: returned by GET /marketplace/apps?type=account_created. false: only GET /marketplace/apps/{appId} knows it. */
  listed?: boolean
  /** What the LIST returns in scopes[].scope_name: human labels such as "View all user meetings" (docs/zoom-api.md §API answers).
   *  Absent: the fake derives labels from app_scopes (see labels.ts). */
  scope_labels?: string[]
  /** What GET /marketplace/apps/{appId} returns in app_scopes (scope strings). */
  app_scopes: string[]
}

export interface FakeZoomScenario {
  account: {id: string}
  credentials: {accountId: string; clientId: string; clientSecret: string}
  /** The `scope` of minted tokens (space-joined); endpoints check it. */
  tokenScopes: string[]
  /** `expires_in` of minted tokens; default 3599 (observed, docs/zoom-api.md §Access token). */
  tokenTtlSeconds?: number
  /** `api_url` in the token response; default = the fake's own url (no /v2); null = field left out. */
  tokenApiUrl?: string | null
  /** Templated endpoint → the largest page the fake really returns, e.g. {'GET /v2/users': 100}. */
  pageCaps?: Record<string, number>
  users: ScenarioUser[]
  roles: ScenarioRole[]
  apps: ScenarioApp[]
}

export interface RecordedRequest {
  method: string
  /** Without the query string, as received (not decoded). */
  path: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  body: string
  /** options.now() (default Date.now()) when the request arrived, ms. */
  at: number
  /** When a probed client (client-probe.mjs) sent it: epoch ms, sub-ms, the client's clock (this machine's). Count a
   *  rate budget with this, not `at`: arrivals add the delays of two busy processes. Undefined when not probed. */
  sentAt?: number
  /** The status answered; 0 while not answered yet, and for a 'reset' fault (no answer). */
  status: number
  /** Templated, e.g. 'GET /v2/users/{userId}'; unknown paths: `${method} ${path}`. */
  endpoint: string
  /** The kind of fault applied to this request, if any (extra field, for test diagnostics). */
  fault?: FaultSpec['fault']['kind']
}

export type FaultSpec = {
  match: {method?: string; endpoint?: string; path?: string; query?: Record<string, string>}
  /** How many matching requests the fault hits; default 1. `Infinity` works in memory. */
  times?: number
  fault:
    | {kind: 'status'; status: number; body?: unknown}
    | {kind: 'reset'}
    | {kind: 'delay'; ms: number}
    | {
        kind: 'rate-limit'
        /** Seconds, a date form, or `{raw}`: the header exactly as given ('0', '-5', 'soon', a past date). */
        retryAfter: number | 'date' | 'iso' | {raw: string}
        seconds?: number
        daily?: boolean
      }
    // Hostile answers (see README "Hostile answers"):
    /** The normal answer, its JSON body replaced by what `mutate` returns (status and headers kept). */
    | {kind: 'mutate'; mutate: (body: unknown) => unknown}
    /** Exactly these bytes, with this status (default 200) and content type (default application/json). */
    | {kind: 'raw'; status?: number; body: string | Buffer; contentType?: string; headers?: Record<string, string>}
    /** 200 and the first `afterBytes` (default 10) bytes of the normal body, then nothing until the fake closes. */
    | {kind: 'stall'; afterBytes?: number}
    /** No answer at all until the fake closes. */
    | {kind: 'hang'}
    /** 200, gzip-encoded, inflating to about `megabytes` MB of spaces (sent as many small gzip members). */
    | {kind: 'gzip-bomb'; megabytes: number}
    | {kind: 'expire-page-token'}
    | {kind: 'repeat-page-token'}
}

export interface FakeZoomOptions {
  host?: '127.0.0.1'
  /** Default 0: the OS picks a free port. */
  port?: number
  /** Clock for token TTLs, page-token expiry, Retry-After and RecordedRequest.at. Default Date.now. */
  now?: () => number
  /** For clients without the probe (client-probe.mjs, which says what the client had received when it sent): real
   *  milliseconds after a 429 during which a request to the same label on ANOTHER connection is not counted as a
   *  Retry-After violation (it may have been in flight already). Same connection: always counted. Default 50. */
  inFlightGraceMs?: number
  /** Requests per second per rate-limit label, enforced like Zoom: a token bucket holding one second's requests;
   *  beyond it, 429 with `Retry-After: 1`. A request of that label before the Retry-After is a violation. None by
   *  default (only queued faults answer 429). */
  labelLimits?: Partial<Record<'LIGHT' | 'MEDIUM' | 'HEAVY' | 'RESOURCE-INTENSIVE', number>>
  /** Milliseconds every request under /v2 waits before it is answered, like the round trip to Zoom from far away
   *  (counted against the label at arrival, as Zoom would). Default 0. */
  latencyMs?: number
}

export interface FakeZoom {
  /** http://127.0.0.1:PORT */
  url: string
  /** `${url}/v2` */
  apiUrl: string
  /** `${url}/oauth/token` */
  oauthUrl: string
  /** Every request received, in arrival order. */
  requests: RecordedRequest[]
  /** Queue a fault; faults are tried in the order queued, the first match applies. */
  inject(fault: FaultSpec): void
  /** All access tokens issued so far become invalid → 401 {code:124}. Tokens minted later work. */
  expireTokens(): void
  /** Client misbehaviour seen: requests before Retry-After elapsed, non-GET requests under /v2. */
  violations: string[]
  /** The most requests under /v2 that were being answered at the same moment. */
  readonly maxInFlight: number
  /** Clear requests, queued faults, violations and Retry-After windows (issued tokens and page tokens stay). */
  reset(): void
  close(): Promise<void>
  /** The live scenario (extra): tests may mutate users/roles/apps between calls. Tokens keep the scopes they were minted with. */
  scenario: FakeZoomScenario
}
