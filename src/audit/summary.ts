// Counting and ordering: worst first, then by name, so the same input always gives the same report.
import {compareText} from '../text-order.js'
import {FINDING_KINDS, SEVERITIES, type AuditSummary, type Finding, type ReportApp, type Severity} from './types.js'

export const severityRank: Record<Severity, number> = {high: 0, medium: 1, low: 2}

export function summarise(apps: ReportApp[], findings: Finding[]): AuditSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as AuditSummary['bySeverity']
  const byKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as AuditSummary['byKind']
  const atRisk = new Set<string>()
  for (const f of findings) {
    bySeverity[f.severity]++
    byKind[f.kind]++
    if (f.severity !== 'low') atRisk.add(f.appId)
  }
  const appsOnClassicScopes = apps.filter((a) => a.scopeModel === 'classic' || a.scopeModel === 'mixed').length
  return {
    apps: apps.length,
    appsAtRisk: atRisk.size,
    findings: findings.length,
    bySeverity,
    byKind,
    appsOnClassicScopes,
  }
}

/**
 * By severity, then app name, app id, kind, scope and id. Worked out per app — the apps sorted once, then each app's
 * few findings — rather than comparing every two of 100 000 findings on all six keys.
 */
export function sortFindings<F extends SortableFinding>(findings: F[]): F[] {
  const byApp = new Map<string, Map<string, F[]>>()
  for (const f of findings) {
    let byName = byApp.get(f.appId)
    if (!byName) byApp.set(f.appId, (byName = new Map()))
    const group = byName.get(f.appName)
    if (group) group.push(f)
    else byName.set(f.appName, [f])
  }
  const groups = [...byApp].flatMap(([appId, byName]) => [...byName].map(([appName, list]) => ({appId, appName, list})))
  groups.sort((a, b) => compareText(a.appName, b.appName) || compareText(a.appId, b.appId))
  const bySeverity: F[][] = SEVERITIES.map(() => [])
  for (const {list} of groups) {
    list.sort(
      (a, b) => compareText(a.kind, b.kind) || compareText(a.scope ?? '', b.scope ?? '') || compareText(a.id, b.id),
    )
    for (const f of list) bySeverity[severityRank[f.severity]]!.push(f)
  }
  return bySeverity.flat()
}

type SortableFinding = Pick<Finding, 'severity' | 'appName' | 'appId' | 'kind' | 'scope' | 'id'>

/** Apps worst first: by their worst finding, then how many, then name. */
export function sortApps(apps: ReportApp[], findings: Finding[]): ReportApp[] {
  const worst = new Map<string, number>()
  const count = new Map<string, number>()
  for (const f of findings) {
    worst.set(f.appId, Math.min(worst.get(f.appId) ?? 3, severityRank[f.severity]))
    count.set(f.appId, (count.get(f.appId) ?? 0) + 1)
  }
  return [...apps].sort(
    (a, b) =>
      (worst.get(a.id) ?? 3) - (worst.get(b.id) ?? 3) ||
      (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0) ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id),
  )
}

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank[severity] <= severityRank[threshold]
}
