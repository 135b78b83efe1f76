// The audit as one self-contained HTML page for people who never open a CSV: a summary, the apps × privileges grid,
// findings by app (worst first) with filters, accepted and resolved findings. Inline CSS and JS; nothing is fetched.
// App names, owners and messages come from Zoom and from users: every one goes through `escape`.
import {createHash} from 'node:crypto'

import {SEVERITIES, type AuditReport, type Finding, type ReportApp, type Severity} from '../audit/types.js'
import {severityRank} from '../audit/summary.js'
import {acceptedNote, allAcceptedWords, appsWithoutListedFindings, cleanWords, NO_EXPIRY} from './app-standing.js'
import {AUDIT_HTML_CSS, AUDIT_HTML_SCRIPT} from './audit-html-assets.js'
import {acceptedCount, findingConfidence, hasBaseline, resolvedCount, resolvedFindings} from './optional-fields.js'
import {GRID_CELL_TEXT, privilegeGrid, privilegeLabeller} from './privilege-grid.js'

export interface HtmlRenderOptions {
  /** Portal label of a privilege (the matrix's), for privileges no finding names. */
  label?: (privilege: string) => string
}

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const e = escapeHtml

export function renderAuditHtml(report: AuditReport, options: HtmlRenderOptions = {}): string {
  const label = privilegeLabeller(report, options.label)
  // The page may run only its own script: an injected handler or <script> would be refused even if escaping failed.
  const scriptHash = createHash('sha256').update(AUDIT_HTML_SCRIPT).digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Zoom app scope audit — account ${e(report.account.id)}</title>`,
    `<style>${AUDIT_HTML_CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    header(report),
    '<main>',
    gridSection(report, label),
    findingsSection(report, label),
    acceptedSection(report),
    resolvedSection(report),
    cleanSection(report),
    '</main>',
    `<footer>Made by zoom-scope-audit from matrix ${e(report.matrix.version)}. Each finding id is stable from run to run.</footer>`,
    '</div>',
    `<script>${AUDIT_HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function header(report: AuditReport): string {
  const {summary} = report
  const figures: Array<[string, number | undefined, string?]> = [
    ['Apps', summary.apps],
    ['At risk', summary.appsAtRisk],
    ['Findings', summary.findings],
    ['High', summary.bySeverity.high, 'high'],
    ['Medium', summary.bySeverity.medium, 'medium'],
    ['Low', summary.bySeverity.low, 'low'],
    ['New', summary.new],
    ['Resolved', resolvedCount(report)],
    ['Accepted', acceptedCount(report)],
  ]
  const items = figures
    .filter(([, value]) => value !== undefined)
    .map(([name, value, css]) => `<div${css ? ` class="${css}"` : ''}><dt>${name}</dt><dd>${value}</dd></div>`)
  return [
    '<header>',
    '<h1>Zoom app scope audit</h1>',
    `<p class="meta">Account <code>${e(report.account.id)}</code> · data captured ${time(report.account.capturedAt)} · report made ${time(report.generatedAt)}</p>`,
    `<dl class="summary" aria-label="Summary">${items.join('')}</dl>`,
    '</header>',
  ].join('\n')
}

function gridSection(report: AuditReport, label: (privilege: string) => string): string {
  const grid = privilegeGrid(report, label)
  const lines = ['<section id="grid" aria-labelledby="grid-title">', '<h2 id="grid-title">Apps × privileges</h2>']
  if (grid.rows.length === 0) return [...lines, '<p class="note">No app has a finding.</p>', '</section>'].join('\n')
  if (grid.columns.length === 0)
    return [
      ...lines,
      '<p class="note">The apps with findings need no role privilege the matrix knows.</p>',
      '</section>',
    ].join('\n')
  const legend = Object.entries(GRID_CELL_TEXT).map(
    ([state, t]) => `<li><span class="cell ${state}">${t.symbol}</span> ${t.word}: ${t.meaning}</li>`,
  )
  lines.push(
    '<p class="note">Each app with a finding, and what its owner’s role does with each privilege those apps need (columns: the privilege as the web portal names it).</p>',
    `<ul class="legend">${legend.join('')}</ul>`,
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="grid-title">',
    '<table class="grid">',
    '<caption>Role privileges of each app’s owner</caption>',
    '<thead><tr><th scope="col">App</th>',
    ...grid.columns.map(
      (c) =>
        `<th scope="col" data-privilege="${e(c.privilege)}"><abbr title="${e(`${c.label} (role privilege ${c.privilege})`)}">${e(c.label)}</abbr></th>`,
    ),
    '</tr></thead>',
    '<tbody>',
  )
  for (const row of grid.rows) {
    const cells = row.cells.map((state, i) => {
      const column = grid.columns[i]!
      const text = GRID_CELL_TEXT[state]
      const title = `${row.app.name} · ${column.label}: ${text.meaning}`
      // "Not needed" is most of the grid: its symbol alone (the word for screen readers) keeps the grid readable.
      const shown =
        state === 'none'
          ? `<span aria-hidden="true">${text.symbol}</span><span class="sr">${text.word}</span>`
          : `${text.symbol} ${text.word}`
      return `<td class="cell ${state}" data-privilege="${e(column.privilege)}" data-state="${state}" title="${e(title)}">${shown}</td>`
    })
    lines.push(
      `<tr data-grid-app="${e(row.app.id)}"><th scope="row">${e(row.app.name)} <span class="id">${e(row.app.id)}</span></th>${cells.join('')}</tr>`,
    )
  }
  return [...lines, '</tbody>', '</table>', '</div>', '</section>'].join('\n')
}

function findingsSection(report: AuditReport, label: (privilege: string) => string): string {
  const lines = [
    '<section id="findings" aria-labelledby="findings-title">',
    '<h2 id="findings-title">Findings by app, worst first</h2>',
  ]
  if (report.findings.length === 0)
    return [...lines, `<p class="note">No ${hasBaseline(report) ? 'new ' : ''}findings.</p>`, '</section>'].join('\n')
  lines.push(filters(report))
  const withConfidence = report.findings.some((f) => findingConfidence(f) !== undefined)
  const byApp = new Map<string, Finding[]>()
  for (const f of report.findings) byApp.set(f.appId, [...(byApp.get(f.appId) ?? []), f])
  for (const app of report.apps) {
    const findings = byApp.get(app.id)
    if (!findings) continue
    const worst = findings.reduce<Severity>(
      (w, f) => (severityRank[f.severity] < severityRank[w] ? f.severity : w),
      'low',
    )
    const headings = [
      'Severity',
      'Kind',
      'Scope',
      'Missing',
      'What to do',
      ...(withConfidence ? ['Confidence'] : []),
      'Finding',
    ]
    lines.push(
      `<section class="app worst-${worst}" data-app="${e(app.id)}" aria-label="${e(app.name)}">`,
      `<h3>${e(app.name)} <span class="id">${e(app.id)}</span></h3>`,
      `<p class="owner">${ownerText(app)}</p>`,
      '<table class="findings">',
      `<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...findings.map((f) => findingRow(f, label, withConfidence)),
      '</tbody>',
      '</table>',
      '</section>',
    )
  }
  lines.push('</section>')
  return lines.join('\n')
}

function filters(report: AuditReport): string {
  const kinds = [...new Set(report.findings.map((f) => f.kind))].sort()
  const severities = SEVERITIES.map(
    (s) =>
      `<label><input type="checkbox" name="severity" value="${s}" checked> ${s} (${report.findings.filter((f) => f.severity === s).length})</label>`,
  )
  const newOnly = hasBaseline(report) ? '<label><input type="checkbox" id="filter-new"> new only</label>' : ''
  // Hidden until the script runs: without JavaScript every finding shows and no control pretends to work.
  return [
    '<form id="filters" class="filters" aria-label="Filter findings" hidden>',
    `<fieldset><legend>Severity</legend>${severities.join('')}</fieldset>`,
    `<label>Kind <select id="filter-kind"><option value="">all kinds</option>${kinds.map((k) => `<option value="${k}">${k}</option>`).join('')}</select></label>`,
    newOnly,
    `<output id="filter-shown" aria-live="polite">${report.findings.length} of ${report.findings.length} findings shown</output>`,
    '</form>',
  ].join('\n')
}

function findingRow(f: Finding, label: (privilege: string) => string, withConfidence: boolean): string {
  const missing = f.missingPrivileges
    .map((p) => `<abbr title="${e(`role privilege ${p}`)}">${e(f.labels[p] ?? label(p))}</abbr>`)
    .join(', ')
  const badges = `<span class="badge ${f.severity}">${f.severity.toUpperCase()}</span>${f.new ? ' <span class="badge new">NEW</span>' : ''}`
  const cells = [
    `<td data-label="Severity">${badges}</td>`,
    `<td data-label="Kind">${f.kind}</td>`,
    `<td data-label="Scope">${f.scope ? `<code>${e(f.scope)}</code>` : ''}</td>`,
    `<td data-label="Missing">${missing}</td>`,
    `<td data-label="What to do" class="remedy">${e(f.message)}</td>`,
    ...(withConfidence ? [`<td data-label="Confidence">${e(findingConfidence(f) ?? '')}</td>`] : []),
    `<td data-label="Finding" class="fid"><code>${e(f.id)}</code></td>`,
  ]
  return `<tr class="finding sev-${f.severity}" data-severity="${f.severity}" data-kind="${f.kind}" data-new="${f.new === true}">${cells.join('')}</tr>`
}

function acceptedSection(report: AuditReport): string {
  if (!report.accepted) return ''
  const lines = [
    '<section id="accepted" aria-labelledby="accepted-title">',
    '<h2 id="accepted-title">Accepted findings</h2>',
  ]
  if (report.accepted.length === 0)
    return [...lines, '<p class="note">None of the accepted findings occurs in this run.</p>', '</section>'].join('\n')
  lines.push(
    '<p class="note">Reviewed and set aside: not counted by --fail-on until the day they expire.</p>',
    '<table class="plain">',
    `<thead><tr>${['Finding', 'Severity', 'App', 'Kind', 'Scope', 'Reason', 'Until', 'By', 'Ticket'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  )
  for (const a of report.accepted) {
    const f = a.finding
    lines.push(
      `<tr><td data-label="Finding"><code>${e(f.id)}</code></td><td data-label="Severity"><span class="badge ${f.severity}">${f.severity.toUpperCase()}</span></td>` +
        `<td data-label="App">${e(f.appName)} <span class="id">${e(f.appId)}</span></td><td data-label="Kind">${f.kind}</td>` +
        `<td data-label="Scope">${f.scope ? `<code>${e(f.scope)}</code>` : ''}</td><td data-label="Reason">${e(a.reason)}</td>` +
        `<td data-label="Until">${e(a.until ?? NO_EXPIRY)}</td><td data-label="By">${e(a.by ?? '')}</td>` +
        `<td data-label="Ticket">${e(a.ticket ?? '')}</td></tr>`,
    )
  }
  return [...lines, '</tbody>', '</table>', '</section>'].join('\n')
}

function resolvedSection(report: AuditReport): string {
  const resolved = resolvedFindings(report)
  if (!resolved) return ''
  const lines = [
    '<section id="resolved" aria-labelledby="resolved-title">',
    '<h2 id="resolved-title">Resolved since the baseline</h2>',
  ]
  if (resolved.length === 0)
    return [...lines, '<p class="note">No finding of the baseline has gone away.</p>', '</section>'].join('\n')
  lines.push(
    '<table class="plain">',
    `<thead><tr>${['Finding', 'Severity', 'App', 'Kind', 'Scope', 'Missing privileges'].map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  )
  for (const f of resolved) {
    lines.push(
      `<tr><td data-label="Finding"><code>${e(f.id)}</code></td><td data-label="Severity">${e(f.severity)}</td>` +
        `<td data-label="App">${e(f.appName)} <span class="id">${e(f.appId)}</span></td><td data-label="Kind">${e(f.kind)}</td>` +
        `<td data-label="Scope">${f.scope ? `<code>${e(f.scope)}</code>` : ''}</td><td data-label="Missing privileges">${e(f.missingPrivileges.join(', '))}</td></tr>`,
    )
  }
  return [...lines, '</tbody>', '</table>', '</section>'].join('\n')
}

/** Apps with no finding listed: those whose findings were all accepted (with how many), then those without any. */
function cleanSection(report: AuditReport): string {
  const {allAccepted, clean} = appsWithoutListedFindings(report)
  const sections: string[] = []
  if (allAccepted.length > 0)
    sections.push(
      '<section id="all-accepted" aria-labelledby="all-accepted-title">',
      `<h2 id="all-accepted-title">Apps ${allAcceptedWords(report).group} (${allAccepted.length})</h2>`,
      `<ul class="clean">${allAccepted.map(({app, accepted}) => `<li>${e(app.name)} <span class="id">${e(app.id)}</span> · ${acceptedNote(accepted)}</li>`).join('')}</ul>`,
      '</section>',
    )
  if (clean.length > 0)
    sections.push(
      '<section id="clean" aria-labelledby="clean-title">',
      `<h2 id="clean-title">Apps ${cleanWords(report).group} (${clean.length})</h2>`,
      `<ul class="clean">${clean.map((a) => `<li>${e(a.name)} <span class="id">${e(a.id)}</span></li>`).join('')}</ul>`,
      '</section>',
    )
  return sections.join('\n')
}

function ownerText(app: ReportApp): string {
  if (app.owner) {
    const status = app.owner.status === 'active' ? '' : `, <strong>${e(app.owner.status)}</strong>`
    return `Owner ${e(app.owner.email)} (role ${e(app.owner.roleName ?? 'unknown')}${status})`
  }
  return app.ownerRef ? `Owner in the inventory: ${e(app.ownerRef)} (not in the account)` : 'Owner unknown'
}

/** ISO times shown as "2026-11-20 10:00 UTC", the exact value in datetime=. */
function time(iso: string): string {
  const date = new Date(iso)
  const shown = Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  return `<time datetime="${e(iso)}">${e(shown)}</time>`
}
