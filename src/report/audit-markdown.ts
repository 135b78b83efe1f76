// The audit for a ticket or a wiki page.
import type {AuditReport, ReportApp} from '../audit/types.js'
import {summaryLine} from './audit-table.js'

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
const code = (text: string) => (text ? `\`${text}\`` : '')

export function renderAuditMarkdown(report: AuditReport): string {
  const lines = [
    '# Zoom app scope audit',
    '',
    `Account \`${report.account.id}\` (snapshot of ${report.account.capturedAt}), matrix ${report.matrix.version}.`,
    '',
    `**${summaryLine(report)}**`,
    '',
  ]
  const byApp = new Map<string, typeof report.findings>()
  for (const f of report.findings) byApp.set(f.appId, [...(byApp.get(f.appId) ?? []), f])

  for (const app of report.apps) {
    const findings = byApp.get(app.id)
    if (!findings) continue
    lines.push(
      `## ${cell(app.name)} (\`${app.id}\`)`,
      '',
      ownerText(app),
      '',
      '| Severity | Kind | Scope | What to do | Finding |',
      '|---|---|---|---|---|',
    )
    for (const f of findings)
      lines.push(
        `| ${f.severity}${f.new ? ' **new**' : ''} | ${f.kind} | ${code(f.scope ?? '')} | ${cell(f.message)} | \`${f.id}\` |`,
      )
    lines.push('')
  }
  if (report.accepted && report.accepted.length > 0) {
    lines.push('## Accepted findings', '', '| Finding | App | Scope | Reason | Until |', '|---|---|---|---|---|')
    for (const a of report.accepted)
      lines.push(
        `| \`${a.finding.id}\` | ${cell(a.finding.appName)} | ${code(a.finding.scope ?? '')} | ${cell(a.reason)} | ${a.until ?? ''} |`,
      )
    lines.push('')
  }
  const clean = report.apps.filter((a) => !byApp.has(a.id))
  if (clean.length > 0)
    lines.push(
      report.summary.new === undefined ? '## Apps without findings' : '## Apps without new findings',
      '',
      ...clean.map((a) => `- ${cell(a.name)} (\`${a.id}\`)`),
      '',
    )
  return lines.join('\n')
}

function ownerText(app: ReportApp): string {
  const model = app.scopeModel ? ` Scopes: ${app.scopeModel}.` : ''
  if (app.owner)
    return `Owner: ${app.owner.email}, role ${app.owner.roleName ?? 'unknown'}${app.owner.status === 'active' ? '' : `, **${app.owner.status}**`}.${model}`
  return (app.ownerRef ? `Owner in the inventory: ${app.ownerRef} (not in the account).` : 'Owner: unknown.') + model
}
