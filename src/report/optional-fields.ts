// Report fields that only some runs have — a finding's confidence, findings resolved since the baseline — read in one
// place, whatever shape they arrive in, so the HTML and the workbook show them when present and stay quiet otherwise.
import type {AuditReport, Finding} from '../audit/types.js'

type Loose = Record<string, unknown>

/** How sure the matrix rule behind a finding is, when the report says. */
export function findingConfidence(finding: Finding): string | undefined {
  const value = (finding as unknown as Loose).confidence
  return typeof value === 'string' ? value : undefined
}

/** Findings of the baseline that no longer occur, when the report lists them (as findings or as {finding} entries). */
export function resolvedFindings(report: AuditReport): Finding[] | undefined {
  const resolved = (report as unknown as Loose).resolved
  if (!Array.isArray(resolved)) return undefined
  return resolved.map(
    (entry: Loose) => (entry.finding && typeof entry.finding === 'object' ? entry.finding : entry) as Finding,
  )
}

export function resolvedCount(report: AuditReport): number | undefined {
  const count = (report.summary as unknown as Loose).resolved
  return typeof count === 'number' ? count : resolvedFindings(report)?.length
}

export function acceptedCount(report: AuditReport): number | undefined {
  return report.summary.accepted ?? report.accepted?.length
}

/** A baseline was given: findings carry `new`. */
export function hasBaseline(report: AuditReport): boolean {
  return report.summary.new !== undefined || report.findings.some((f) => f.new !== undefined)
}
