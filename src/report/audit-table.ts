// The audit for people: apps grouped, worst first; what is wrong and what to do, in the portal's words. Every line
// fits the width it is given: long scopes and advice wrap, nothing is cut. Names are shown with controls escaped.
import type {AuditReport, Finding, ReportApp, Severity} from '../audit/types.js'
import type {Confidence} from '../matrix/types.js'
import {plural} from '../words.js'
import {acceptedNote, allAcceptedWords, appsWithoutListedFindings, cleanWords, standingHeading} from './app-standing.js'
import {terminalSafeDeep} from './escape.js'
import type {Style} from './style.js'
import {layoutTable} from './text-table.js'
import {textWidth, wrapIndented, wrapText} from './wrap.js'

export interface TableRenderOptions {
  style: Style
  /** Columns to fit in: the command passes the terminal's width (80 when stdout is not a terminal); 80 if unset. */
  width?: number
}

/** How the table marks a finding whose matrix rule is not documented by Zoom. */
const CONFIDENCE_MARK: Partial<Record<Confidence, string>> = {inferred: '~', manual: '?'}
const ADVICE = '    → '

export function renderAuditTable(input: AuditReport, {style, width = 80}: TableRenderOptions): string {
  const report = terminalSafeDeep(shownParts(input))
  const bySeverity: Record<Severity, (text: string) => string> = {
    high: (t) => style.red(style.bold(t)),
    medium: style.yellow,
    low: style.dim,
  }
  const findingsByApp = groupBy(report.findings, (f) => f.appId)
  const sections: string[] = []
  const marksUsed = new Set<Confidence>()

  for (const app of report.apps) {
    const findings = findingsByApp.get(app.id)
    if (!findings) continue
    const rows = findings.map((f) => {
      const mark = f.confidence ? CONFIDENCE_MARK[f.confidence] : undefined
      if (mark) marksUsed.add(f.confidence!)
      const severity = [f.severity.toUpperCase(), f.new ? 'NEW' : '', mark ?? ''].filter(Boolean).join(' ')
      return [{text: severity, paint: bySeverity[f.severity]}, f.kind, f.scope ?? '', missingLabels(f)]
    })
    const table = layoutTable(['SEVERITY', 'KIND', 'SCOPE', 'MISSING'], rows, {indent: '  ', width})
    // Each row is followed by what to do, wrapped under it, so the table stays narrow.
    const body = table.rows.flatMap((lines, i) => [...lines, ...wrapIndented(findings[i]!.message, width, ADVICE)])
    sections.push([...heading(app, width, style), style.dim(table.header), ...body].join('\n'))
  }
  if (marksUsed.size > 0) sections.push(legend(marksUsed, width).join('\n'))
  // An app whose findings were all accepted has findings: named apart from the apps without any, with how many.
  // With a baseline (and --new-only) an app listed as without new findings may still have older ones: the words say so.
  const {allAccepted, clean} = appsWithoutListedFindings(report)
  if (allAccepted.length > 0) {
    const names = allAccepted.map(({app, accepted}) => `${app.name} (${acceptedNote(accepted)})`)
    sections.push(appList(standingHeading(allAccepted.length, allAcceptedWords(report)), names, width, (t) => t))
  }
  if (clean.length > 0) {
    const names = clean.map((a) => a.name)
    sections.push(appList(standingHeading(clean.length, cleanWords(report)), names, width, style.green))
  }
  const classic = report.summary.appsOnClassicScopes
  if (classic > 0)
    sections.push(
      wrapText(
        `${plural(classic, 'app')} ${classic === 1 ? 'is' : 'are'} still on classic scopes: before migrating one to granular scopes, see what its owner would need with "zoom-scope-audit migrate preview --app APP_ID".`,
        width,
      ).join('\n'),
    )
  return sections.length > 0 ? sections.join('\n\n') : 'No apps in the account or the inventory.'
}

/**
 * What the table shows of a report, to escape: an app's scopes (fifty apiece, over thousands of apps) are never shown,
 * and walking them all cost more than laying out the table.
 */
function shownParts(report: AuditReport): Pick<AuditReport, 'apps' | 'findings' | 'accepted' | 'summary'> {
  return {
    apps: report.apps.map((app) => ({...app, scopes: [], mustKeep: []})),
    findings: report.findings,
    ...(report.accepted ? {accepted: report.accepted} : {}),
    summary: report.summary,
  }
}

/** "3 apps without findings: A, B, C", wrapped; `paint` colours the words before the colon. */
function appList(prefix: string, names: string[], width: number, paint: (text: string) => string): string {
  const [first = '', ...rest] = wrapText(`${prefix}: ${names.join(', ')}`, width)
  const painted = first.startsWith(prefix) ? paint(prefix) + first.slice(prefix.length) : first
  return [painted, ...rest].join('\n')
}

/** "  · classic scopes": the scope model, on the app's heading. */
function modelNote(app: ReportApp): string {
  return app.scopeModel ? ` · ${app.scopeModel} scopes` : ''
}

/** "Name (id)  owner …" on one line when it fits; else the owner goes on the next line, indented. */
function heading(app: ReportApp, width: number, style: Style): string[] {
  const title = `${app.name} (${app.id})`
  const owner = ownerLine(app) + modelNote(app)
  if (textWidth(title) + 2 + textWidth(owner) <= width)
    return [`${style.bold(app.name)} ${style.dim(`(${app.id})`)}  ${owner}`]
  return [...wrapText(title, width).map((line) => style.bold(line)), ...wrapIndented(owner, width, '  ')]
}

function legend(marks: Set<Confidence>, width: number): string[] {
  const parts = [
    marks.has('inferred') ? '~ the rule is inferred, not stated by Zoom' : '',
    marks.has('manual') ? '? the rule was written by hand (manual)' : '',
  ].filter(Boolean)
  return wrapText(`${parts.join('; ')}: "matrix explain SCOPE" shows it and its sources.`, width)
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
/** The one-line summary; `age`: add how old the snapshot was (stderr only — reports stay the same whenever rendered). */
export function summaryLine(report: AuditReport, {age = false}: {age?: boolean} = {}): string {
  const {apps, appsAtRisk, findings, bySeverity, new: fresh, resolved, accepted, omitted} = report.summary
  const parts = (['high', 'medium', 'low'] as const)
    .filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s]} ${s}`)
  const extra = [
    fresh === undefined
      ? ''
      : `, ${fresh} new${omitted === undefined ? '' : ` (only these reported; ${omitted} not new left out)`}`,
    resolved === undefined ? '' : `, ${resolved} resolved`,
    accepted === undefined ? '' : `, ${accepted} accepted`,
    report.summary.filter ? ` (${filterNote(report.summary.filter)})` : '',
    age && report.account.source === 'snapshot' ? `; ${snapshotAge(report)}` : '',
  ].join('')
  return `${plural(apps, 'app')}, ${appsAtRisk} at risk, ${plural(findings, 'finding')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${extra}`
}

/** "snapshot of 2026-11-20T07:00:00Z, 9 days old": how stale the account data of a report is. */
export function snapshotAge(report: Pick<AuditReport, 'account' | 'generatedAt'>): string {
  const ms = Date.parse(report.generatedAt) - Date.parse(report.account.capturedAt)
  return `snapshot of ${report.account.capturedAt}, ${describeAge(ms)} old`
}

export function describeAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 120) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? plural(hours, 'hour') : plural(Math.floor(hours / 24), 'day')
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/** How the one-line summary says that the report is narrowed. */
export function filterNote(filter: NonNullable<AuditReport['summary']['filter']>): string {
  const parts = [
    filter.owner ? `owner ${filter.owner}` : '',
    filter.apps ? `app ${filter.apps.join(', ')}` : '',
    filter.severities ? `severity ${filter.severities.join(', ')}` : '',
    filter.kinds ? `kind ${filter.kinds.join(', ')}` : '',
  ].filter(Boolean)
  return `filtered: ${parts.join('; ')}`
}
