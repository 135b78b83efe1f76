// Hostile answers from the fake Zoom (test/fake-zoom "Hostile answers"): each malformed body with the sentence the
// tool must answer it with (exit 3). Shared by the in-process and the subprocess tests; its size is quoted in README
// "Reliability".
import type {FaultSpec} from '../fake-zoom/index.js'

export type Body = Record<string, unknown> & {users?: Array<Record<string, unknown>>}
export const USERS = 'GET /v2/users'
export const ROLES = 'GET /v2/roles'
export const ROLE = 'GET /v2/roles/{roleId}'
export const APPS = 'GET /v2/marketplace/apps'
export const APP = 'GET /v2/marketplace/apps/{appId}'
export const TOKEN = 'POST /oauth/token'

export function mutate(endpoint: string, change: (body: Body) => unknown, times = 1): FaultSpec {
  return {match: {endpoint}, times, fault: {kind: 'mutate', mutate: (body) => change(body as Body)}}
}
function raw(endpoint: string, body: string, contentType?: string): FaultSpec {
  return {match: {endpoint}, fault: {kind: 'raw', body, ...(contentType ? {contentType} : {})}}
}
function without<T extends Record<string, unknown>>(item: T, key: string): T {
  const copy = {...item}
  delete copy[key]
  return copy
}
export const firstItem = (key: string, change: (item: Record<string, unknown>) => unknown) => (body: Body) => ({
  ...body,
  [key]: (body[key] as Array<Record<string, unknown>>).map((item, i) => (i === 0 ? change(item) : item)),
})

/** Exit 3, one sentence naming the endpoint and the place. */
export interface BadAnswerCase {
  name: string
  faults: FaultSpec[]
  message: RegExp
}

export const BAD_ANSWERS: BadAnswerCase[] = [
  {
    name: 'a users page that is not JSON',
    faults: [raw(USERS, '<html><body>Service Unavailable</body></html>', 'text/html')],
    message: /Zoom's answer to GET \/users is not JSON \(text\/html\): "<html><body>Service Unavailable/m,
  },
  {name: 'an empty users page', faults: [raw(USERS, '')], message: /Zoom's answer to GET \/users is empty\./},
  {
    name: 'a users page that is null',
    faults: [raw(USERS, 'null')],
    message: /Zoom's answer to GET \/users is null; expected an object\./,
  },
  {
    name: 'a users page that is a list',
    faults: [raw(USERS, '[]')],
    message: /GET \/users is a list; expected an object\./,
  },
  {
    name: 'a users page {}',
    faults: [mutate(USERS, () => ({}))],
    message: /Zoom's answer to GET \/users has no \/users; expected a list\./,
  },
  {
    name: 'a users page under another key',
    faults: [mutate(USERS, (b) => ({...without(b, 'users'), members: b.users}))],
    message: /GET \/users has no \/users; expected a list/,
  },
  {
    name: 'a user without email',
    faults: [
      mutate(
        USERS,
        firstItem('users', (u) => without(u, 'email')),
      ),
    ],
    message: /GET \/users has no \/users\/0\/email; expected a string/,
  },
  {
    name: 'a user with an empty email',
    faults: [
      mutate(
        USERS,
        firstItem('users', (u) => ({...u, email: ''})),
      ),
    ],
    message: /GET \/users has \/users\/0\/email empty/,
  },
  {
    name: 'a user id that is a number',
    faults: [
      mutate(
        USERS,
        firstItem('users', (u) => ({...u, id: 42})),
      ),
    ],
    message: /GET \/users has \/users\/0\/id as a number; expected a string/,
  },
  {
    name: 'a numeric next_page_token',
    faults: [mutate(USERS, (b) => ({...b, next_page_token: 12345}))],
    message: /GET \/users has \/next_page_token as a number; expected a string/,
  },
  {
    name: 'total_records as text',
    faults: [mutate(USERS, (b) => ({...b, total_records: '600'}))],
    message: /GET \/users has \/total_records as a string; expected a whole number/,
  },
  {
    name: 'a users page that is a string',
    faults: [raw(USERS, '"users"')],
    message: /GET \/users is a string; expected an object/,
  },
  {
    name: 'a users page that is a number',
    faults: [raw(USERS, '0')],
    message: /GET \/users is a number; expected an object/,
  },
  {name: 'roles that are null', faults: [mutate(ROLES, () => null)], message: /GET \/roles is null/},
  {
    name: 'a role without id',
    faults: [
      mutate(
        ROLES,
        firstItem('roles', (r) => without(r, 'id')),
      ),
    ],
    message: /GET \/roles has no \/roles\/0\/id; expected a string/,
  },
  {
    name: 'a role id that is a number',
    faults: [
      mutate(
        ROLES,
        firstItem('roles', (r) => ({...r, id: 2})),
      ),
    ],
    message: /GET \/roles has \/roles\/0\/id as a number; expected a string/,
  },
  {
    name: 'privileges sent as a string',
    faults: [mutate(ROLE, (b) => ({...b, privileges: 'User:Read'}), Infinity)],
    message: /Zoom's answer to GET \/roles\/\{roleId\} has \/privileges as a string; expected a list\./,
  },
  {
    name: 'a role without privileges',
    faults: [mutate(ROLE, (b) => without(b, 'privileges'), Infinity)],
    message: /GET \/roles\/\{roleId\} has no \/privileges; expected a list/,
  },
  {
    name: 'a privilege that is a number',
    faults: [mutate(ROLE, (b) => ({...b, privileges: [7]}), Infinity)],
    message: /GET \/roles\/\{roleId\} has \/privileges\/0 as a number; expected a string/,
  },
  {
    name: 'privilege_scopes without permission_id',
    faults: [mutate(ROLE, (b) => ({...b, privilege_scopes: [{group_ids: ['g1']}]}), Infinity)],
    message: /GET \/roles\/\{roleId\} has no \/privilege_scopes\/0\/permission_id/,
  },
  {
    name: 'privilege_scopes as an object',
    faults: [mutate(ROLE, (b) => ({...b, privilege_scopes: {}}), Infinity)],
    message: /GET \/roles\/\{roleId\} has \/privilege_scopes as an object; expected a list/,
  },
  {
    name: 'a role that is not JSON',
    faults: [raw(ROLE, '{"id": "1", "privileges": [')],
    message: /GET \/roles\/\{roleId\} is not JSON/,
  },
  {
    name: 'an apps page without apps',
    faults: [mutate(APPS, (b) => without(b, 'apps'))],
    message: /GET \/marketplace\/apps has no \/apps; expected a list/,
  },
  {
    name: 'an app without app_id',
    faults: [
      mutate(
        APPS,
        firstItem('apps', (a) => without(a, 'app_id')),
      ),
    ],
    message: /GET \/marketplace\/apps has no \/apps\/0\/app_id/,
  },
  {
    name: 'app scopes as a string in the list',
    faults: [
      mutate(
        APPS,
        firstItem('apps', (a) => ({...a, scopes: 'user:read:admin'})),
      ),
    ],
    message: /GET \/marketplace\/apps has \/apps\/0\/scopes as a string; expected a list/,
  },
  {
    name: 'an app detail without app_scopes',
    faults: [mutate(APP, (b) => without(b, 'app_scopes'), Infinity)],
    message: /Zoom's answer to GET \/marketplace\/apps\/\{appId\} has no \/app_scopes; expected a list\./,
  },
  {
    name: 'app_scopes as a string',
    faults: [mutate(APP, (b) => ({...b, app_scopes: 'user:read:admin'}), Infinity)],
    message: /GET \/marketplace\/apps\/\{appId\} has \/app_scopes as a string; expected a list/,
  },
  {
    name: 'an app detail that is null',
    faults: [mutate(APP, () => null, Infinity)],
    message: /GET \/marketplace\/apps\/\{appId\} is null/,
  },
  {
    name: 'a token answer that is null',
    faults: [raw(TOKEN, 'null')],
    message: /POST \/oauth\/token is null; expected an object/,
  },
  {
    name: 'a token answer that is HTML',
    faults: [raw(TOKEN, '<html>hi</html>', 'text/html')],
    message: /POST \/oauth\/token is not JSON/,
  },
  {
    name: 'a token answer without access_token',
    faults: [mutate(TOKEN, (b) => without(b, 'access_token'))],
    message: /POST \/oauth\/token has no \/access_token; expected a string/,
  },
  {
    name: 'a token whose scope is a list',
    faults: [mutate(TOKEN, (b) => ({...b, scope: ['user:read:admin']}))],
    message: /POST \/oauth\/token has \/scope as a list; expected a string/,
  },
  {
    name: 'a redirect',
    faults: [
      {
        match: {endpoint: ROLES},
        fault: {kind: 'raw', status: 302, body: '', headers: {location: 'http://127.0.0.1:1/'}},
      },
    ],
    message: /Zoom answered GET \/roles with a redirect \(HTTP 302\)/,
  },
  {
    name: 'a 3 GB gzip bomb',
    faults: [{match: {endpoint: USERS}, fault: {kind: 'gzip-bomb', megabytes: 3072}}],
    message: /Zoom's answer to GET \/users is larger than 64 MB; stopped reading it\. .*--max-body-mb/,
  },
  {
    name: 'a corrupt gzip body',
    faults: [
      {match: {endpoint: ROLES}, fault: {kind: 'raw', body: 'not gzip at all', headers: {'content-encoding': 'gzip'}}},
    ],
    message: /GET \/roles could not be decompressed \(gzip\)/,
  },
]
