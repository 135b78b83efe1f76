// The audit for people: apps grouped, worst first; what is wrong and what to do, in the portal's words.
import type {AuditReport, Finding, ReportApp, Severity} from '../audit/types.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'

export interface TableRenderOptions {
  style: Style
}

export function renderAuditTable(report: AuditReport, {style}: TableRenderOptions): string {
  const bySeverity: Record<Severity, (text: string) => string> = {
    high: (t) => style.red(style.bold(t)),
    medium: style.yellow,
    low: style.dim,
  }
  const findingsByApp = groupBy(report.findings, (f) => f.appId)
  const sections: string[] = []
  const clean: ReportApp[] = []

  for (const app of report.apps) {
    const findings = findingsByApp.get(app.id) ?? []
    if (findings.length === 0) {
      clean.push(app)
      continue
    }
    const rows = findings.map((f) => [
      bySeverity[f.severity](f.severity.toUpperCase()) + (f.new ? style.bold(' NEW') : ''),
      f.kind,
      f.scope ?? '',
      missingLabels(f),
    ])
    const [header, ...lines] = renderTable(['SEVERITY', 'KIND', 'SCOPE', 'MISSING'], rows, {
      indent: '  ',
      maxCellWidth: 45,
    }).split('\n')
    // Each row is followed by what to do, on its own line, so the table stays narrow.
    const body = lines.flatMap((line, i) => [line, style.dim(`    → ${findings[i]!.message}`)])
    sections.push(
      [
        `${style.bold(app.name)} ${style.dim(`(${app.id})`)}  ${ownerLine(app)}${modelNote(app)}`,
        style.dim(header!),
        ...body,
      ].join('\n'),
    )
  }
  // With a baseline (and --new-only) an app listed here may still have older findings: say so.
  const without = report.summary.new === undefined ? 'without findings' : 'without new findings'
  if (clean.length > 0)
    sections.push(
      `${style.green(`${clean.length} app${clean.length === 1 ? '' : 's'} ${without}`)}: ${clean.map((a) => a.name).join(', ')}`,
    )
  const classic = report.summary.appsOnClassicScopes
  if (classic > 0)
    sections.push(
      `${classic} app${classic === 1 ? ' is' : 's are'} still on classic scopes: before migrating one to granular scopes, see what its owner would need with "zoom-scope-audit migrate preview --app APP_ID".`,
    )
  return sections.length > 0 ? sections.join('\n\n') : 'No apps in the account or the inventory.'
}

/** "  · classic scopes": the scope model, on the app's heading. */
function modelNote(app: ReportApp): string {
  return app.scopeModel ? `  · ${app.scopeModel} scopes` : ''
}

function missingLabels(f: Finding): string {
  return f.missingPrivileges.map((p) => f.labels[p] ?? p).join(', ')
}

function ownerLine(app: ReportApp): string {
  if (app.owner)
    return `owner ${app.owner.email} (${app.owner.roleName ?? 'unknown role'}${app.owner.status === 'active' ? '' : `, ${app.owner.status}`})`
  if (app.ownerRef) return `owner ${app.ownerRef} (not in the account)`
  return 'owner unknown'
}

/** "12 apps, 3 at risk, 5 findings (2 high, 3 medium)" — also the stderr line of `audit`. */
export function summaryLine(report: AuditReport): string {
  const {apps, appsAtRisk, findings, bySeverity} = report.summary
  const parts = (['high', 'medium', 'low'] as const)
    .filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s]} ${s}`)
  const extra = [
    report.summary.new === undefined ? '' : `, ${report.summary.new} new`,
    report.summary.accepted === undefined ? '' : `, ${report.summary.accepted} accepted`,
  ].join('')
  return `${apps} app${apps === 1 ? '' : 's'}, ${appsAtRisk} at risk, ${findings} finding${findings === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${extra}`
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}
