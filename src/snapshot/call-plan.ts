// Call plans and their bound. Zoom limits each rate-limit label separately, so requests of different labels
// proceed in parallel: the fastest a plan can possibly finish is the slowest label's share of it, i.e.
// max over labels of (calls with that label ÷ that label's rate). The planner picks, among the plans that fetch
// what a command needs, the one with the smallest such bound, and not simply the one with the fewest calls
// (docs/rate-limits.md). Pure: no HTTP, no clock.
import {PLANNED_ROUND_TRIP_MS} from '../zoom/client-defaults.js'
import type {RateLimitLabel} from '../zoom/endpoints.js'
import type {RateBudget} from '../zoom/rate-plans.js'

export type LabelCalls = Partial<Record<RateLimitLabel, number>>

/** Zoom's largest page of GET /users (page_size max 300). */
export const USERS_PAGE_SIZE = 300
/** GET /users lists one status per listing; every user of every status takes three listings. */
export const USER_STATUSES = 3

/** Milliseconds the calls need at least: the slowest label at its budgeted rate. */
export function boundMs(calls: LabelCalls, budget: RateBudget): number {
  let worst = 0
  for (const [label, count] of Object.entries(calls) as Array<[RateLimitLabel, number]>) {
    if (!count) continue
    const {requests, windowMs} = budget[label]
    worst = Math.max(worst, (count * windowMs) / requests)
  }
  return worst
}

export function addCalls(...parts: LabelCalls[]): LabelCalls {
  const sum: LabelCalls = {}
  for (const part of parts)
    for (const [label, count] of Object.entries(part) as Array<[RateLimitLabel, number]>)
      if (count) sum[label] = (sum[label] ?? 0) + count
  return sum
}

/** How the users a command needs are read. */
export type UsersPlan = 'listing' | 'per-user'

export interface PlanChoice {
  users: UsersPlan
  /** Every call of the plan, by label (the user reads plus `others`). */
  calls: LabelCalls
  boundMs: number
}

/**
 * Reading `wanted` named users (e.g. app owners): one GET /users/{id} each (LIGHT), or `listingPages` pages of
 * GET /users (MEDIUM). `others` are the calls the rest of the command makes meanwhile (roles, apps): they share the
 * labels, which is why the plan with fewer calls is not always the faster one. Ties go to fewer calls.
 */
export function chooseUsersPlan(input: {
  wanted: number
  listingPages: number
  others: LabelCalls
  budget: RateBudget
}): PlanChoice {
  const plans: PlanChoice[] = (
    [
      ['per-user', {LIGHT: input.wanted}],
      ['listing', {MEDIUM: input.listingPages}],
    ] as Array<[UsersPlan, LabelCalls]>
  ).map(([users, reads]) => {
    const calls = addCalls(reads, input.others)
    return {users, calls, boundMs: boundMs(calls, input.budget)}
  })
  const total = (calls: LabelCalls) => Object.values(calls).reduce((a, b) => a + (b ?? 0), 0)
  plans.sort((a, b) => a.boundMs - b.boundMs || total(a.calls) - total(b.calls))
  return plans[0]!
}

/** What a snapshot-based command needs from the account, and how big the account is. */
export interface AccountShape {
  /** Users per status (active, inactive, pending); only their sum and the statuses listed matter. */
  users: {active: number; inactive: number; pending: number}
  /** 'all': every user; 'active': active users; a number: that many named users (the inventory's owners). */
  need: 'all' | 'active' | number
  roles: number
  /** Apps the account's list returns, of which `appDetails` need GET /marketplace/apps/{id} (plus unlisted ones). */
  apps: number
  appDetails: number
  /** Apps fetched by id only (e.g. transfer's one app): no list. */
  appsById?: number
  pageSize?: number
}

/** The calls a command makes besides reading users: roles (list + each), apps (list pages + details). */
export function otherCalls(shape: AccountShape): LabelCalls {
  const pageSize = shape.pageSize ?? USERS_PAGE_SIZE
  const appCalls =
    shape.appsById !== undefined ? shape.appsById : Math.max(1, Math.ceil(shape.apps / pageSize)) + shape.appDetails
  return addCalls(
    shape.roles >= 0 ? {MEDIUM: Math.max(1, Math.ceil(shape.roles / pageSize)), LIGHT: shape.roles} : {},
    {MEDIUM: appCalls},
  )
}

/** The chosen plan for the whole command and its bound (what `npm run bench` compares wall time with). */
export function planAccount(shape: AccountShape, budget: RateBudget): PlanChoice {
  const pageSize = shape.pageSize ?? USERS_PAGE_SIZE
  const pages = (n: number) => Math.max(1, Math.ceil(n / pageSize))
  const others = otherCalls(shape)
  const {active, inactive, pending} = shape.users
  if (shape.need === 'active') return chooseUsersPlan({wanted: Infinity, listingPages: pages(active), others, budget})
  const listingPages = pages(active) + pages(inactive) + pages(pending)
  if (shape.need === 'all') return chooseUsersPlan({wanted: Infinity, listingPages, others, budget})
  if (shape.need === 0) {
    const calls = others
    return {users: 'per-user', calls, boundMs: boundMs(calls, budget)}
  }
  return chooseUsersPlan({wanted: shape.need, listingPages, others, budget})
}

/**
 * How the active users a command needs are read when only the members of some roles matter (`transfer
 * candidates`): the pages of GET /users?status=active, one after the other, or GET /users?status=active&role_id=R
 * for each role that qualifies, every role's pages in parallel with the others'.
 */
export type ActiveUsersPlan = 'listing' | 'by-role'

export interface RoleToList {
  /** Members of the role (GET /roles' total_members, or the true count of active members when known). */
  members: number
  /** The role qualifies, so its members are read. Unknown yet counts as qualifying (the most the plan can cost). */
  qualifies?: boolean
}

export interface ActivePlanChoice {
  users: ActiveUsersPlan
  calls: LabelCalls
  boundMs: number
  /** Pages that must be read one after the other (each page's token comes with the page before). */
  chainPages: number
  /** What the planner compares: the bound, or the chain at `pageLatencyMs` a page when that takes longer. */
  estimateMs: number
}

/**
 * A round trip for one page of 300 users: the round trip the client plans its calls in flight for. Zoom does not
 * publish its own (a loopback fake takes 10–30 ms); this only decides between plans, never the bound.
 */
export const PAGE_LATENCY_MS = PLANNED_ROUND_TRIP_MS

/**
 * Both plans for reading the active users of the qualifying roles, and the one to run: the smaller estimate,
 * max(bound, chain of pages × pageLatencyMs), ties to fewer calls. The listing reads every active user in one chain
 * of pages; by role reads only the qualifying roles' members (a role without members costs nothing), all chains at
 * once, but each role's last page is usually part-full, so with many qualifying roles it needs more calls.
 * `others`: the calls the command makes besides (the role list and details, the app).
 */
export function planActiveUsers(input: {
  activeUsers: number
  roles: readonly RoleToList[]
  others: LabelCalls
  budget: RateBudget
  pageSize?: number
  pageLatencyMs?: number
}): {chosen: ActivePlanChoice; plans: Record<ActiveUsersPlan, ActivePlanChoice>} {
  const pageSize = input.pageSize ?? USERS_PAGE_SIZE
  const latency = input.pageLatencyMs ?? PAGE_LATENCY_MS
  const pages = (n: number) => Math.ceil(n / pageSize)
  const plan = (users: ActiveUsersPlan, reads: number, chainPages: number): ActivePlanChoice => {
    const calls = addCalls({MEDIUM: reads}, input.others)
    const bound = boundMs(calls, input.budget)
    return {users, calls, boundMs: bound, chainPages, estimateMs: Math.max(bound, chainPages * latency)}
  }
  const listed = input.roles.filter((r) => r.qualifies !== false && r.members > 0).map((r) => pages(r.members))
  const plans = {
    // One page at least: only the listing tells how many active users there are.
    listing: plan('listing', Math.max(1, pages(input.activeUsers)), Math.max(1, pages(input.activeUsers))),
    'by-role': plan(
      'by-role',
      listed.reduce((a, b) => a + b, 0),
      listed.reduce((a, b) => Math.max(a, b), 0),
    ),
  }
  const total = (calls: LabelCalls) => Object.values(calls).reduce((a, b) => a + (b ?? 0), 0)
  const chosen = [plans['by-role'], plans.listing].sort(
    (a, b) => a.estimateMs - b.estimateMs || total(a.calls) - total(b.calls),
  )[0]!
  return {chosen, plans}
}
