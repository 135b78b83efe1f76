// Scenarios for the fake Zoom API: validation, loading, a seeded generator for large accounts, and conversion of
// the project's snapshot JSON (schemas/snapshot.schema.json) into a scenario.
import {readFileSync} from 'node:fs'

import {Prng} from './prng.js'
import type {FakeZoomScenario, ScenarioApp, ScenarioRole, ScenarioUser} from './types.js'

// ---------------------------------------------------------------------------------------------------------------
// validation

function fail(where: string, what: string): never {
  throw new Error(`invalid fake-zoom scenario: ${where}: ${what}`)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') fail(where, 'must be a string')
  return v
}

function strArray(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(where, 'must be an array of strings')
  return v as string[]
}

const STATUSES = new Set(['active', 'inactive', 'pending'])

/** Checks the shape and the invariants the fake relies on; returns the same object, typed. */
export function validateScenario(input: unknown): FakeZoomScenario {
  if (!isObject(input)) fail('(root)', 'must be an object')
  const s = input
  if (!isObject(s.account)) fail('account', 'must be an object')
  str(s.account.id, 'account.id')
  if (!isObject(s.credentials)) fail('credentials', 'must be an object')
  for (const k of ['accountId', 'clientId', 'clientSecret']) str(s.credentials[k], `credentials.${k}`)
  strArray(s.tokenScopes, 'tokenScopes')
  if (s.tokenTtlSeconds !== undefined && !(typeof s.tokenTtlSeconds === 'number' && s.tokenTtlSeconds > 0))
    fail('tokenTtlSeconds', 'must be a positive number')
  if (s.tokenApiUrl !== undefined && s.tokenApiUrl !== null) str(s.tokenApiUrl, 'tokenApiUrl')
  if (s.pageCaps !== undefined) {
    if (!isObject(s.pageCaps)) fail('pageCaps', 'must be an object')
    for (const [k, v] of Object.entries(s.pageCaps)) {
      if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1)) fail(`pageCaps["${k}"]`, 'must be an integer ≥ 1')
    }
  }

  if (!Array.isArray(s.users)) fail('users', 'must be an array')
  const ids = new Set<string>()
  const emails = new Set<string>()
  s.users.forEach((u: unknown, i: number) => {
    const w = `users[${i}]`
    if (!isObject(u)) fail(w, 'must be an object')
    const email = str(u.email, `${w}.email`).toLowerCase()
    if (emails.has(email)) fail(`${w}.email`, `duplicate (case-insensitive) ${email}`)
    emails.add(email)
    if (typeof u.status !== 'string' || !STATUSES.has(u.status)) fail(`${w}.status`, 'must be active|inactive|pending')
    str(u.role_id, `${w}.role_id`)
    if (u.id !== undefined) {
      const id = str(u.id, `${w}.id`)
      if (ids.has(id)) fail(`${w}.id`, `duplicate ${id}`)
      ids.add(id)
    } else if (u.status !== 'pending') fail(`${w}.id`, 'required unless status is pending')
    for (const k of ['first_name', 'last_name', 'display_name', 'dept']) if (u[k] !== undefined) str(u[k], `${w}.${k}`)
    if (u.type !== undefined && typeof u.type !== 'number') fail(`${w}.type`, 'must be a number')
    if (u.group_ids !== undefined) strArray(u.group_ids, `${w}.group_ids`)
  })

  if (!Array.isArray(s.roles)) fail('roles', 'must be an array')
  const roleIds = new Set<string>()
  s.roles.forEach((r: unknown, i: number) => {
    const w = `roles[${i}]`
    if (!isObject(r)) fail(w, 'must be an object')
    const id = str(r.id, `${w}.id`)
    if (roleIds.has(id)) fail(`${w}.id`, `duplicate ${id}`)
    roleIds.add(id)
    str(r.name, `${w}.name`)
    if (r.description !== undefined) str(r.description, `${w}.description`)
    if (r.type !== undefined && r.type !== 'common' && r.type !== 'iq') fail(`${w}.type`, 'must be common|iq')
    strArray(r.privileges, `${w}.privileges`)
    if (r.privilege_scopes !== undefined) {
      if (!Array.isArray(r.privilege_scopes)) fail(`${w}.privilege_scopes`, 'must be an array')
      r.privilege_scopes.forEach((p: unknown, j: number) => {
        if (!isObject(p)) fail(`${w}.privilege_scopes[${j}]`, 'must be an object')
        str(p.permission_id, `${w}.privilege_scopes[${j}].permission_id`)
        strArray(p.group_ids, `${w}.privilege_scopes[${j}].group_ids`)
      })
    }
  })

  if (!Array.isArray(s.apps)) fail('apps', 'must be an array')
  const appIds = new Set<string>()
  s.apps.forEach((a: unknown, i: number) => {
    const w = `apps[${i}]`
    if (!isObject(a)) fail(w, 'must be an object')
    const id = str(a.app_id, `${w}.app_id`)
    if (appIds.has(id)) fail(`${w}.app_id`, `duplicate ${id}`)
    appIds.add(id)
    for (const k of ['app_name', 'app_type', 'app_status']) str(a[k], `${w}.${k}`)
    if (a.app_usage !== undefined && typeof a.app_usage !== 'number') fail(`${w}.app_usage`, 'must be a number')
    if (a.listed !== undefined && typeof a.listed !== 'boolean') fail(`${w}.listed`, 'must be a boolean')
    if (a.scope_labels !== undefined) strArray(a.scope_labels, `${w}.scope_labels`)
    strArray(a.app_scopes, `${w}.app_scopes`)
  })
  return s as unknown as FakeZoomScenario
}

export function loadScenario(path: string): FakeZoomScenario {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read fake-zoom scenario ${path}: ${(error as Error).message}`, {cause: error})
  }
  return validateScenario(parsed)
}

// ---------------------------------------------------------------------------------------------------------------
// generator

/** Scopes of the auditor app's token: one granular scope for each endpoint the audit reads (docs/zoom-api.md §API answers). */
export const AUDITOR_SCOPES: readonly string[] = [
  'user:read:list_users:admin',
  'user:read:user:admin',
  'user:read:list_permissions:admin',
  'role:read:list_roles:admin',
  'role:read:role:admin',
  'role:read:list_members:admin',
  'marketplace:read:list_apps:admin',
  'marketplace:read:app:admin',
]

/** Zoom's privileges reference (docs/zoom-api.md §Scopes an endpoint accepts), Read/Edit pairs as documented. */
const DOC_PRIV: readonly string[] = [
  'User:Read',
  'User:Edit',
  'Role:Read',
  'Role:Edit',
  'Group:Read',
  'Group:Edit',
  'AccountProfile:Read',
  'AccountProfile:Edit',
  'AccountSetting:Read',
  'AccountSetting:Edit',
  'WebinarSetting:Read',
  'WebinarSetting:Edit',
  'Recording:Read',
  'Recording:Edit',
  'RecordingContent:Read',
  'SubAccount:Read',
  'SubAccount:Edit',
  'ZoomRooms:Read',
  'ZoomRooms:Edit',
  'DigitalSignage:Read',
  'DigitalSignage:Edit',
  'IMChatHistory:Read',
  'IMGroups:Read',
  'IMGroups:Edit',
  'IMSetting:Read',
  'IMSetting:Edit',
  'IMChatBot:Edit',
  'BillingSubscription:Read',
  'BillingSubscription:Edit',
  'BillingInformation:Read',
  'BillingInformation:Edit',
  'Dashboard:Read',
  'UsageReport:Read',
  'UserActivitiesReport:Read',
  'ScheduleTrackingFields:Read',
  'ScheduleTrackingFields:Edit',
  'PbxAdmin:Read',
  'PbxAdmin:Edit',
  'ZoomDevelopers:Read',
  'ZoomDevelopers:Edit',
  'RoomConnector:Read',
  'RoomConnector:Edit',
  'CrossHybrid:Read',
  'CrossHybrid:Edit',
  'LyncConnector:Read',
  'LyncConnector:Edit',
  'ThirdPartyConference:Read',
  'ThirdPartyConference:Edit',
  'Branding:Read',
  'Branding:Edit',
  'SingleSignOn:Read',
  'SingleSignOn:Edit',
  'Integration:Read',
  'Integration:Edit',
  'MarketPlace:Read',
  'MarketPlace:Edit',
]

const ADMIN_EXCLUDED = new Set([
  'SubAccount:Read',
  'SubAccount:Edit',
  'BillingSubscription:Edit',
  'BillingInformation:Edit',
])

interface RoleTemplate {
  name: string
  description: string
  privileges: string[]
  /** Privileges limited to one or two of the account's groups. */
  groupLimited?: string[]
}

const CUSTOM_ROLE_TEMPLATES: RoleTemplate[] = [
  {
    name: 'Meeting Administrator',
    description: "Manages all users' meetings and recordings",
    privileges: ['User:Read', 'User:Edit', 'Recording:Read', 'Recording:Edit', 'WebinarSetting:Read'],
  },
  {
    name: 'Helpdesk',
    description: 'Looks up users for support tickets',
    privileges: ['User:Read', 'Group:Read', 'Dashboard:Read'],
  },
  {
    name: 'Report Viewer',
    description: 'Usage and activity reports',
    privileges: ['UsageReport:Read', 'UserActivitiesReport:Read', 'Dashboard:Read'],
  },
  {
    name: 'Marketplace Manager',
    description: 'Approves and builds Marketplace apps',
    privileges: ['MarketPlace:Read', 'MarketPlace:Edit', 'ZoomDevelopers:Read', 'ZoomDevelopers:Edit', 'User:Read'],
  },
  {
    name: 'Regional User Admin',
    description: 'User admin for some groups only',
    privileges: ['User:Read', 'User:Edit', 'Group:Read'],
    groupLimited: ['User:Read', 'User:Edit'],
  },
  {
    name: 'Recording Auditor',
    description: 'Reviews cloud recordings',
    privileges: ['Recording:Read', 'RecordingContent:Read'],
  },
  {
    name: 'Webinar Operations',
    description: 'Runs webinars for one department',
    privileges: ['User:Read', 'WebinarSetting:Read', 'WebinarSetting:Edit'],
    groupLimited: ['User:Read'],
  },
]

// Scope pools (every scope below exists in data/zoom/scope-privileges.tsv).
const CLASSIC_ADMIN = [
  'meeting:read:admin',
  'meeting:write:admin',
  'user:read:admin',
  'user:write:admin',
  'recording:read:admin',
  'recording:write:admin',
  'report:read:admin',
  'webinar:read:admin',
  'webinar:write:admin',
  'dashboard_meetings:read:admin',
  'group:read:admin',
  'marketplace_app:read:admin',
]
const CLASSIC_USER = ['meeting:read', 'meeting:write', 'user:read', 'recording:read', 'webinar:read']
const GRANULAR_ADMIN = [
  'meeting:read:meeting:admin',
  'meeting:write:meeting:admin',
  'meeting:read:list_meetings:admin',
  'user:read:list_users:admin',
  'user:read:user:admin',
  'user:update:user:admin',
  'cloud_recording:read:list_user_recordings:admin',
  'report:read:list_users:admin',
  'report:read:user:admin',
  'webinar:write:webinar:admin',
  'webinar:read:list_webinars:admin',
  'group:read:list_groups:admin',
  'dashboard:read:list_meetings:admin',
]
const GRANULAR_USER = [
  'meeting:read:meeting',
  'meeting:write:meeting',
  'user:read:user',
  'cloud_recording:read:list_user_recordings',
]

const FIRST = [
  'Ann',
  'Bo',
  'Carla',
  'Dev',
  'Eun-ji',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
]
const LAST = [
  'Adams',
  'Becker',
  'Chen',
  'Diaz',
  'Eriksson',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Singh',
  'Tanaka',
  'Umar',
  'Vargas',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
]
const DEPTS = ['Engineering', 'Sales', 'Support', 'Finance', 'Marketing', 'HR', 'IT', 'Legal']
const APP_WORDS_A = [
  'Calendar',
  'Recording',
  'Meeting',
  'Webinar',
  'Report',
  'Sync',
  'CRM',
  'Helpdesk',
  'Archive',
  'Analytics',
  'Roster',
  'Provisioning',
]
const APP_WORDS_B = [
  'Bridge',
  'Bot',
  'Connector',
  'Exporter',
  'Importer',
  'Dashboard',
  'Service',
  'Integration',
  'Agent',
  'Tool',
]

export interface GenerateOptions {
  users: number
  apps: number
  /** Default 10; at least 3 (Owner, Admin, Member), then custom roles. */
  roles?: number
  seed: number | string
  /** Share of users (after the owner) that are inactive; default 0.05. */
  inactiveShare?: number
  /** Share of users (after the owner) that are pending (no id); default 0.03. */
  pendingShare?: number
  /** Default AUDITOR_SCOPES. */
  tokenScopes?: string[]
  /** Default {'GET /v2/users': 300} ("up to 300 items per page", docs/zoom-api.md §Paging). */
  pageCaps?: Record<string, number>
}

/** Built-in role ids of generated accounts. Zoom's real mapping is unconfirmed (docs/zoom-api.md §API answers): do not hard-code them. */
export const GENERATED_ROLE_IDS = {owner: '1', admin: '2', member: '0'} as const

/** A large, deterministic account: same options → the same JSON. */
export function generateScenario(opts: GenerateOptions): FakeZoomScenario {
  const rng = new Prng(opts.seed)
  const nUsers = Math.max(1, Math.floor(opts.users))
  const nApps = Math.max(0, Math.floor(opts.apps))
  const nRoles = Math.max(3, Math.floor(opts.roles ?? 10))
  const inactiveShare = opts.inactiveShare ?? 0.05
  const pendingShare = opts.pendingShare ?? 0.03
  const usedIds = new Set<string>()
  const newId = (): string => {
    let id = rng.zoomId()
    while (usedIds.has(id)) id = rng.zoomId()
    usedIds.add(id)
    return id
  }

  const accountId = newId()
  const groups = Array.from({length: Math.max(3, Math.ceil(nUsers / 500))}, () => newId())

  const roles: ScenarioRole[] = [
    {
      id: GENERATED_ROLE_IDS.owner,
      name: 'Owner',
      description: 'Account owner has full privileges to access and manage a Zoom account.',
      type: 'common',
      privileges: [...DOC_PRIV],
    },
    {
      id: GENERATED_ROLE_IDS.admin,
      name: 'Admin',
      description: 'Admins have wide range privileges to access and manage a Zoom account.',
      type: 'common',
      privileges: DOC_PRIV.filter((p) => !ADMIN_EXCLUDED.has(p)),
    },
    {
      id: GENERATED_ROLE_IDS.member,
      name: 'Member',
      description: 'Members have access to basic Zoom video meeting functions but no account management privileges.',
      type: 'common',
      privileges: [],
    },
  ]
  for (let i = 0; roles.length < nRoles; i++) {
    const t: RoleTemplate =
      CUSTOM_ROLE_TEMPLATES[i] ??
      (() => {
        const privileges = rng.sample(DOC_PRIV, rng.int(2, 8))
        return {
          name: `Custom Role ${i + 1}`,
          description: 'Generated custom role',
          privileges,
          groupLimited: rng.chance(0.3) ? privileges.slice(0, 1) : undefined,
        }
      })()
    const role: ScenarioRole = {
      id: newId(),
      name: t.name,
      description: t.description,
      type: 'common',
      privileges: [...t.privileges],
    }
    if (t.groupLimited && t.groupLimited.length > 0) {
      role.privilege_scopes = t.groupLimited.map((p) => ({
        permission_id: p,
        group_ids: rng.sample(groups, rng.int(1, 2)),
      }))
    }
    roles.push(role)
  }
  const customRoles = roles.slice(3)

  const users: ScenarioUser[] = []
  const nAdmins = Math.max(1, Math.round(nUsers * 0.01))
  for (let i = 0; i < nUsers; i++) {
    const first = rng.pick(FIRST)
    const last = rng.pick(LAST)
    let roleId: string
    if (i === 0) roleId = GENERATED_ROLE_IDS.owner
    else if (i <= nAdmins) roleId = GENERATED_ROLE_IDS.admin
    else if (customRoles.length > 0 && rng.chance(0.15)) roleId = rng.pick(customRoles).id
    else roleId = GENERATED_ROLE_IDS.member
    const r = rng.next()
    const status =
      i === 0 ? 'active' : r < pendingShare ? 'pending' : r < pendingShare + inactiveShare ? 'inactive' : 'active'
    const user: ScenarioUser = {
      email: `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      first_name: first,
      last_name: last,
      display_name: `${first} ${last}`,
      status,
      role_id: roleId,
      type: roleId === GENERATED_ROLE_IDS.member ? (rng.chance(0.7) ? 2 : 1) : 2,
      dept: rng.pick(DEPTS),
      group_ids: rng.chance(0.8) ? [rng.pick(groups)] : [],
    }
    // Pending users have no id (docs/zoom-api.md §API answers); draw one anyway so the PRNG sequence does not depend on status.
    const id = newId()
    if (status !== 'pending') user.id = id
    users.push(user)
  }

  const apps: ScenarioApp[] = []
  for (let i = 0; i < nApps; i++) {
    const r = rng.next()
    const appType = r < 0.5 ? 'OAuthApp' : r < 0.75 ? 'GeneralApp' : r < 0.9 ? 'ZoomApp' : 'ChatBotApp'
    // An S2S app was observed as app_type "OAuthApp" with app_status "unpublished" (lower case) (docs/zoom-api.md §API answers).
    const appStatus =
      appType === 'OAuthApp' && rng.chance(0.2) ? 'unpublished' : rng.chance(0.6) ? 'PUBLISHED' : 'UNPUBLISHED'
    const granular = rng.chance(0.6)
    const adminPool = granular ? GRANULAR_ADMIN : CLASSIC_ADMIN
    const userPool = granular ? GRANULAR_USER : CLASSIC_USER
    const nAdmin = rng.chance(0.8) ? rng.int(1, 4) : 0
    const nUser = rng.int(nAdmin === 0 ? 1 : 0, 2)
    const scopes = [...rng.sample(adminPool, nAdmin), ...rng.sample(userPool, nUser)]
    apps.push({
      app_id: newId(),
      app_name: `${rng.pick(APP_WORDS_A)} ${rng.pick(APP_WORDS_B)} ${i + 1}`,
      app_type: appType,
      app_status: appStatus,
      app_usage: rng.chance(0.7) ? 1 : 2,
      listed: !rng.chance(0.05),
      app_scopes: scopes,
    })
  }

  return {
    account: {id: accountId},
    credentials: {
      accountId,
      clientId: `fakeClient${accountId.slice(0, 8)}`,
      clientSecret: `fakeSecret${accountId.slice(8)}`,
    },
    tokenScopes: [...(opts.tokenScopes ?? AUDITOR_SCOPES)],
    pageCaps: {...(opts.pageCaps ?? {'GET /v2/users': 300})},
    users,
    roles,
    apps,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// snapshot → scenario

interface SnapshotUserLike {
  id?: string
  email: string
  status: 'active' | 'inactive' | 'pending'
  roleId: string
  name?: string
}
interface SnapshotRoleLike {
  id: string
  name: string
  description?: string
  privileges: string[]
  privilegeScopes: Record<string, string[]>
}
interface SnapshotAppLike {
  id: string
  name: string
  type: string
  status: string
  scopes: string[]
  source?: 'list' | 'detail' | 'inventory'
}

function snapFail(where: string, what: string): never {
  throw new Error(`invalid snapshot: ${where}: ${what}`)
}

function snapStr(v: unknown, where: string): string {
  if (typeof v !== 'string') snapFail(where, 'must be a string')
  return v
}

function snapStrArray(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) snapFail(where, 'must be an array of strings')
  return [...(v as string[])]
}

export interface SnapshotCredentials {
  clientId: string
  clientSecret: string
  /** Default: the snapshot's account id. */
  accountId?: string
}

/**
 * The account of a snapshot (schemas/snapshot.schema.json) as a scenario, so a live audit against the fake can be
 * compared with an offline audit of the same snapshot.
 * - users: roleId → role_id; name → display_name, and also first_name/last_name split at the first space (so
 *   `${first_name} ${last_name}` is the name again); pending users lose their id (Zoom returns none, docs/zoom-api.md §API answers).
 * - roles: privilegeScopes {priv: groupIds} → privilege_scopes [{permission_id, group_ids}] (left out when empty).
 * - apps: source 'inventory' (known only from the inventory) → listed: false: not in GET /marketplace/apps, but
 *   GET /marketplace/apps/{appId} still answers with its scopes. Every other app is listed.
 */
export function scenarioFromSnapshot(
  snapshot: unknown,
  creds: SnapshotCredentials,
  extra: {tokenScopes?: string[]; pageCaps?: Record<string, number>} = {},
): FakeZoomScenario {
  if (!isObject(snapshot)) snapFail('(root)', 'must be an object')
  if (!isObject(snapshot.account)) snapFail('account', 'must be an object')
  const accountId = snapStr(snapshot.account.id, 'account.id')
  if (!Array.isArray(snapshot.users)) snapFail('users', 'must be an array')
  if (!Array.isArray(snapshot.roles)) snapFail('roles', 'must be an array')
  if (!Array.isArray(snapshot.apps)) snapFail('apps', 'must be an array')

  const users: ScenarioUser[] = snapshot.users.map((raw: unknown, i: number) => {
    const w = `users[${i}]`
    if (!isObject(raw)) snapFail(w, 'must be an object')
    const u = raw as unknown as SnapshotUserLike
    const status = snapStr(u.status, `${w}.status`)
    if (!STATUSES.has(status)) snapFail(`${w}.status`, 'must be active|inactive|pending')
    const user: ScenarioUser = {
      email: snapStr(u.email, `${w}.email`),
      status: u.status,
      role_id: snapStr(u.roleId, `${w}.roleId`),
    }
    if (u.id !== undefined && status !== 'pending') user.id = snapStr(u.id, `${w}.id`)
    if (u.name !== undefined) {
      const name = snapStr(u.name, `${w}.name`)
      const space = name.indexOf(' ')
      user.display_name = name
      user.first_name = space < 0 ? name : name.slice(0, space)
      user.last_name = space < 0 ? '' : name.slice(space + 1)
    }
    return user
  })

  const roles: ScenarioRole[] = snapshot.roles.map((raw: unknown, i: number) => {
    const w = `roles[${i}]`
    if (!isObject(raw)) snapFail(w, 'must be an object')
    const r = raw as unknown as SnapshotRoleLike
    const role: ScenarioRole = {
      id: snapStr(r.id, `${w}.id`),
      name: snapStr(r.name, `${w}.name`),
      type: 'common',
      privileges: snapStrArray(r.privileges, `${w}.privileges`),
    }
    if (r.description !== undefined) role.description = snapStr(r.description, `${w}.description`)
    if (!isObject(r.privilegeScopes)) snapFail(`${w}.privilegeScopes`, 'must be an object')
    const scopes = Object.entries(r.privilegeScopes).map(([permission, groups]) => ({
      permission_id: permission,
      group_ids: snapStrArray(groups, `${w}.privilegeScopes.${permission}`),
    }))
    if (scopes.length > 0) role.privilege_scopes = scopes
    return role
  })

  const apps: ScenarioApp[] = snapshot.apps.map((raw: unknown, i: number) => {
    const w = `apps[${i}]`
    if (!isObject(raw)) snapFail(w, 'must be an object')
    const a = raw as unknown as SnapshotAppLike
    return {
      app_id: snapStr(a.id, `${w}.id`),
      app_name: snapStr(a.name, `${w}.name`),
      app_type: snapStr(a.type, `${w}.type`),
      app_status: snapStr(a.status, `${w}.status`),
      listed: a.source !== 'inventory',
      app_scopes: snapStrArray(a.scopes, `${w}.scopes`),
    }
  })

  const scenario: FakeZoomScenario = {
    account: {id: accountId},
    credentials: {accountId: creds.accountId ?? accountId, clientId: creds.clientId, clientSecret: creds.clientSecret},
    tokenScopes: [...(extra.tokenScopes ?? AUDITOR_SCOPES)],
    users,
    roles,
    apps,
  }
  if (extra.pageCaps) scenario.pageCaps = {...extra.pageCaps}
  return validateScenario(scenario)
}
