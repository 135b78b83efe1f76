// Users for a snapshot: every user of every status, or only the inventory's app owners, by the cheaper plan.
import {compareText} from '../text-order.js'
import type {ZoomClient} from '../zoom/client.js'
import {DEFAULT_PLAN, DEFAULT_RATE_BUDGET_PERCENT, rateBudget, type RateBudget} from '../zoom/rate-plans.js'
import {chooseUsersPlan, type LabelCalls} from './call-plan.js'
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

/**
 * Only the named users (email or id; e.g. the inventory's owners), by whichever plan Zoom lets finish sooner
 * (see call-plan.ts): one GET /users/{id-or-email} (LIGHT) for each user not found yet, or the pages of GET /users
 * (MEDIUM) for each of the three statuses. `others` resolves to the calls the rest of the snapshot still makes
 * (role details on LIGHT, app details on MEDIUM): they share the labels, so with many apps to read on MEDIUM,
 * reading owners one by one on LIGHT wins even when the listing has fewer pages. Before the listing's size is
 * known it counts as one page per status; after each page the choice is made again with what is left of the
 * listings (from total_records and the page size Zoom actually served). Both plans give the same users.
 */
export async function fetchNamedUsers(
  client: ZoomClient,
  refs: readonly string[],
  onProgress: OnProgress = noProgress,
  others: Promise<LabelCalls> = Promise.resolve({}),
  budget: RateBudget = rateBudget(DEFAULT_PLAN, DEFAULT_RATE_BUDGET_PERCENT),
): Promise<SnapshotUser[]> {
  const missing = new Map<string, string>() // user key → user as written (e.g. in the inventory)
  for (const ref of refs) {
    const owner = ref.trim()
    if (owner) missing.set(ownerKey(owner), owner)
  }
  const total = missing.size
  const users = new UserSet()
  const progress = () => onProgress({phase: 'users', fetched: total - missing.size, total})
  // With no more users than statuses, one call each never costs more: no need to wait for the other lists.
  const rest = missing.size > STATUSES.length ? await others : {}
  const listingWins = (listingPages: number) =>
    chooseUsersPlan({wanted: missing.size, listingPages, others: rest, budget}).users === 'listing'

  let listingsComplete = false
  if (missing.size > 0 && listingWins(STATUSES.length)) {
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
        if (!listingWins(pagesLeft + (STATUSES.length - index - 1))) {
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
