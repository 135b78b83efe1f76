// Marks findings new against a previous report and sets accepted ones aside. Pure: the clock is passed in.
import {summarise} from '../audit/summary.js'
import type {AuditReport} from '../audit/types.js'
import type {Acceptance, AcceptedFinding} from './types.js'

export interface TriageOptions {
  /** Finding ids of the previous report; without it nothing is marked new. */
  baselineIds?: Set<string>
  acceptances?: Acceptance[]
  /** Keep only findings that are new against the baseline. */
  newOnly?: boolean
  now: Date
}

export interface TriageResult {
  report: AuditReport
  /** Acceptances past their `until` day: their findings count again. */
  expired: Acceptance[]
  /** Acceptances whose finding no longer exists (fixed, or the app is gone): safe to delete. */
  stale: Acceptance[]
}

export function triage(report: AuditReport, options: TriageOptions): TriageResult {
  const today = options.now.toISOString().slice(0, 10)
  const active = new Map<string, Acceptance>()
  const expired: Acceptance[] = []
  for (const acceptance of options.acceptances ?? []) {
    if (acceptance.until !== undefined && acceptance.until < today) expired.push(acceptance)
    else active.set(acceptance.id, acceptance)
  }
  const present = new Set(report.findings.map((f) => f.id))
  const stale = [...active.values()].filter((a) => !present.has(a.id))

  const accepted: AcceptedFinding[] = []
  let findings = report.findings.flatMap((finding) => {
    const acceptance = active.get(finding.id)
    if (acceptance) {
      accepted.push({finding, reason: acceptance.reason, until: acceptance.until ?? null, by: acceptance.by ?? null})
      return []
    }
    return options.baselineIds ? [{...finding, new: !options.baselineIds.has(finding.id)}] : [finding]
  })
  if (options.newOnly) findings = findings.filter((f) => f.new === true)

  const summary = {
    ...summarise(report.apps, findings),
    ...(options.baselineIds ? {new: findings.filter((f) => f.new).length} : {}),
    ...(options.acceptances ? {accepted: accepted.length} : {}),
  }
  return {report: {...report, summary, findings, ...(options.acceptances ? {accepted} : {})}, expired, stale}
}
