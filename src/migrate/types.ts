// The shipped classic → granular scope map (data/classic-to-granular.json), generated from Zoom's operation data.
import type {ScopeLevel} from '../matrix/types.js'

export interface ClassicMapping {
  level: ScopeLevel
  /** How many API operations list the classic scope. */
  operations: number
  /** Granular scope of the same level → the operations ("GET /users/{userId}") listing both it and the classic scope. */
  granular: Record<string, string[]>
}

export interface ClassicToGranularFile {
  version: string
  description: string
  /** What the map does not cover (events). */
  events: string
  classic: Record<string, ClassicMapping>
  /** Every scope Zoom lists as granular on some operation (a few, e.g. meeting:write:sip_dialing, are both). */
  granularScopes: string[]
}
