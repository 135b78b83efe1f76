// Zoom's raw response shapes, as far as this tool reads them (docs/zoom-api.md). Fields Zoom documents but the
// audit never reads are left out; every field is optional where Zoom may omit it.

export type ZoomUserStatus = 'active' | 'inactive' | 'pending'

/** POST /oauth/token (account_credentials). */
export interface ZoomTokenResponse {
  access_token: string
  token_type?: string
  expires_in?: number
  /** Space-delimited scopes; may be absent right after the app's scopes changed. */
  scope?: string
  /** Regional API host without `/v2`, e.g. `https://api-us.zoom.us`. */
  api_url?: string
}

/** Error body of the token endpoint (not `{code, message}` as under /v2). */
export interface ZoomTokenErrorBody {
  reason?: string
  error?: string
}

/** Error body under /v2. */
export interface ZoomApiErrorBody {
  code?: number
  message?: string
}

/** Envelope shared by paginated lists. Marketplace lists carry only `next_page_token` and `page_size`. */
export interface ZoomPageEnvelope {
  next_page_token?: string
  page_size?: number
  page_count?: number
  page_number?: number
  total_records?: number
}

/** Item of GET /users: no `role_name`; no `id` for pending users. */
export interface ZoomListedUser {
  id?: string
  email: string
  first_name?: string
  last_name?: string
  display_name?: string
  status?: ZoomUserStatus
  role_id?: string
  type?: number
  group_ids?: string[]
}

export interface ZoomUserList extends ZoomPageEnvelope {
  users?: ZoomListedUser[]
}

/** GET /users/{userId}. */
export interface ZoomUser extends ZoomListedUser {
  role_name?: string
  account_id?: string
}

/** GET /users/{userId}/permissions. */
export interface ZoomUserPermissions {
  permissions?: string[]
}

/** Item of GET /roles (not paginated). */
export interface ZoomListedRole {
  id: string
  name?: string
  description?: string
  type?: string
  total_members?: number
}

export interface ZoomRoleList extends ZoomPageEnvelope {
  roles?: ZoomListedRole[]
}

/** GET /roles/{roleId}. */
export interface ZoomRole extends ZoomListedRole {
  privileges?: string[]
  /** Privileges limited to some user groups (≤ 50). */
  privilege_scopes?: Array<{permission_id: string; group_ids?: string[]}>
  sub_account_privileges?: {second_level?: number}
}

/** Item of GET /roles/{roleId}/members. */
export interface ZoomRoleMember {
  id?: string
  email?: string
  first_name?: string
  last_name?: string
  type?: number
  department?: string
}

export interface ZoomRoleMemberList extends ZoomPageEnvelope {
  members?: ZoomRoleMember[]
}

export type ZoomAppListType =
  | 'active_requests'
  | 'past_requests'
  | 'public'
  | 'account_created'
  | 'account_added'
  | 'approved_apps'
  | 'restricted_apps'

/** Item of GET /marketplace/apps. `scopes[].scope_name` is often a human label, not a scope string. */
export interface ZoomListedApp {
  app_id: string
  app_name?: string
  app_type?: string
  app_usage?: number
  app_status?: string
  scopes?: Array<{scope_name?: string; scope_description?: string}>
}

export interface ZoomAppList extends ZoomPageEnvelope {
  apps?: ZoomListedApp[]
}

/** GET /marketplace/apps/{appId}: `app_scopes` holds scope strings. */
export interface ZoomApp {
  app_id: string
  app_name?: string
  app_type?: string
  app_usage?: number
  app_status?: string
  app_scopes?: string[]
}
