// Report fields that only some runs have — a finding's confidence, findings resolved since the baseline — read in one
// place, whatever shape they arrive in, so the HTML and the workbook show them when present and stay quiet otherwise.
import type {AuditReport, Finding} from '../audit/types.js'

type Loose = Record<string, unknown>

/** How sure the matrix rule behind a finding is, when the report says. */
export function findingConfidence(finding: Finding): string | undefined {
  const value = (finding as unknown as Loose).confidence
  return typeof value === 'string' ? value : undefined
}

/** Findings of the baseline that no longer occur, when the report lists them, as findings (no owner, no message). */
export function resolvedFindings(report: AuditReport): Finding[] | undefined {
  return report.resolved?.map((f) => ({
    ...f,
    owner: null,
    ownerRole: null,
    labels: {},
    confidence: null,
    message: '',
  }))
}

export function resolvedCount(report: AuditReport): number | undefined {
  return report.summary.resolved ?? report.resolved?.length
}

export function acceptedCount(report: AuditReport): number | undefined {
  return report.summary.accepted ?? report.accepted?.length
}

/** A baseline was given: findings carry `new`. */
export function hasBaseline(report: AuditReport): boolean {
  return report.summary.new !== undefined || report.findings.some((f) => f.new !== undefined)
}
