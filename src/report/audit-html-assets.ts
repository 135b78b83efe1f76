// The HTML report's stylesheet and script, inlined into the one file: no CDN, no web font, nothing fetched.

export const AUDIT_HTML_CSS = `
:root {
  --ink: #1d2433; --muted: #5b6476; --line: #d7dbe3; --paper: #fff; --band: #f5f6f8;
  --high: #b42318; --high-bg: #fee4e2; --medium: #93370d; --medium-bg: #fef0c7; --low: #344054; --low-bg: #eaecf0;
  --holds: #067647; --holds-bg: #dcfae6; --new: #175cd3; --new-bg: #d1e9ff;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
.page { max-width: 1240px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
code, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: break-word; }
.id { color: var(--muted); font-weight: normal; }
.meta, .note { color: var(--muted); margin: 4px 0; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0 0; padding: 0; }
.summary div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; background: var(--band); }
.summary dt { font-size: .8rem; color: var(--muted); }
.summary dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
.summary .high dd { color: var(--high); } .summary .medium dd { color: var(--medium); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: .82rem; color: var(--muted); font-weight: 600; background: var(--band); }
caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
abbr[title] { text-decoration: underline dotted; cursor: help; }
.scroll { position: relative; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.grid th, .grid td { white-space: nowrap; border-right: 1px solid var(--line); }
.grid tbody th { position: sticky; left: 0; background: var(--paper); z-index: 1; min-width: 180px; white-space: normal; }
.grid thead th { vertical-align: bottom; white-space: normal; min-width: 6.5em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.cell { text-align: center; font-weight: 600; font-size: .85rem; }
.cell.lacks { color: var(--high); background: var(--high-bg); }
.cell.groups { color: var(--medium); background: var(--medium-bg); }
.cell.partial { color: var(--medium); background: #fffaeb; }
.cell.holds { color: var(--holds); background: var(--holds-bg); }
.cell.unchecked { color: var(--muted); background: var(--band); }
.cell.none { color: #98a2b3; font-weight: normal; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; margin: 8px 0; list-style: none; font-size: .85rem; color: var(--muted); }
.legend .cell { display: inline-block; min-width: 2em; padding: 1px 6px; border-radius: 4px; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; margin: 8px 0 16px; padding: 10px 12px; background: var(--band); border: 1px solid var(--line); border-radius: 6px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; }
.filters label { white-space: nowrap; }
.filters select { font: inherit; padding: 2px 4px; }
.filters output { margin-left: auto; color: var(--muted); }
.app { margin: 18px 0; border: 1px solid var(--line); border-left: 6px solid var(--low); border-radius: 6px; padding: 10px 12px; }
.app.worst-high { border-left-color: var(--high); } .app.worst-medium { border-left-color: #dc6803; }
.owner { margin: 2px 0 8px; color: var(--muted); overflow-wrap: anywhere; }
.badge { display: inline-block; white-space: nowrap; padding: 1px 7px; border-radius: 10px; font-size: .75rem; font-weight: 700; letter-spacing: .03em; }
.badge.high { color: var(--high); background: var(--high-bg); border: 1px solid var(--high); }
.badge.medium { color: var(--medium); background: var(--medium-bg); border: 1px solid #dc6803; }
.badge.low { color: var(--low); background: var(--low-bg); border: 1px solid #98a2b3; }
.badge.new { color: var(--new); background: var(--new-bg); border: 1px solid var(--new); }
tr.sev-high td:first-child { box-shadow: inset 3px 0 var(--high); }
tr.sev-medium td:first-child { box-shadow: inset 3px 0 #dc6803; }
.remedy { max-width: 46em; }
.findings td, .plain td { overflow-wrap: break-word; }
.findings td:first-child, td.fid, .findings abbr { white-space: nowrap; }
.clean { columns: 3 14em; padding-left: 1.2em; }
footer { margin-top: 40px; color: var(--muted); font-size: .85rem; }
@media (max-width: 700px) {
  body { font-size: 14px; }
  .page { padding: 14px 10px 32px; }
  .summary div { min-width: 0; flex: 1 1 28%; }
  .filters output { margin-left: 0; width: 100%; }
  .findings thead, .plain thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .findings tr, .plain tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; }
  .findings td, .plain td { display: block; border: 0; padding: 2px 4px; white-space: normal; }
  .findings td::before, .plain td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
  .findings td:empty, .plain td:empty { display: none; }
  tr.sev-high td:first-child, tr.sev-medium td:first-child { box-shadow: none; }
  .grid tbody th { min-width: 120px; }
}
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .filters { display: none !important; }
  .scroll { overflow: visible; border: 0; }
  .grid tbody th { position: static; }
  .app, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  abbr[title] { text-decoration: none; }
}
`

/**
 * Filters by severity, kind and new-only, in the page itself (works from file://). Reads the data-* attributes the
 * rows carry; no data is embedded as JSON, so nothing from Zoom ever sits inside the script.
 */
export const AUDIT_HTML_SCRIPT = `
(function () {
  'use strict'
  var form = document.getElementById('filters')
  if (!form) return
  form.hidden = false
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'))
  var apps = Array.prototype.slice.call(document.querySelectorAll('section.app'))
  var gridRows = Array.prototype.slice.call(document.querySelectorAll('tr[data-grid-app]'))
  var kind = document.getElementById('filter-kind')
  var newOnly = document.getElementById('filter-new')
  var shown = document.getElementById('filter-shown')
  function apply() {
    var severities = {}
    Array.prototype.forEach.call(form.querySelectorAll('input[name="severity"]:checked'), function (box) { severities[box.value] = true })
    var count = 0
    rows.forEach(function (row) {
      var visible = severities[row.getAttribute('data-severity')] === true &&
        (kind.value === '' || row.getAttribute('data-kind') === kind.value) &&
        (!newOnly || !newOnly.checked || row.getAttribute('data-new') === 'true')
      row.hidden = !visible
      if (visible) count++
    })
    var visibleApps = {}
    apps.forEach(function (app) {
      var any = app.querySelector('tr.finding:not([hidden])') !== null
      app.hidden = !any
      if (any) visibleApps[app.getAttribute('data-app')] = true
    })
    gridRows.forEach(function (row) { row.hidden = visibleApps[row.getAttribute('data-grid-app')] !== true })
    shown.textContent = count + ' of ' + rows.length + ' findings shown'
  }
  form.addEventListener('change', apply)
  form.addEventListener('submit', function (event) { event.preventDefault() })
  apply()
})()
`
