// Users for a snapshot: every user of every status, or only the inventory's app owners, by the cheaper plan.
import type {Inventory} from '../inventory/types.js'
import {compareText} from '../text-order.js'
import type {ZoomClient} from '../zoom/client.js'
import {ZoomNotFoundError} from '../zoom/errors.js'
import type {ZoomListedUser, ZoomUserStatus} from '../zoom/types.js'
import {noProgress, type OnProgress, type SnapshotUser, type UserStatus} from './types.js'

/** GET /users returns only active users unless `status` says otherwise; owners may be inactive or pending. */
const STATUSES: readonly ZoomUserStatus[] = ['active', 'inactive', 'pending']

/** Every user of the given statuses (default all three). */
export async function fetchAllUsers(
  client: ZoomClient,
  statuses: readonly ZoomUserStatus[] = STATUSES,
  progress: OnProgress = noProgress,
): Promise<SnapshotUser[]> {
  const users = new UserSet()
  for (const status of statuses) {
    // The total shown grows as each status's listing tells its total_records.
    const before = users.size
    for await (const page of client.listUsers(status).pages()) {
      for (const user of page.items) users.add(user, status)
      progress({
        phase: 'users',
        fetched: users.size,
        ...(page.totalRecords === undefined ? {} : {total: before + page.totalRecords}),
      })
    }
  }
  return users.sorted()
}

/** The owners named in the inventory (see fetchNamedUsers). */
export function fetchOwnerUsers(
  client: ZoomClient,
  inventory: Inventory | undefined,
  progress: OnProgress = noProgress,
): Promise<SnapshotUser[]> {
  return fetchNamedUsers(
    client,
    (inventory?.apps ?? []).map((app) => app.owner),
    progress,
  )
}

/**
 * Only the named users (email or id; e.g. the inventory's owners), by whichever plan takes fewer API calls:
 *  - per owner: one GET /users/{id-or-email} for each owner not found yet;
 *  - listing: every page of GET /users for each of the three statuses (at least one page per status).
 * With no more owners than statuses, per owner never costs more, so no listing is read at all. Otherwise we read
 * the listings page by page and, after each page, compare what is left of them (the current status' remaining
 * pages from total_records and the page size Zoom actually served, plus one page for each status not started)
 * with the number of owners still missing; as soon as fetching those owners one by one is not more expensive, we
 * stop listing and do that. Both plans give the same users: only the named ones are kept.
 */
export async function fetchNamedUsers(
  client: ZoomClient,
  refs: readonly string[],
  onProgress: OnProgress = noProgress,
): Promise<SnapshotUser[]> {
  const missing = new Map<string, string>() // owner key → owner as written (e.g. in the inventory)
  for (const ref of refs) {
    const owner = ref.trim()
    if (owner) missing.set(ownerKey(owner), owner)
  }
  const total = missing.size
  const users = new UserSet()
  const progress = () => onProgress({phase: 'users', fetched: total - missing.size, total})

  let listingsComplete = false
  if (missing.size > STATUSES.length) {
    listingsComplete = true
    listing: for (const [index, status] of STATUSES.entries()) {
      let received = 0
      let pageSize = 0
      for await (const page of client.listUsers(status).pages()) {
        received += page.received
        pageSize = Math.max(pageSize, page.received)
        for (const user of page.items) {
          const key = [user.id, user.email && ownerKey(user.email)].find((k) => k !== undefined && missing.has(k))
          if (key === undefined) continue
          users.add(user, status)
          missing.delete(ownerKey(user.email))
          if (user.id !== undefined) missing.delete(user.id)
        }
        progress()
        if (missing.size === 0) break listing
        const pagesLeft = !page.more
          ? 0
          : page.totalRecords !== undefined && pageSize > 0
            ? Math.max(1, Math.ceil((page.totalRecords - received) / pageSize))
            : 1
        const listingCallsLeft = pagesLeft + (STATUSES.length - index - 1)
        if (missing.size <= listingCallsLeft) {
          listingsComplete = false
          break listing
        }
      }
    }
  }

  // After complete listings of every status, an owner still missing is not in the account: no need to ask.
  if (!listingsComplete) {
    await Promise.all(
      [...missing.values()].map(async (owner) => {
        try {
          users.add(await client.getUser(owner))
        } catch (error) {
          // 404 code 1001: the owner is not in the account; the audit reports owner-not-found.
          if (!(error instanceof ZoomNotFoundError)) throw error
        }
        missing.delete(ownerKey(owner))
        progress()
      }),
    )
  }
  return users.sorted()
}

/** Emails compare case-insensitively; ids exactly. */
function ownerKey(owner: string): string {
  return owner.includes('@') ? owner.toLowerCase() : owner
}

class UserSet {
  private readonly byEmail = new Map<string, SnapshotUser>()

  get size(): number {
    return this.byEmail.size
  }

  /** The first answer for an email wins (a user can change status while we list). */
  add(user: ZoomListedUser, listedAs?: ZoomUserStatus): void {
    if (typeof user.email !== 'string' || user.email === '') return
    const key = user.email.toLowerCase()
    if (this.byEmail.has(key)) return
    const status = (user.status ?? listedAs) as UserStatus | undefined
    if (status !== 'active' && status !== 'inactive' && status !== 'pending') return
    const name = displayName(user)
    this.byEmail.set(key, {
      ...(user.id ? {id: user.id} : {}),
      email: user.email,
      status,
      roleId: user.role_id ?? '',
      ...(name ? {name} : {}),
    })
  }

  sorted(): SnapshotUser[] {
    return [...this.byEmail.entries()].sort(([a], [b]) => compareText(a, b)).map(([, user]) => user)
  }
}

function displayName(user: ZoomListedUser): string | undefined {
  const display = user.display_name?.trim()
  if (display) return display
  const full = [user.first_name, user.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ')
  return full || undefined
}
