// A Snapshot from Zoom, through the client only (no HTTP here). Deterministic: users by email, roles and apps by
// id, scopes and privileges sorted and unique. The client counts the calls (client.stats).
import type {Inventory} from '../inventory/types.js'
import {ZoomError} from '../errors.js'
import type {ZoomClient} from '../zoom/client.js'
import type {ZoomRole} from '../zoom/types.js'
import {fetchApps} from './fetch-apps.js'
import {fetchAllUsers, fetchOwnerUsers} from './fetch-users.js'
import type {Snapshot, SnapshotRole} from './types.js'

export interface FetchSnapshotOptions {
  /** The apps to audit and their owners; without it there are no owners and no extra apps to look up. */
  inventory?: Inventory
  /** 'owners' (default with an inventory): only the inventory's owners. 'all' (default without): every user. */
  users?: 'all' | 'owners'
  now: () => Date
}

export async function fetchSnapshot(client: ZoomClient, options: FetchSnapshotOptions): Promise<Snapshot> {
  const capturedAt = options.now().toISOString()
  const usersPlan = options.users ?? (options.inventory ? 'owners' : 'all')
  const [roles, users, apps] = await Promise.all([
    fetchRoles(client),
    usersPlan === 'all' ? fetchAllUsers(client) : fetchOwnerUsers(client, options.inventory),
    fetchApps(client, options.inventory),
  ])
  return {schemaVersion: 1, capturedAt, account: {id: client.accountId}, users, roles, apps}
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
  return roles.filter((role): role is SnapshotRole => role !== undefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function toSnapshotRole(role: ZoomRole, listedId: string, listedName: string | undefined): SnapshotRole {
  const privilegeScopes: Record<string, string[]> = {}
  const limits = [...(role.privilege_scopes ?? [])].sort((a, b) => (a.permission_id < b.permission_id ? -1 : 1))
  for (const {permission_id: privilege, group_ids: groups} of limits) {
    if (!privilege) continue
    privilegeScopes[privilege] = [...new Set([...(privilegeScopes[privilege] ?? []), ...(groups ?? [])])].sort()
  }
  const description = role.description?.trim()
  return {
    id: role.id || listedId,
    name: role.name ?? listedName ?? '',
    privileges: [...new Set(role.privileges ?? [])].sort(),
    privilegeScopes,
    ...(description ? {description} : {}),
  }
}
