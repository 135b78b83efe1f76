// The Zoom endpoints the fake answers, with the scopes and rate-limit labels Zoom documents for them.
// Source: data/zoom/operations/{users,accounts,marketplace}.tsv (x-macro-scopes, x-granular-scopes,
// "Rate Limit Label"), summarised in docs/zoom-api.md §API answers, §Scopes an endpoint accepts and §Rate limits.

export type RateLabel = 'LIGHT' | 'MEDIUM' | 'HEAVY' | 'RESOURCE-INTENSIVE'

export interface EndpointDef {
  /** Templated endpoint as recorded, e.g. 'GET /v2/users/{userId}'. */
  endpoint: string
  /** Path template segments under /v2, '{x}' for a parameter. */
  segments: string[]
  /** Classic scopes, any of which grants the call (x-macro-scopes). */
  classic: string[]
  /** Granular scopes (x-granular-scopes); the 4700 message lists exactly these. */
  granular: string[]
  rateLabel: RateLabel
}

function def(path: string, classic: string[], granular: string[], rateLabel: RateLabel): EndpointDef {
  return {endpoint: `GET /v2${path}`, segments: path.slice(1).split('/'), classic, granular, rateLabel}
}

export const ENDPOINTS: EndpointDef[] = [
  // users.tsv "List users"
  def(
    '/users',
    ['user:read', 'user:write', 'user:read:admin', 'user:write:admin'],
    ['user:read:list_users:admin'],
    'MEDIUM',
  ),
  // users.tsv "Get a user"; `user_info:read` is documented for `me` only (docs/zoom-api.md §API answers), and the fake does not model `me`.
  def(
    '/users/{userId}',
    ['user:read', 'user:write', 'user:read:admin', 'user:write:admin', 'user_profile'],
    ['user:read:user', 'user:read:user:admin'],
    'LIGHT',
  ),
  // users.tsv "Get user permissions"
  def(
    '/users/{userId}/permissions',
    ['user:read', 'user:write', 'user:read:admin', 'user:write:admin', 'user_profile'],
    ['user:read:list_permissions', 'user:read:list_permissions:admin'],
    'LIGHT',
  ),
  // accounts.tsv "List roles" / "Get role information" / "List members in a role"
  def(
    '/roles',
    ['role:read:admin', 'role:write:admin'],
    ['role:read:list_roles', 'role:read:list_roles:admin'],
    'MEDIUM',
  ),
  def('/roles/{roleId}', ['role:read:admin', 'role:write:admin'], ['role:read:role', 'role:read:role:admin'], 'LIGHT'),
  def(
    '/roles/{roleId}/members',
    ['role:read:admin', 'role:write:admin'],
    ['role:read:list_members', 'role:read:list_members:admin'],
    'MEDIUM',
  ),
  // marketplace.tsv "List apps" / "Get information about an app"
  def('/marketplace/apps', ['marketplace_app:read:admin'], ['marketplace:read:list_apps:admin'], 'MEDIUM'),
  def(
    '/marketplace/apps/{appId}',
    ['marketplace_app:read:admin', 'marketplace_app:read'],
    ['marketplace:read:app', 'marketplace:read:app:admin'],
    'MEDIUM',
  ),
]

export const OAUTH_ENDPOINT = 'POST /oauth/token'

export interface RouteMatch {
  def: EndpointDef
  params: Record<string, string>
}

/** Match a raw path (no query) under /v2 against the endpoint table, ignoring the method. */
export function matchV2Path(rawPath: string): RouteMatch | undefined {
  if (!rawPath.startsWith('/v2/')) return undefined
  const parts = rawPath.slice(4).split('/')
  for (const d of ENDPOINTS) {
    if (d.segments.length !== parts.length) continue
    const params: Record<string, string> = {}
    let ok = true
    for (let i = 0; i < parts.length; i++) {
      const seg = d.segments[i]!
      const part = parts[i]!
      if (seg.startsWith('{')) {
        if (part === '') {
          ok = false
          break
        }
        let decoded: string
        try {
          decoded = decodeURIComponent(part)
        } catch {
          ok = false
          break
        }
        params[seg.slice(1, -1)] = decoded
      } else if (seg !== part) {
        ok = false
        break
      }
    }
    if (ok) return {def: d, params}
  }
  return undefined
}

/** Templated endpoint for recording: known templates keep the request's method; anything else is `${method} ${path}`. */
export function templateOf(method: string, rawPath: string): string {
  if (rawPath === '/oauth/token') return `${method} /oauth/token`
  const m = matchV2Path(rawPath)
  if (m) return `${method} ${m.def.endpoint.slice(4)}`
  return `${method} ${rawPath}`
}

/** Header value casing as observed on 2xx answers ("x-ratelimit-category: Light", docs/zoom-api.md §Rate limits). */
export function observedCategory(label: RateLabel): string {
  return label
    .split('-')
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join('-')
}
