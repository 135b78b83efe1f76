// Which OAuth scopes the auditor's own Server-to-Server app needs, and whether a token's `scope` has them.
// Pure. Each need is one endpoint the tool reads; Zoom accepts a classic or a granular scope for it (docs/zoom-api.md
// "API answers the tool reads", and the x-macro-scopes / x-granular-scopes of those operations in data/zoom/operations/*.tsv).
import {cleanScopes} from '../matrix/scope.js'
import type {EndpointTemplate} from '../zoom/endpoints.js'

export interface ScopeNeed {
  /** What the tool does with it, in plain words. */
  what: string
  endpoint: EndpointTemplate
  /** The read-only scopes to add: either one will do. */
  classic: string
  granular: string
  /** Other scopes Zoom also accepts for the endpoint (write scopes: more than the auditor needs). */
  alsoAccepted: readonly string[]
}

export const SCOPE_NEEDS: readonly ScopeNeed[] = [
  {
    what: 'list users',
    endpoint: 'GET /users',
    classic: 'user:read:admin',
    granular: 'user:read:list_users:admin',
    alsoAccepted: ['user:write:admin'],
  },
  {
    what: 'read a user',
    endpoint: 'GET /users/{userId}',
    classic: 'user:read:admin',
    granular: 'user:read:user:admin',
    alsoAccepted: ['user:write:admin'],
  },
  {
    what: 'list roles',
    endpoint: 'GET /roles',
    classic: 'role:read:admin',
    granular: 'role:read:list_roles:admin',
    alsoAccepted: ['role:write:admin'],
  },
  {
    what: 'read a role',
    endpoint: 'GET /roles/{roleId}',
    classic: 'role:read:admin',
    granular: 'role:read:role:admin',
    alsoAccepted: ['role:write:admin'],
  },
  {
    what: 'list apps',
    endpoint: 'GET /marketplace/apps',
    classic: 'marketplace_app:read:admin',
    granular: 'marketplace:read:list_apps:admin',
    alsoAccepted: [],
  },
  {
    what: 'read an app',
    endpoint: 'GET /marketplace/apps/{appId}',
    classic: 'marketplace_app:read:admin',
    granular: 'marketplace:read:app:admin',
    alsoAccepted: [],
  },
]

export interface MissingScope {
  what: string
  endpoint: EndpointTemplate
  /** Add either of these. */
  classic: string
  granular: string
}

export type TokenScopeStatus = 'ok' | 'missing' | 'unknown'

export interface TokenScopeCheck {
  /** `unknown`: the token came without a `scope` (Zoom may omit it for a while after the app's scopes change). */
  status: TokenScopeStatus
  /** The token's scopes, sorted. */
  granted: string[]
  missing: MissingScope[]
  /** Scopes of the token that allow changes (write/update/delete): the auditor never needs them. */
  writeScopes: string[]
}

export function checkTokenScopes(tokenScopes: readonly string[]): TokenScopeCheck {
  const granted = cleanScopes(tokenScopes)
  const writeScopes = granted.filter(isWriteScope)
  if (granted.length === 0) return {status: 'unknown', granted, missing: [], writeScopes}
  const have = new Set(granted)
  const missing = SCOPE_NEEDS.filter(
    (need) => ![need.classic, need.granular, ...need.alsoAccepted].some((s) => have.has(s)),
  ).map(({what, endpoint, classic, granular}) => ({what, endpoint, classic, granular}))
  return {status: missing.length > 0 ? 'missing' : 'ok', granted, missing, writeScopes}
}

function isWriteScope(scope: string): boolean {
  return scope.split(':').some((part) => part === 'write' || part === 'update' || part === 'delete')
}
