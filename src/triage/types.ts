// Week-over-week: what is new since a previous report, what is gone, and what an admin has accepted.
import type {Finding} from '../audit/types.js'

/**
 * One accepted-findings entry: a finding id, or a pattern (any of app, kind, scope; `*` matches anything), or both —
 * every field given must match. `until` is the last day (YYYY-MM-DD, UTC) it holds.
 */
export interface Acceptance {
  id?: string
  /** An app id, or `*`. */
  app?: string
  /** A finding kind, or `*`. */
  kind?: string
  /** A scope, a matrix-style pattern (`meeting:read:*`: each `*` one segment), or `*` (any finding, app-level too). */
  scope?: string
  reason: string
  by?: string
  ticket?: string
  until?: string
}

export interface AcceptedFinding {
  finding: Finding
  reason: string
  until: string | null
  by: string | null
  ticket?: string | null
}

/** A finding of the baseline that this run no longer has. */
export type ResolvedFinding = Pick<
  Finding,
  'id' | 'kind' | 'severity' | 'appId' | 'appName' | 'scope' | 'missingPrivileges'
>

/** What triage needs of a previous report. */
export interface Baseline {
  file: string
  /** Every finding of it, accepted ones included (an accepted finding that disappears was resolved too). */
  findings: Finding[]
}

declare module '../input/schema-check.js' {
  interface SchemaTypes {
    acceptances: {accepted: Acceptance[]}
  }
}
