// Manual rules: only where a cited source is stronger than (or independent of) the OpenAPI data.
// The generator still derives the rule from the data and stops if the two disagree, so both stay as evidence.

export interface ManualRule {
  scope: string
  requires: string[]
  /** The cited source, listed first in `sources`. */
  citation: string
  /** Operations (`METHOD /path`) to list right after the citation; each must be among the data's operations. */
  evidence: string[]
  note: string
}

export const MANUAL_RULES: readonly ManualRule[] = [
  {
    scope: 'meeting:read:admin',
    requires: ['User:Read'],
    citation:
      'https://devforum.zoom.us/t/-/92331 (Zoom staff, quoting the marketplace.zoom.us/apphelp table: "View all user meetings" → User and Permission Management - Users: View)',
    evidence: ['GET /users/{userId}/meetings'],
    note: "Zoom staff's apphelp table and the Meetings OpenAPI agree.",
  },
  {
    scope: 'meeting:write:admin',
    requires: ['User:Edit'],
    citation:
      'https://devforum.zoom.us/t/-/92331 (Zoom staff, quoting the marketplace.zoom.us/apphelp table: "View and manage all user meetings" → User and Permission Management - Users: Edit)',
    evidence: ['POST /users/{userId}/meetings'],
    note: "Zoom staff's apphelp table and the Meetings OpenAPI agree.",
  },
]
