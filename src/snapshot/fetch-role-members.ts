// The active members of the roles that qualify (transfer candidates), without reading every active user when only a
// few roles qualify: GET /users?status=active&role_id=R for each qualifying role, every role's pages beside the
// others', each role's listing starting as soon as its GET /roles/{roleId} shows it qualifies. Or, when the planner
// says so (many qualifying roles with few members each), the one listing of every active user. Through the client
// only (no HTTP here).
import {ZoomError} from '../errors.js'
import type {ZoomClient} from '../zoom/client.js'
import {concurrencyFor} from '../zoom/client-defaults.js'
import {Pool} from '../zoom/pool.js'
import type {RateBudget} from '../zoom/rate-plans.js'
import type {ZoomListedRole, ZoomListedUser} from '../zoom/types.js'
import {planActiveUsers, USERS_PAGE_SIZE, type ActiveUsersPlan, type LabelCalls} from './call-plan.js'
import {fetchAppsById} from './fetch-apps.js'
import {snapshotUser} from './fetch-users.js'
import {toSnapshotRole} from './snapshot-role.js'
import {
  noProgress,
  type OnProgress,
  type Snapshot,
  type SnapshotApp,
  type SnapshotRole,
  type SnapshotUser,
} from './types.js'

/** Active users in all and per role id: what "nobody qualifies" needs when only some roles' members were read. */
export interface ActiveCounts {
  total: number
  byRole: ReadonlyMap<string, number>
}

export interface RoleMembersOptions {
  appIds: readonly string[]
  /**
   * Which roles qualify, once the apps are read (e.g. the app under review and its scopes); may reject (an app
   * nobody knows), which fails the fetch.
   */
  qualifying: (apps: SnapshotApp[]) => Promise<(role: SnapshotRole) => boolean>
  budget: RateBudget
  now: () => Date
  onProgress?: OnProgress
}

export interface RoleMembers {
  /** Every role, the apps, and the active users read: with 'by-role', only the qualifying roles' members. */
  snapshot: Snapshot
  plan: ActiveUsersPlan
  /** With 'by-role' when no listed user's role qualifies: the counts the explanation needs (else undefined). */
  activeCounts?: ActiveCounts
}

/** A listed role's total_members; unknown counts as one full page. */
const membersOf = (item: ZoomListedRole) => item.total_members ?? USERS_PAGE_SIZE

export async function fetchRoleMembers(client: ZoomClient, options: RoleMembersOptions): Promise<RoleMembers> {
  const capturedAt = options.now().toISOString()
  const progress = options.onProgress ?? noProgress
  const roleList = client.listRoles().all()
  const apps = fetchAppsById(client, options.appIds, progress)
  const qualifying = apps.then(options.qualifying)
  // Awaited below only on some paths: a rejection must not go unhandled meanwhile (it still fails the fetch).
  for (const promise of [roleList, apps, qualifying]) promise.catch(() => undefined)

  const listed = await roleList
  let fetchedRoles = 0
  // The biggest roles first (their listings are the longest chains of pages), and not all details at once: the
  // client runs calls in the order they come, so 50 details asked at once could hold back the first role's
  // listing until the last detail has its turn.
  // One fewer than the client's calls in flight (sized from the same budget), which leaves one for listings.
  const detailsPool = new Pool(Math.max(1, concurrencyFor(options.budget) - 1))
  const order = listed.map((_, index) => index).sort((a, b) => membersOf(listed[b]!) - membersOf(listed[a]!))
  const details: Array<Promise<SnapshotRole | undefined>> = []
  for (const index of order) {
    details[index] = detailsPool
      .run(() => roleDetail(client, listed[index]!))
      .finally(() => progress({phase: 'roles', fetched: ++fetchedRoles, total: listed.length}))
  }
  for (const detail of details) detail.catch(() => undefined)

  const users = new ActiveUsers()
  const others: LabelCalls = {MEDIUM: 1 + options.appIds.length, LIGHT: listed.length}
  const plan = (qualifies?: (item: ZoomListedRole, index: number) => boolean) =>
    planActiveUsers({
      // total_members counts inactive members too: the listing's size is at most their sum.
      activeUsers: listed.reduce((sum, item) => sum + membersOf(item), 0),
      roles: listed.map((item, index) => ({members: membersOf(item), qualifies: qualifies?.(item, index)})),
      others,
      budget: options.budget,
    }).chosen.users

  const listRole = async (roleId: string) => {
    for await (const page of client.listUsers('active', {roleId}).pages()) {
      for (const user of page.items) users.add(user, roleId)
      progress({phase: 'users', fetched: users.size})
    }
  }
  const listedRoles = new Set<string>()
  let chosen: ActiveUsersPlan
  // Even if every role with members qualified, reading them role by role would win: start each role's listing as
  // soon as its details and the app are in, so the Medium label is busy from the start.
  if (plan() === 'by-role') {
    chosen = 'by-role'
    await Promise.all(
      listed.map(async (item, index) => {
        const role = await details[index]!
        if (role === undefined || item.total_members === 0 || !(await qualifying)(role)) return
        listedRoles.add(role.id)
        await listRole(role.id)
      }),
    )
  } else {
    // Otherwise decide once every role is known to qualify or not.
    const roles = await Promise.all(details)
    const qualifies = await qualifying
    chosen = plan((_, index) => roles[index] !== undefined && qualifies(roles[index]!))
    if (chosen === 'by-role') {
      await Promise.all(
        roles.map(async (role, index) => {
          if (role === undefined || listed[index]!.total_members === 0 || !qualifies(role)) return
          listedRoles.add(role.id)
          await listRole(role.id)
        }),
      )
    } else {
      for await (const page of client.listUsers('active').pages()) {
        for (const user of page.items) users.add(user)
        progress({
          phase: 'users',
          fetched: users.size,
          ...(page.totalRecords === undefined ? {} : {total: page.totalRecords}),
        })
      }
    }
  }

  const roles = (await Promise.all(details)).filter((role): role is SnapshotRole => role !== undefined)
  roles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const snapshot: Snapshot = {
    schemaVersion: 1,
    capturedAt,
    account: {id: client.accountId, ...(client.warnings.length > 0 ? {warnings: client.warnings} : {})},
    users: users.list(),
    roles,
    apps: await apps,
  }
  if (chosen === 'listing') return {snapshot, plan: chosen}
  const qualifies = await qualifying
  const qualifyingIds = new Set(roles.filter(qualifies).map((role) => role.id))
  if (snapshot.users.some((user) => qualifyingIds.has(user.roleId))) return {snapshot, plan: chosen}
  return {snapshot, plan: chosen, activeCounts: await countActive(client, listed, listedRoles, snapshot.users)}
}

/**
 * Nobody qualifies: how many active users there are, and per role (a role whose total_members is 0 has none; a
 * role already listed has the members read). One page of one user each: Zoom's total_records is the count.
 */
async function countActive(
  client: ZoomClient,
  listed: readonly ZoomListedRole[],
  listedRoles: ReadonlySet<string>,
  read: readonly SnapshotUser[],
): Promise<ActiveCounts> {
  const byRole = new Map<string, number>()
  for (const user of read) if (listedRoles.has(user.roleId)) byRole.set(user.roleId, (byRole.get(user.roleId) ?? 0) + 1)
  const [total] = await Promise.all([
    countUsers(client),
    ...listed.map(async (item) => {
      if (listedRoles.has(item.id)) return
      byRole.set(item.id, item.total_members === 0 ? 0 : await countUsers(client, item.id))
    }),
  ])
  return {total, byRole}
}

async function countUsers(client: ZoomClient, roleId?: string): Promise<number> {
  let counted = 0
  for await (const page of client
    .listUsers('active', {...(roleId === undefined ? {} : {roleId}), pageSize: 1})
    .pages()) {
    if (page.totalRecords !== undefined) return page.totalRecords
    // Zoom did not say: count the pages' users instead (one a page, as asked).
    counted += page.received
  }
  return counted
}

/** GET /roles/{roleId}; undefined when the role was deleted since the list was read (400 code 1034). */
async function roleDetail(client: ZoomClient, item: ZoomListedRole): Promise<SnapshotRole | undefined> {
  try {
    return toSnapshotRole(await client.getRole(item.id), item.id, item.name)
  } catch (error) {
    if (error instanceof ZoomError && error.details.zoomCode === 1034) return undefined
    throw error
  }
}

/**
 * The active users read, keyed by lower-cased email (a user can show up in two roles' listings when their role
 * changes meanwhile: the first answer wins), with only the fields the candidates need.
 */
class ActiveUsers {
  private readonly byEmail = new Map<string, SnapshotUser>()

  get size(): number {
    return this.byEmail.size
  }

  /** `listedRole`: the role_id the listing asked for, when the item does not say its own. */
  add(user: ZoomListedUser, listedRole?: string): void {
    if (typeof user.email !== 'string' || user.email === '') return
    // Listed as active; an item that says otherwise (it changed meanwhile) is not an active user.
    if ((user.status ?? 'active') !== 'active') return
    const key = user.email.toLowerCase()
    if (this.byEmail.has(key)) return
    this.byEmail.set(key, snapshotUser(user, 'active', listedRole))
  }

  list(): SnapshotUser[] {
    return [...this.byEmail.values()]
  }
}
