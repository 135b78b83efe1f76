// Where each app without a listed finding stands, worded once for every format people read (table, Markdown, HTML,
// workbook) so they agree: an app whose findings were all accepted has findings — reviewed and set aside — and is
// never counted among the apps without findings. With --new-only the report lists only new findings, so the words
// say "new": an app left out may still have older findings; with --severity or --kind, "matching".
import type {AuditReport, ReportApp} from '../audit/types.js'
import {plural} from '../words.js'

export interface AppsWithoutListedFindings {
  /** No finding listed, at least one accepted: each with how many were accepted. In report order. */
  allAccepted: Array<{app: ReportApp; accepted: number}>
  /** No finding listed and none accepted. In report order. */
  clean: ReportApp[]
}

export function appsWithoutListedFindings(
  report: Pick<AuditReport, 'apps' | 'findings' | 'accepted'>,
): AppsWithoutListedFindings {
  const listed = new Set(report.findings.map((f) => f.appId))
  const accepted = new Map<string, number>()
  for (const a of report.accepted ?? []) accepted.set(a.finding.appId, (accepted.get(a.finding.appId) ?? 0) + 1)
  const allAccepted: AppsWithoutListedFindings['allAccepted'] = []
  const clean: ReportApp[] = []
  for (const app of report.apps) {
    if (listed.has(app.id)) continue
    const count = accepted.get(app.id) ?? 0
    if (count > 0) allAccepted.push({app, accepted: count})
    else clean.push(app)
  }
  return {allAccepted, clean}
}

export interface StandingWords {
  /** After "3 apps" (or "Apps"): "without findings". */
  group: string
  /** One app's standing, for a cell: "no findings". */
  status: string
}

/** --new-only: the report lists only new findings (the summary counts the others as omitted). */
const newOnly = (report: Pick<AuditReport, 'summary'>) => report.summary.omitted !== undefined

/**
 * --severity or --kind: the report lists only the findings that match, so an app left out may have others; the words
 * say "matching" (the summary line says what the filter was). --owner and --app leave whole apps out: no word needed.
 */
const matching = (report: Pick<AuditReport, 'summary'>) => {
  const filter = report.summary.filter
  return filter?.severities?.length || filter?.kinds?.length ? 'matching ' : ''
}

export function allAcceptedWords(report: Pick<AuditReport, 'summary'>): StandingWords {
  const m = matching(report)
  return newOnly(report)
    ? {group: `with accepted ${m}findings and no new ones`, status: `accepted ${m}findings, no new ones`}
    : {group: `whose ${m}findings are all accepted`, status: `all ${m}findings accepted`}
}

export function cleanWords(report: Pick<AuditReport, 'summary'>): StandingWords {
  const m = matching(report)
  return newOnly(report)
    ? {group: `without new ${m}findings`, status: `no new ${m}findings`}
    : {group: `without ${m}findings`, status: `no ${m}findings`}
}

/** "1 accepted": how many of an app's findings were accepted, after its name. */
export function acceptedNote(count: number): string {
  return `${count} accepted`
}

/** "3 apps without findings", "1 app whose findings are all accepted". */
export function standingHeading(count: number, words: StandingWords): string {
  return `${plural(count, 'app')} ${words.group}`
}

/** An acceptance without an `until` holds until someone removes it: what every format for people shows then. */
export const NO_EXPIRY = 'no expiry'

/** A finding's `new` flag (with --baseline) in a workbook cell or any other yes/no column for people. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}
