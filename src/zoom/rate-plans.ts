// Zoom's per-account rate limits by plan and rate-limit label, and the share of them this tool allows itself.
//
// Source: Zoom's "Rate limits" page, https://developers.zoom.us/docs/api/rate-limits/ (research notes:
// docs/zoom-api.md). The limits are per account and shared by every app and user of the account, so an audit that
// used all of them would starve the integrations the account depends on; --rate-budget caps our share.
// Each endpoint's label is in Zoom's OpenAPI documents (`x-zoom-rate-limit-label`; data/zoom/operations/*.tsv,
// column rate_limit_label); the endpoints this tool calls are labelled in endpoints.ts.
import type {RateLimitLabel} from './endpoints.js'

export const ZOOM_PLANS = ['free', 'pro', 'business'] as const
export type ZoomPlan = (typeof ZOOM_PLANS)[number]

export const DEFAULT_PLAN: ZoomPlan = 'business'
export const DEFAULT_RATE_BUDGET_PERCENT = 50

/** Zoom's limit for one label: `requests` per `perMs` milliseconds. */
export interface LabelLimit {
  requests: number
  perMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND

/**
 * Per-second (Resource-intensive: per-minute) limits. "business" stands for Business+: Business, Business Plus,
 * Education, Enterprise and Partners. Daily caps (Free: 6,000 Light / 2,000 Medium / 1,000 Heavy per day; Pro and
 * Business+: a combined Heavy + Resource-intensive cap) are not enforced here: Zoom's daily 429 stops the run.
 */
export const ZOOM_RATE_LIMITS: Readonly<Record<ZoomPlan, Readonly<Record<RateLimitLabel, LabelLimit>>>> = {
  free: {
    LIGHT: {requests: 4, perMs: SECOND},
    MEDIUM: {requests: 2, perMs: SECOND},
    HEAVY: {requests: 1, perMs: SECOND},
    RESOURCE_INTENSIVE: {requests: 10, perMs: MINUTE},
  },
  pro: {
    LIGHT: {requests: 30, perMs: SECOND},
    MEDIUM: {requests: 20, perMs: SECOND},
    HEAVY: {requests: 10, perMs: SECOND},
    RESOURCE_INTENSIVE: {requests: 10, perMs: MINUTE},
  },
  business: {
    LIGHT: {requests: 80, perMs: SECOND},
    MEDIUM: {requests: 60, perMs: SECOND},
    HEAVY: {requests: 40, perMs: SECOND},
    RESOURCE_INTENSIVE: {requests: 20, perMs: MINUTE},
  },
}

/** What the limiter enforces for one label: at most `requests` sends in any `windowMs` (sliding). */
export interface LabelBudget {
  requests: number
  windowMs: number
}

export type RateBudget = Record<RateLimitLabel, LabelBudget>

/**
 * The budget per label for `percent` % of the plan's limits. Within Zoom's own window (1 s or 1 min) the tool sends
 * at most ⌊limit × percent⌋ requests; when that is below one (e.g. 50 % of Free's Heavy 1/s), it sends one request
 * per stretched window instead (one per 2 s), so the long-run rate still stays within the share.
 */
export function rateBudget(plan: ZoomPlan, percent: number): RateBudget {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw new RangeError(`rate budget must be a percentage in (0, 100], got ${percent}`)
  }
  const limits = ZOOM_RATE_LIMITS[plan]
  const budget = {} as RateBudget
  for (const label of Object.keys(limits) as RateLimitLabel[]) {
    const {requests, perMs} = limits[label]
    const allowed = (requests * percent) / 100
    // Integer arithmetic first, so 60 × 50 % is exactly 30 and not 29.999….
    const whole = Math.max(1, Math.floor((requests * percent + 1e-9) / 100))
    budget[label] = {requests: whole, windowMs: Math.max(perMs, Math.ceil((whole * perMs) / allowed))}
  }
  return budget
}

/** "30 req/s" / "1 req per 2 s" / "10 req/min", for help and messages. */
export function describeLabelBudget({requests, windowMs}: LabelBudget): string {
  if (windowMs === SECOND) return `${requests} req/s`
  if (windowMs === MINUTE) return `${requests} req/min`
  const seconds = Math.round(windowMs / 100) / 10
  return `${requests} req per ${seconds} s`
}
