// Narrowing an audit to some people, apps, severities or kinds (e.g. one person being offboarded), and to the new
// findings (--new-only). Pure: the report's apps and findings are kept or dropped, never changed; the summary is
// recounted over what the filters keep and says what it was narrowed by, and --new-only, applied last, only leaves
// findings out and counts them (summary.omitted), so "3 at risk" stays true of the filtered report.
import {InputError} from '../errors.js'
import {summarise} from './summary.js'
import {FINDING_KINDS, SEVERITIES, type AuditReport, type FindingKind, type ReportApp, type Severity} from './types.js'

export interface AuditFilter {
  /** Apps whose owner is this user (email in any case, or Zoom user id), as the account or the inventory says. */
  owner?: string
  /** Only these app ids. */
  apps?: string[]
  severities?: Severity[]
  kinds?: FindingKind[]
  /** Only the findings new against the baseline; the summary still counts the others, as `omitted`. */
  newOnly?: boolean
}

/** Owner, app, severity or kind given: what summary.filter names (--new-only is said by summary.omitted). */
export function isFiltered(filter: AuditFilter): boolean {
  return (
    Boolean(filter.owner) ||
    Boolean(filter.apps?.length) ||
    Boolean(filter.severities?.length) ||
    Boolean(filter.kinds?.length)
  )
}

/** "high,medium" (repeatable, any case) → severities; anything else is a usage error naming the flag. */
export function parseSeverities(values: string[] | undefined): Severity[] | undefined {
  if (!values || values.length === 0) return undefined
  const list = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean)
  const bad = list.filter((v) => !(SEVERITIES as string[]).includes(v))
  if (bad.length > 0 || list.length === 0)
    throw new InputError(
      `--severity takes ${SEVERITIES.join(', ')} (comma-separated); got "${bad.join(', ') || values.join(',')}".`,
      {
        code: 'usage',
        place: '--severity',
      },
    )
  return SEVERITIES.filter((s) => list.includes(s))
}

function ownedBy(app: ReportApp, ref: string): boolean {
  const wanted = ref.trim().toLowerCase()
  const names = [app.ownerRef, app.owner?.email, app.owner?.id].filter((n): n is string => Boolean(n))
  return names.some((n) => n.trim().toLowerCase() === wanted)
}

export function filterReport(report: AuditReport, filter: AuditFilter): AuditReport {
  const narrowed = isFiltered(filter) ? narrow(report, filter) : report
  return filter.newOnly ? newFindingsOnly(narrowed) : narrowed
}

/** Leaves out the findings that are not new; the summary keeps counting them, and says how many were left out. */
function newFindingsOnly(report: AuditReport): AuditReport {
  const findings = report.findings.filter((f) => f.new === true)
  const omitted = (report.summary.omitted ?? 0) + report.findings.length - findings.length
  return {...report, summary: {...report.summary, omitted}, findings}
}

function narrow(report: AuditReport, filter: AuditFilter): AuditReport {
  const apps = filter.apps?.length ? [...new Set(filter.apps.map((a) => a.trim()))] : undefined
  if (apps) {
    const unknown = apps.filter((id) => !report.apps.some((a) => a.id === id))
    if (unknown.length > 0)
      throw new InputError(
        `--app ${unknown.join(', ')}: not in this audit (neither the inventory nor the account lists ${unknown.length === 1 ? 'it' : 'them'}).`,
        {
          code: 'unknown_app',
          place: '--app',
          appIds: unknown,
        },
      )
  }
  const keptApps = report.apps.filter(
    (a) => (!filter.owner || ownedBy(a, filter.owner)) && (!apps || apps.includes(a.id)),
  )
  const ids = new Set(keptApps.map((a) => a.id))
  const keep = (f: {appId: string; severity: Severity; kind: FindingKind}) =>
    ids.has(f.appId) &&
    (!filter.severities?.length || filter.severities.includes(f.severity)) &&
    (!filter.kinds?.length || filter.kinds.includes(f.kind))
  const findings = report.findings.filter(keep)
  const accepted = report.accepted?.filter((a) => keep(a.finding))
  // Resolved findings' apps may be gone from the account: matched by id, severity and kind only.
  const resolved = report.resolved?.filter(
    (f) =>
      (!apps || apps.includes(f.appId)) &&
      (!filter.severities?.length || filter.severities.includes(f.severity)) &&
      (!filter.kinds?.length || filter.kinds.includes(f.kind)),
  )
  const summary = {
    ...summarise(keptApps, findings),
    ...(report.summary.new === undefined ? {} : {new: findings.filter((f) => f.new).length}),
    ...(resolved === undefined ? {} : {resolved: resolved.length}),
    ...(report.summary.accepted === undefined ? {} : {accepted: accepted?.length ?? 0}),
    filter: {
      ...(filter.owner ? {owner: filter.owner.trim()} : {}),
      ...(apps ? {apps} : {}),
      ...(filter.severities?.length ? {severities: filter.severities} : {}),
      ...(filter.kinds?.length ? {kinds: FINDING_KINDS.filter((k) => filter.kinds!.includes(k))} : {}),
    },
  }
  return {
    ...report,
    summary,
    apps: keptApps,
    findings,
    ...(accepted ? {accepted} : {}),
    ...(resolved ? {resolved} : {}),
  }
}
