// Marks findings new against a previous report, lists the ones that are gone, and sets accepted ones aside. Pure:
// the clock is passed in.
import {sortFindings, summarise} from '../audit/summary.js'
import {findingId} from '../audit/finding-id.js'
import type {AuditReport, Finding} from '../audit/types.js'
import {acceptanceMatches, acceptanceTarget, describeAcceptance} from './acceptance-match.js'
import type {Acceptance, AcceptedFinding, Baseline, ResolvedFinding} from './types.js'

export interface TriageOptions {
  /** The previous report; without it nothing is marked new or resolved. */
  baseline?: Baseline
  acceptances?: Acceptance[]
  now: Date
}

export interface TriageResult {
  report: AuditReport
  /** Acceptances past their `until` day: they no longer apply, and each gave an expired-acceptance finding. */
  expired: Acceptance[]
  /** Acceptances that match no finding (fixed, or the app is gone): safe to delete. */
  stale: Acceptance[]
}

/** `report` as the audit gives it: findings sorted (sortFindings). */
export function triage(report: AuditReport, options: TriageOptions): TriageResult {
  const today = options.now.toISOString().slice(0, 10)
  const acceptances = options.acceptances ?? []
  const active = acceptances.filter((a) => a.until === undefined || a.until >= today)
  const expired = acceptances.filter((a) => a.until !== undefined && a.until < today)

  const used = new Set<Acceptance>()
  const accepted: AcceptedFinding[] = []
  const open: Finding[] = []
  for (const finding of report.findings) {
    const acceptance = active.length === 0 ? undefined : active.find((a) => acceptanceMatches(a, finding))
    if (!acceptance) {
      open.push(finding)
      continue
    }
    used.add(acceptance)
    accepted.push({
      finding,
      reason: acceptance.reason,
      until: acceptance.until ?? null,
      by: acceptance.by ?? null,
      ticket: acceptance.ticket ?? null,
    })
  }
  const stale = active.filter((a) => !used.has(a))
  // The audit's findings come sorted, and setting some aside keeps the rest in order: sorted again only with more.
  const all =
    expired.length === 0 ? open : sortFindings([...open, ...expired.map((a) => expiredFinding(a, report.findings))])

  const baselineIds = options.baseline ? new Set(options.baseline.findings.map((f) => f.id)) : undefined
  const marked = baselineIds ? all.map((f) => ({...f, new: !baselineIds.has(f.id)})) : all
  const present = new Set([...report.findings, ...all].map((f) => f.id))
  const resolved = options.baseline ? resolvedFindings(options.baseline.findings, present) : undefined

  const summary = {
    ...summarise(report.apps, marked),
    ...(baselineIds ? {new: marked.filter((f) => f.new).length} : {}),
    ...(resolved ? {resolved: resolved.length} : {}),
    ...(options.acceptances ? {accepted: accepted.length} : {}),
  }
  return {
    report: {
      ...report,
      summary,
      findings: marked,
      ...(resolved ? {resolved} : {}),
      ...(options.acceptances ? {accepted} : {}),
    },
    expired,
    stale,
  }
}

/** Baseline findings (open or accepted then) that this run does not have, each once. */
function resolvedFindings(baseline: Finding[], present: Set<string>): ResolvedFinding[] {
  const seen = new Set<string>()
  const gone = baseline.filter((f) => !present.has(f.id) && !seen.has(f.id) && seen.add(f.id))
  return sortFindings(gone).map(({id, kind, severity, appId, appName, scope, missingPrivileges}) => ({
    id,
    kind,
    severity,
    appId,
    appName,
    scope,
    missingPrivileges,
  }))
}

/** A low finding that names an acceptance past its `until`: it stopped applying, and someone should renew or drop it. */
function expiredFinding(acceptance: Acceptance, findings: Finding[]): Finding {
  const covered = findings.filter((f) => acceptanceMatches(acceptance, f))
  const apps = new Map(covered.map((f) => [f.appId, f.appName]))
  const [onlyApp] = apps.size === 1 ? [...apps] : []
  const appId = acceptance.app !== undefined && acceptance.app !== '*' ? acceptance.app : (onlyApp?.[0] ?? '')
  const appName = onlyApp?.[1] ?? appId
  const covers =
    covered.length === 0
      ? 'it covers no finding today'
      : `the ${covered.length === 1 ? 'finding it covered counts' : `${covered.length} findings it covered count`} again`
  return {
    id: findingId('expired-acceptance', appId, `${acceptanceTarget(acceptance)} until ${acceptance.until}`),
    kind: 'expired-acceptance',
    severity: 'low',
    appId,
    appName,
    owner: null,
    ownerRole: null,
    scope: null,
    missingPrivileges: [],
    labels: {},
    confidence: null,
    message: `${capitalise(describeAcceptance(acceptance))} ended on ${acceptance.until}: ${covers}; renew it with a later until, or remove it.`,
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
