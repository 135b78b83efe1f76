// A Snapshot from Zoom, through the client only (no HTTP here). Deterministic: users by email, roles and apps by
// id, scopes and privileges sorted and unique. The client counts the calls (client.stats).
import type {Inventory} from '../inventory/types.js'
import {compareText} from '../text-order.js'
import {ZoomError} from '../errors.js'
import {schemaProblems} from '../input/schema-check.js'
import type {ZoomClient} from '../zoom/client.js'
import type {ZoomRole} from '../zoom/types.js'
import {fetchApps, fetchAppsById} from './fetch-apps.js'
import {fetchAllUsers, fetchNamedUsers, fetchOwnerUsers} from './fetch-users.js'
import {
  noProgress,
  type OnProgress,
  type Snapshot,
  type SnapshotApp,
  type SnapshotRole,
  type SnapshotUser,
} from './types.js'

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
  /** Progress of the fetch, e.g. for a progress line. */
  onProgress?: OnProgress
}

export async function fetchSnapshot(client: ZoomClient, options: FetchSnapshotOptions): Promise<Snapshot> {
  const capturedAt = options.now().toISOString()
  const progress = options.onProgress ?? noProgress
  const [roles, users, apps] = await Promise.all([
    options.roles === false ? Promise.resolve([]) : fetchRoles(client, progress),
    fetchUsers(client, options, progress),
    fetchAppsFor(client, options, progress),
  ])
  const warnings = client.warnings
  const snapshot: Snapshot = {
    schemaVersion: 1,
    capturedAt,
    account: {id: client.accountId, ...(warnings.length > 0 ? {warnings} : {})},
    users,
    roles,
    apps,
  }
  // Recorded so that an offline audit can tell "not in the account" from "never looked up".
  if ((options.apps ?? 'all') === 'all') snapshot.inventoryApps = inventoryIds(options.inventory)
  // Whatever the tool writes from this (snapshot, --save-snapshot) must be a snapshot it reads back.
  const problems = schemaProblems('snapshot', JSON.parse(JSON.stringify(snapshot)))
  if (problems.length > 0) {
    throw new ZoomError(`Zoom's answers do not make a valid account snapshot: ${problems[0]}.`, {
      code: 'zoom_bad_answer',
      problems,
    })
  }
  return snapshot
}

function inventoryIds(inventory: Inventory | undefined): string[] | null {
  if (!inventory) return null
  return [...new Set(inventory.apps.map((app) => app.id.trim()))].filter((id) => id !== '').sort(compareText)
}

function fetchUsers(client: ZoomClient, options: FetchSnapshotOptions, progress: OnProgress): Promise<SnapshotUser[]> {
  const plan = options.users ?? (options.inventory ? 'owners' : 'all')
  if (plan === 'all') return fetchAllUsers(client, undefined, progress)
  if (plan === 'active') return fetchAllUsers(client, ['active'], progress)
  if (plan === 'owners') return fetchOwnerUsers(client, options.inventory, progress)
  return fetchNamedUsers(client, plan.refs, progress)
}

function fetchAppsFor(client: ZoomClient, options: FetchSnapshotOptions, progress: OnProgress): Promise<SnapshotApp[]> {
  const apps = options.apps ?? 'all'
  return apps === 'all' ? fetchApps(client, options.inventory, progress) : fetchAppsById(client, apps.ids, progress)
}

/** GET /roles, then GET /roles/{roleId} for each: only the single role carries privileges and privilege_scopes. */
async function fetchRoles(client: ZoomClient, progress: OnProgress): Promise<SnapshotRole[]> {
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
        progress({phase: 'roles', fetched: ++fetched, total: listed.length})
      }
      return toSnapshotRole(role, item.id, item.name)
    }),
  )
  return roles.filter((role): role is SnapshotRole => role !== undefined).sort((a, b) => compareText(a.id, b.id))
}

function toSnapshotRole(role: ZoomRole, listedId: string, listedName: string | undefined): SnapshotRole {
  // Privilege names are Zoom's data: collected in a Map, so "__proto__" or "constructor" is a name like any other.
  const groupsOf = new Map<string, Set<string>>()
  const limits = [...(role.privilege_scopes ?? [])].sort((a, b) => compareText(a.permission_id, b.permission_id))
  for (const {permission_id: privilege, group_ids: groups} of limits) {
    const set = groupsOf.get(privilege) ?? new Set<string>()
    for (const group of groups ?? []) set.add(group)
    groupsOf.set(privilege, set)
  }
  const privilegeScopes = Object.fromEntries([...groupsOf].map(([privilege, set]) => [privilege, [...set].sort()]))
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
