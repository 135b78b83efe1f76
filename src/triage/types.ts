// Week-over-week: what is new since a previous report, and what an admin has accepted.
import type {Finding} from '../audit/types.js'

export interface Acceptance {
  id: string
  reason: string
  /** Last day (YYYY-MM-DD, UTC) the acceptance holds. */
  until?: string
  by?: string
}

export interface AcceptedFinding {
  finding: Finding
  reason: string
  until: string | null
  by: string | null
}
