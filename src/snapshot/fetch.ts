// A Snapshot from Zoom, through the client only (no HTTP here). Deterministic: users by email, roles and apps by
// id, scopes and privileges sorted and unique. The client counts the calls (client.stats).
import type {Inventory} from '../inventory/types.js'
import {compareText} from '../text-order.js'
import {ZoomError} from '../errors.js'
import type {ZoomClient} from '../zoom/client.js'
import type {ZoomRole} from '../zoom/types.js'
import {fetchApps, fetchAppsById} from './fetch-apps.js'
import {fetchAllUsers, fetchNamedUsers, fetchOwnerUsers} from './fetch-users.js'
import type {Snapshot, SnapshotApp, SnapshotRole, SnapshotUser} from './types.js'

export interface FetchSnapshotOptions {
  /** The apps to audit and their owners; without it there are no owners and no extra apps to look up. */
  inventory?: Inventory
  /**
   * 'owners' (default with an inventory): only the inventory's owners. 'all' (default without): every user of
   * every status. 'active': active users only. {refs}: only these users (emails or ids).
   */
  users?: 'all' | 'active' | 'owners' | {refs: string[]}
  /** False: no roles at all (e.g. an inventory template needs only apps). Default true. */
  roles?: boolean
  /** 'all' (default): the account's created apps plus the inventory's. {ids}: only these apps. */
  apps?: 'all' | {ids: string[]}
  now: () => Date
}

export async function fetchSnapshot(client: ZoomClient, options: FetchSnapshotOptions): Promise<Snapshot> {
  const capturedAt = options.now().toISOString()
  const [roles, users, apps] = await Promise.all([
    options.roles === false ? Promise.resolve([]) : fetchRoles(client),
    fetchUsers(client, options),
    fetchAppsFor(client, options),
  ])
  return {schemaVersion: 1, capturedAt, account: {id: client.accountId}, users, roles, apps}
}

function fetchUsers(client: ZoomClient, options: FetchSnapshotOptions): Promise<SnapshotUser[]> {
  const plan = options.users ?? (options.inventory ? 'owners' : 'all')
  if (plan === 'all') return fetchAllUsers(client)
  if (plan === 'active') return fetchAllUsers(client, ['active'])
  if (plan === 'owners') return fetchOwnerUsers(client, options.inventory)
  return fetchNamedUsers(client, plan.refs)
}

function fetchAppsFor(client: ZoomClient, options: FetchSnapshotOptions): Promise<SnapshotApp[]> {
  const apps = options.apps ?? 'all'
  return apps === 'all' ? fetchApps(client, options.inventory) : fetchAppsById(client, apps.ids)
}

/** GET /roles, then GET /roles/{roleId} for each: only the single role carries privileges and privilege_scopes. */
async function fetchRoles(client: ZoomClient): Promise<SnapshotRole[]> {
  const listed = await client.listRoles().all()
  let fetched = 0
  const roles = await Promise.all(
    listed.map(async (item) => {
      let role: ZoomRole
      try {
        role = await client.getRole(item.id)
      } catch (error) {
        // 400 code 1034: the role was deleted since the list was read.
        if (error instanceof ZoomError && error.details.zoomCode === 1034) return undefined
        throw error
      } finally {
        client.progress({phase: 'roles', fetched: ++fetched, total: listed.length})
      }
      return toSnapshotRole(role, item.id, item.name)
    }),
  )
  return roles.filter((role): role is SnapshotRole => role !== undefined).sort((a, b) => compareText(a.id, b.id))
}

function toSnapshotRole(role: ZoomRole, listedId: string, listedName: string | undefined): SnapshotRole {
  const privilegeScopes: Record<string, string[]> = {}
  const limits = [...(role.privilege_scopes ?? [])].sort((a, b) => compareText(a.permission_id, b.permission_id))
  for (const {permission_id: privilege, group_ids: groups} of limits) {
    if (!privilege) continue
    privilegeScopes[privilege] = [...new Set([...(privilegeScopes[privilege] ?? []), ...(groups ?? [])])].sort()
  }
  const description = role.description?.trim()
  return {
    // Keyed by the id we listed: one role, one entry, whatever the answer's body says.
    id: listedId,
    name: role.name ?? listedName ?? '',
    privileges: [...new Set(role.privileges ?? [])].sort(),
    privilegeScopes,
    ...(description ? {description} : {}),
  }
}
