// The audit for a ticket or a wiki page. Names and messages are escaped (markdownText): an app named
// "<img src=x onerror=…>" or "[x](http://…)" shows as written, never as HTML or a link.
import type {AuditReport, ReportApp} from '../audit/types.js'
import {acceptedNote, allAcceptedWords, appsWithoutListedFindings, cleanWords, NO_EXPIRY} from './app-standing.js'
import {summaryLine} from './audit-table.js'
import {markdownCode as code, markdownText as text} from './escape.js'

export function renderAuditMarkdown(report: AuditReport): string {
  const lines = [
    '# Zoom app scope audit',
    '',
    `Account ${code(report.account.id)} (snapshot of ${text(report.account.capturedAt)}), matrix ${text(report.matrix.version)}.`,
    '',
    `**${summaryLine(report)}**`,
    '',
    ...changeSections(report),
  ]
  const byApp = new Map<string, typeof report.findings>()
  for (const f of report.findings) byApp.set(f.appId, [...(byApp.get(f.appId) ?? []), f])

  for (const app of report.apps) {
    const findings = byApp.get(app.id)
    if (!findings) continue
    lines.push(
      `## ${text(app.name)} (${code(app.id)})`,
      '',
      ownerText(app),
      '',
      '| Severity | Kind | Scope | Rule | What to do | Finding |',
      '|---|---|---|---|---|---|',
    )
    for (const f of findings)
      lines.push(
        `| ${f.severity}${f.new ? ' **new**' : ''} | ${f.kind} | ${code(f.scope ?? '')} | ${f.confidence ?? ''} | ${text(f.message)} | ${code(f.id)} |`,
      )
    lines.push('')
  }
  if (report.accepted && report.accepted.length > 0) {
    lines.push(
      '## Accepted findings',
      '',
      '| Finding | App | Kind | Scope | Reason | Until | By | Ticket |',
      '|---|---|---|---|---|---|---|---|',
    )
    for (const a of report.accepted)
      lines.push(
        `| ${code(a.finding.id)} | ${text(a.finding.appName)} | ${a.finding.kind} | ${code(a.finding.scope ?? '')} | ${text(a.reason)} | ${text(a.until ?? NO_EXPIRY)} | ${text(a.by ?? '')} | ${text(a.ticket ?? '')} |`,
      )
    lines.push('')
  }
  // An app whose findings were all accepted has findings: listed apart from the apps without any, with how many.
  const {allAccepted, clean} = appsWithoutListedFindings(report)
  if (allAccepted.length > 0)
    lines.push(
      `## Apps ${allAcceptedWords(report).group}`,
      '',
      ...allAccepted.map(({app, accepted}) => `- ${text(app.name)} (${code(app.id)}): ${acceptedNote(accepted)}`),
      '',
    )
  if (clean.length > 0)
    lines.push(`## Apps ${cleanWords(report).group}`, '', ...clean.map((a) => `- ${text(a.name)} (${code(a.id)})`), '')
  return lines.join('\n')
}

/** With a baseline: what is new and what is gone, before the findings app by app. */
function changeSections(report: AuditReport): string[] {
  if (report.summary.new === undefined) return []
  const fresh = report.findings.filter((f) => f.new === true)
  const lines = ['## New since the baseline', '']
  if (fresh.length === 0) lines.push('No new findings.', '')
  else {
    lines.push('| Severity | App | Kind | Scope | Finding |', '|---|---|---|---|---|')
    for (const f of fresh)
      lines.push(
        `| ${f.severity} | ${text(f.appName)} (${code(f.appId)}) | ${f.kind} | ${code(f.scope ?? '')} | ${code(f.id)} |`,
      )
    lines.push('')
  }
  const resolved = report.resolved ?? []
  lines.push('## Resolved since the baseline', '')
  if (resolved.length === 0) lines.push('No finding of the baseline is gone.', '')
  else {
    lines.push('| Severity | App | Kind | Scope | Finding |', '|---|---|---|---|---|')
    for (const f of resolved)
      lines.push(
        `| ${f.severity} | ${text(f.appName)} (${code(f.appId)}) | ${f.kind} | ${code(f.scope ?? '')} | ${code(f.id)} |`,
      )
    lines.push('')
  }
  return lines
}

function ownerText(app: ReportApp): string {
  const model = app.scopeModel ? ` Scopes: ${app.scopeModel}.` : ''
  if (app.owner)
    return `Owner: ${text(app.owner.email)}, role ${text(app.owner.roleName ?? 'unknown')}${app.owner.status === 'active' ? '' : `, **${app.owner.status}**`}.${model}`
  return (
    (app.ownerRef ? `Owner in the inventory: ${text(app.ownerRef)} (not in the account).` : 'Owner: unknown.') + model
  )
}
