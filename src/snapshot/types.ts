// The account as plain, serialisable data: what the audit reads, whether it came from Zoom or a file.
// Shape is fixed by schemas/snapshot.schema.json.

export type UserStatus = 'active' | 'inactive' | 'pending'

export interface SnapshotUser {
  /** Zoom returns no id for pending users: users are also keyed by lower-cased email. */
  id?: string
  email: string
  status: UserStatus
  roleId: string
  /** Display name when Zoom gave one; messages use it ("Give Ann's role …"). */
  name?: string
}

export interface SnapshotRole {
  id: string
  name: string
  privileges: string[]
  /** Privilege → the group ids it is limited to (Zoom's `privilege_scopes`). */
  privilegeScopes: Record<string, string[]>
  description?: string
}

export interface SnapshotApp {
  id: string
  name: string
  /** Zoom's `app_type` (OAuthApp, GeneralApp, …; S2S apps come back as OAuthApp), or `unknown`. */
  type: string
  status: string
  scopes: string[]
  /** Where the app came from: the account's app list, a per-app fetch, or only the inventory. */
  source?: 'list' | 'detail' | 'inventory'
}

export interface Snapshot {
  schemaVersion: 1
  capturedAt: string
  /** `warnings`: what looked wrong in Zoom's answers without stopping the run (e.g. a listing shorter than announced). */
  account: {id: string; warnings?: string[]}
  users: SnapshotUser[]
  roles: SnapshotRole[]
  apps: SnapshotApp[]
  /**
   * The inventory apps this snapshot looked up beyond the account's app list; null when it was taken without an
   * inventory, so an app the list does not show cannot be in it. Absent in snapshots of earlier versions.
   */
  inventoryApps?: string[] | null
}

/** Progress of a live fetch, e.g. for a progress line. */
export interface ProgressEvent {
  phase: 'roles' | 'users' | 'apps'
  fetched: number
  /** When known (e.g. from total_records or the number of owners). */
  total?: number
}

export type OnProgress = (event: ProgressEvent) => void

export const noProgress: OnProgress = () => {}

declare module '../input/schema-check.js' {
  interface SchemaTypes {
    snapshot: Snapshot
  }
}
