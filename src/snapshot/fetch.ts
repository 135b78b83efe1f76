// A Snapshot from Zoom, through the client only (no HTTP here). Deterministic: users by email, roles and apps by
// id, scopes and privileges sorted and unique. The client counts the calls (client.stats).
import type {Inventory} from '../inventory/types.js'
import {compareText} from '../text-order.js'
import {ZoomError} from '../errors.js'
import {schemaProblems} from '../input/schema-check.js'
import type {ZoomClient} from '../zoom/client.js'
import type {RateBudget} from '../zoom/rate-plans.js'
import type {ZoomListedApp, ZoomListedRole, ZoomRole} from '../zoom/types.js'
import type {LabelCalls} from './call-plan.js'
import {appDetailsNeeded, fetchApps, fetchAppsById, listAccountApps} from './fetch-apps.js'
import {fetchAllUsers, fetchNamedUsers} from './fetch-users.js'
import {toSnapshotRole} from './snapshot-role.js'
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
  /** The rate budget per label the client is held to (default: the plan's default); the planner weighs calls by it. */
  budget?: RateBudget
}

export async function fetchSnapshot(client: ZoomClient, options: FetchSnapshotOptions): Promise<Snapshot> {
  const capturedAt = options.now().toISOString()
  const progress = options.onProgress ?? noProgress
  // Roles, users and apps are independent: read at once, so every rate-limit label's budget is in use. The two
  // lists are started first: what they hold tells the users' planner what else will share the labels.
  const roleList = options.roles === false ? Promise.resolve([]) : client.listRoles().all()
  const appList = (options.apps ?? 'all') === 'all' ? listAccountApps(client) : Promise.resolve([])
  const others = Promise.all([roleList, appList]).then(([roles, apps]): LabelCalls => ({
    LIGHT: roles.length,
    MEDIUM: options.apps === undefined || options.apps === 'all' ? appDetailsNeeded(apps, options.inventory) : 0,
  }))
  // A failed list is reported by the fetch that reads it; this derived promise must not be an unhandled rejection.
  others.catch(() => undefined)
  const [roles, users, apps] = await Promise.all([
    fetchRoles(client, roleList, progress),
    fetchUsers(client, options, others, progress),
    fetchAppsFor(client, options, appList, progress),
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
  // Whatever the tool writes from this (snapshot, --save-snapshot) must be a snapshot it reads back. Checked as it
  // is, not as a JSON copy of itself (tens of megabytes at 100 000 users): it holds only strings, arrays and plain
  // objects built here, none with an undefined member, so its JSON text reads back as the same document.
  const problems = schemaProblems('snapshot', snapshot)
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

function fetchUsers(
  client: ZoomClient,
  options: FetchSnapshotOptions,
  others: Promise<LabelCalls>,
  progress: OnProgress,
): Promise<SnapshotUser[]> {
  const userFetchPlan = options.users ?? (options.inventory ? 'owners' : 'all')
  if (userFetchPlan === 'all') return fetchAllUsers(client, undefined, progress)
  if (userFetchPlan === 'active') return fetchAllUsers(client, ['active'], progress)
  const refs = userFetchPlan === 'owners' ? (options.inventory?.apps ?? []).map((app) => app.owner) : userFetchPlan.refs
  return fetchNamedUsers(client, refs, progress, others, options.budget)
}

function fetchAppsFor(
  client: ZoomClient,
  options: FetchSnapshotOptions,
  appList: Promise<ZoomListedApp[]>,
  progress: OnProgress,
): Promise<SnapshotApp[]> {
  const apps = options.apps ?? 'all'
  return apps === 'all'
    ? fetchApps(client, options.inventory, progress, appList)
    : fetchAppsById(client, apps.ids, progress)
}

/** GET /roles, then GET /roles/{roleId} for each: only the single role carries privileges and privilege_scopes. */
async function fetchRoles(
  client: ZoomClient,
  list: Promise<ZoomListedRole[]>,
  progress: OnProgress,
): Promise<SnapshotRole[]> {
  const listed = await list
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
