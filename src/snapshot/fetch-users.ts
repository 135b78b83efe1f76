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

/**
 * Every user of the given statuses (default all three). Each status is its own listing, a chain of pages (each page's
 * token comes with the previous one): the listings run at once, so the label is busy from the start rather than
 * waiting for one chain after another. A user listed under two statuses (changed while we listed) keeps the first
 * status in `statuses` order, whichever listing answers first, so the result does not depend on timing.
 */
export async function fetchAllUsers(
  client: ZoomClient,
  statuses: readonly ZoomUserStatus[] = STATUSES,
  progress: OnProgress = noProgress,
): Promise<SnapshotUser[]> {
  const sets = statuses.map(() => new UserSet())
  // The total shown grows as each listing tells its total_records (a listing not heard from counts what it has).
  const totals: Array<number | undefined> = statuses.map(() => undefined)
  const report = () => {
    const fetched = sets.reduce((sum, set) => sum + set.size, 0)
    const known = totals.some((total) => total !== undefined)
    const total = totals.reduce<number>((sum, total, index) => sum + (total ?? sets[index]!.size), 0)
    progress({phase: 'users', fetched, ...(known ? {total} : {})})
  }
  await Promise.all(
    statuses.map(async (status, index) => {
      for await (const page of client.listUsers(status).pages()) {
        for (const user of page.items) sets[index]!.add(user, status)
        if (page.totalRecords !== undefined) totals[index] = page.totalRecords
        report()
      }
    }),
  )
  const [users = new UserSet(), ...later] = sets
  for (const set of later) users.addAll(set)
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
    const status = snapshotStatus(user.status ?? listedAs)
    if (status === undefined) return
    this.byEmail.set(key, snapshotUser(user, status))
  }

  /** The users of `later` this set does not hold yet (this set's answers win). */
  addAll(later: UserSet): void {
    for (const [key, user] of later.byEmail) if (!this.byEmail.has(key)) this.byEmail.set(key, user)
  }

  sorted(): SnapshotUser[] {
    return [...this.byEmail.keys()].sort(compareText).map((key) => this.byEmail.get(key)!)
  }
}

/** The status as one of the three shared strings (not the copy each parsed answer holds). */
function snapshotStatus(status: string | undefined): UserStatus | undefined {
  return status === 'active'
    ? 'active'
    : status === 'inactive'
      ? 'inactive'
      : status === 'pending'
        ? 'pending'
        : undefined
}

/**
 * Only the fields a snapshot keeps, so the page the user came in can be freed. Built from one of four object
 * literals, keys always in this order: objects of one literal share their hidden class, where spreading optional
 * fields in gives each of 100 000 users a shape of its own (about 300 bytes each).
 */
export function snapshotUser(user: ZoomListedUser, status: UserStatus, listedRole?: string): SnapshotUser {
  const {id, email} = user
  // `listedRole`: the role_id a listing asked for, when the item does not say its own.
  const roleId = user.role_id ?? listedRole ?? ''
  const name = displayName(user)
  if (id) return name ? {id, email, status, roleId, name} : {id, email, status, roleId}
  return name ? {email, status, roleId, name} : {email, status, roleId}
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
