// JSON Schemas of Zoom's answers: exactly the fields the tool reads, nothing more. Fields Zoom may leave out are
// optional; names may also come back as null (treated as absent). Anything the tool keys on (ids, emails) is
// required and non-empty. See docs/zoom-api.md for the shapes and their sources.
import type {EndpointTemplate} from '../endpoints.js'

type Schema = Record<string, unknown>

const text: Schema = {type: 'string'}
const optionalText: Schema = {type: ['string', 'null']}
const key: Schema = {type: 'string', minLength: 1}
const texts: Schema = {type: 'array', items: text}

function object(properties: Record<string, Schema>, required: string[] = []): Schema {
  return {type: 'object', properties, required}
}

/** A page of a listing: its list under `itemsKey`, and the paging fields the loop reads. */
function page(itemsKey: string, item: Schema): Schema {
  return object(
    {
      [itemsKey]: {type: 'array', items: item},
      next_page_token: text,
      total_records: {type: 'integer', minimum: 0},
    },
    [itemsKey],
  )
}

const user = object(
  {
    id: key,
    email: key,
    status: text,
    role_id: optionalText,
    display_name: optionalText,
    first_name: optionalText,
    last_name: optionalText,
  },
  ['email'],
)

const listedRole = object({id: key, name: optionalText}, ['id'])

const role = object(
  {
    name: optionalText,
    description: optionalText,
    privileges: texts,
    privilege_scopes: {
      type: 'array',
      items: object({permission_id: key, group_ids: texts}, ['permission_id']),
    },
  },
  ['privileges'],
)

const member = object({id: key, email: key})

const appFacts = {app_name: optionalText, app_type: optionalText, app_status: optionalText}

const listedApp = object(
  {app_id: key, ...appFacts, scopes: {type: 'array', items: object({scope_name: optionalText})}},
  ['app_id'],
)

/** The app itself: only fetched when the list gave no scope strings, so its scope strings are required. */
const app = object({...appFacts, app_scopes: texts}, ['app_scopes'])

export const TOKEN_ENDPOINT = 'POST /oauth/token'
export type AnswerEndpoint = EndpointTemplate | typeof TOKEN_ENDPOINT

export const ANSWER_SCHEMAS: Record<AnswerEndpoint, Schema> = {
  [TOKEN_ENDPOINT]: object({access_token: key, expires_in: {type: 'number'}, scope: text, api_url: text}, [
    'access_token',
  ]),
  'GET /users': page('users', user),
  'GET /users/{userId}': user,
  'GET /users/{userId}/permissions': object({permissions: texts}, ['permissions']),
  'GET /roles': page('roles', listedRole),
  'GET /roles/{roleId}': role,
  'GET /roles/{roleId}/members': page('members', member),
  'GET /marketplace/apps': page('apps', listedApp),
  'GET /marketplace/apps/{appId}': app,
}

/**
 * The export name of an endpoint's validator compiled by the build (scripts/build-validators.mjs →
 * dist/zoom/answers/validators.js): 'GET /users/{userId}' → 'GET_users_userId'.
 */
export function answerValidatorName(endpoint: AnswerEndpoint): string {
  return endpoint.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '')
}
