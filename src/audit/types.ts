// The audit report: plain data, the contract of `--json` (schemas/report.schema.json).
import type {Confidence, ScopeLevel} from '../matrix/types.js'
import type {ScopeModel} from '../migrate/scope-model.js'

export type Severity = 'high' | 'medium' | 'low'
export const SEVERITIES: Severity[] = ['high', 'medium', 'low']

export type FindingKind =
  | 'missing-privilege'
  | 'group-restricted-privilege'
  | 'partial-privilege'
  | 'unmapped-scope'
  | 'owner-unknown'
  | 'owner-not-found'
  | 'owner-role-unknown'
  | 'owner-inactive'
  | 'app-not-found'
  | 'legacy-jwt-app'
  | 'app-not-in-snapshot'
  | 'expired-acceptance'

export const FINDING_KINDS: FindingKind[] = [
  'missing-privilege',
  'group-restricted-privilege',
  'partial-privilege',
  'unmapped-scope',
  'owner-unknown',
  'owner-not-found',
  'owner-role-unknown',
  'owner-inactive',
  'app-not-found',
  'legacy-jwt-app',
  'app-not-in-snapshot',
  'expired-acceptance',
]

export type ReportScopeStatus = 'ok' | 'missing' | 'partial' | 'unmapped' | 'unchecked'

export interface Finding {
  /** Short hash of kind + appId + scope: the same in every run, on every machine, whatever the input order. */
  id: string
  kind: FindingKind
  severity: Severity
  appId: string
  appName: string
  /** The owner's email, or what the inventory says when the account has no such user. */
  owner: string | null
  ownerRole: string | null
  scope: string | null
  /** Every privilege of the scope this finding is about (sorted); empty for app-level findings. */
  missingPrivileges: string[]
  /** Privilege → portal label. */
  labels: Record<string, string>
  /** How sure the matrix rule behind a scope finding is; null when no rule is involved (app-level, unmapped). */
  confidence: Confidence | null
  message: string
  /** With --baseline: not in the previous report. */
  new?: boolean
}

export interface ReportOwner {
  id: string | null
  email: string
  status: 'active' | 'inactive' | 'pending'
  roleName: string | null
}

export interface ReportScope {
  scope: string
  status: ReportScopeStatus
  level: ScopeLevel
  requiredPrivileges: string[]
  missingPrivileges: string[]
}

export interface ReportApp {
  id: string
  name: string
  type: string
  owner: ReportOwner | null
  /** What the inventory says about the owner ('' = not filled in, null = app not in the inventory). */
  ownerRef: string | null
  inAccount: boolean
  mustKeep: string[]
  /** Classic scopes only, granular only, or both; null for an app without scopes. */
  scopeModel: ScopeModel | null
  scopes: ReportScope[]
}

export interface AuditSummary {
  apps: number
  /** Apps with at least one high or medium finding. */
  appsAtRisk: number
  findings: number
  bySeverity: Record<Severity, number>
  byKind: Record<FindingKind, number>
  /** Apps with at least one classic scope (scope model classic or mixed): still to migrate to granular scopes. */
  appsOnClassicScopes: number
  /** With --baseline: findings not in the previous report. */
  new?: number
  /** With --baseline: findings of the previous report that are gone. */
  resolved?: number
  /** With --accept: findings set aside as accepted. */
  accepted?: number
  /** With --new-only: findings counted above but left out of `findings` because they are not new. */
  omitted?: number
  /** With --owner, --app, --severity or --kind: what the report was narrowed to (counts are of what is left). */
  filter?: {owner?: string; apps?: string[]; severities?: Severity[]; kinds?: FindingKind[]}
}

export interface AuditReport {
  schemaVersion: 1
  generatedAt: string
  /** `source`: where the account came from (a snapshot's age is generatedAt − capturedAt). */
  account: {id: string; capturedAt: string; warnings?: string[]; source?: 'zoom' | 'snapshot'}
  matrix: {version: string; files: string[]}
  summary: AuditSummary
  apps: ReportApp[]
  findings: Finding[]
  /** With --accept: findings an admin accepted, with why and until when. */
  accepted?: Array<{finding: Finding; reason: string; until: string | null; by: string | null; ticket?: string | null}>
  /** With --baseline: the previous report's findings that this run no longer has. */
  resolved?: Array<Pick<Finding, 'id' | 'kind' | 'severity' | 'appId' | 'appName' | 'scope' | 'missingPrivileges'>>
}

declare module '../input/schema-check.js' {
  interface SchemaTypes {
    report: AuditReport
  }
}
