// The audit as an Excel workbook, written with exceljs: sheets Findings (the CSV's columns), Apps (the apps ×
// privileges grid in words), Other apps (the apps with no finding listed: all accepted, or none), Accepted and
// Resolved. Words for people, as the table, Markdown and HTML say them: `new` is yes/no, an open-ended acceptance
// "no expiry" (the CSV keeps true/false and an empty cell: it is read by programs). Every cell is a typed string (or number), never a formula, so a
// name chosen by an app's developer cannot run, and an id like "-abc" stays itself: unlike the CSV, nothing needs
// defusing with an apostrophe, and there is no encoding or BOM question.
import type ExcelJS from 'exceljs'

import type {AuditReport, Finding, ReportApp} from '../audit/types.js'
import {allAcceptedWords, appsWithoutListedFindings, cleanWords, NO_EXPIRY, yesNo} from './app-standing.js'
import {ACCEPTANCE_FIELDS, CSV_HEADER} from './audit-csv.js'
import {acceptedCount, findingConfidence, hasBaseline, resolvedFindings} from './optional-fields.js'
import {GRID_CELL_TEXT, privilegeGrid, privilegeLabeller} from './privilege-grid.js'

export interface XlsxRenderOptions {
  /** Portal label of a privilege (the matrix's), for privileges no finding names. */
  label?: (privilege: string) => string
}

export const XLSX_SHEETS = ['Findings', 'Apps', 'Other apps', 'Accepted', 'Resolved'] as const

type Cell = string | number

/**
 * Pure like the text renderers (no file, no clock: the workbook's dates are the report's), but asynchronous: exceljs
 * zips the workbook with a streaming writer, and `writeBuffer` only exists as a Promise.
 */
export async function renderAuditXlsx(report: AuditReport, options: XlsxRenderOptions = {}): Promise<Uint8Array> {
  // Loaded on demand: exceljs takes longer to load than the rest of the CLI, and only this format needs it.
  const {default: excel} = await import('exceljs')
  const workbook = new excel.Workbook()
  const made = new Date(report.generatedAt)
  workbook.creator = 'zoom-scope-audit'
  workbook.created = made
  workbook.modified = made
  workbook.title = `Zoom app scope audit — account ${report.account.id}`
  workbook.description = `Data captured ${report.account.capturedAt}; matrix ${report.matrix.version}`

  const extras = findingExtras(report)
  addSheet(
    workbook,
    'Findings',
    [...CSV_HEADER, ...extras.map((x) => x.header)],
    report.findings.map((f) => [...findingCells(f), ...extras.map((x) => x.cell(f))]),
  )

  const label = privilegeLabeller(report, options.label)
  const grid = privilegeGrid(report, label)
  addSheet(
    workbook,
    'Apps',
    ['app_id', 'app_name', 'owner', 'owner_role', ...grid.columns.map((c) => `${c.label} (${c.privilege})`)],
    grid.rows.map(({app, cells}) => [...appCells(app), ...cells.map((state) => GRID_CELL_TEXT[state].word)]),
  )

  // An app whose findings were all accepted has findings: its status says so, with how many, never "no findings".
  const {allAccepted, clean} = appsWithoutListedFindings(report)
  addSheet(
    workbook,
    'Other apps',
    ['app_id', 'app_name', 'owner', 'owner_role', 'status', 'accepted'],
    [
      ...allAccepted.map(({app, accepted}) => [...appCells(app), allAcceptedWords(report).status, accepted]),
      ...clean.map((app) => [...appCells(app), cleanWords(report).status, 0]),
    ],
    'Every app has a finding listed on the Findings sheet.',
  )

  addSheet(
    workbook,
    'Accepted',
    [...CSV_HEADER, ...ACCEPTANCE_FIELDS],
    (report.accepted ?? []).map((a) => [
      ...findingCells(a.finding),
      ...ACCEPTANCE_FIELDS.map((field) => a[field] ?? (field === 'until' ? NO_EXPIRY : '')),
    ]),
    report.accepted ? undefined : 'This run was given no accepted findings (--accept).',
  )
  const resolved = resolvedFindings(report)
  addSheet(
    workbook,
    'Resolved',
    CSV_HEADER,
    (resolved ?? []).map(findingCells),
    resolved ? undefined : 'This run was given no baseline (--baseline).',
  )

  // The summary as document properties too, for whoever files the workbook.
  const accepted = acceptedCount(report)
  workbook.subject = `${report.summary.apps} apps, ${report.summary.appsAtRisk} at risk, ${report.summary.findings} findings${accepted === undefined ? '' : `, ${accepted} accepted`}`
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** Who an app is and who owns it: the first columns of the Apps and Other apps sheets. */
function appCells(app: ReportApp): Cell[] {
  return [app.id, app.name, app.owner?.email ?? app.ownerRef ?? '', app.owner?.roleName ?? '']
}

function findingCells(f: Finding): Cell[] {
  return [
    f.id,
    f.severity,
    f.kind,
    f.appId,
    f.appName,
    f.owner ?? '',
    f.ownerRole ?? '',
    f.scope ?? '',
    f.missingPrivileges.join(';'),
    f.message,
  ]
}

/** Columns only some runs have, after the CSV's. */
function findingExtras(report: AuditReport): Array<{header: string; cell: (f: Finding) => Cell}> {
  const extras: Array<{header: string; cell: (f: Finding) => Cell}> = []
  if (hasBaseline(report)) extras.push({header: 'new', cell: (f) => yesNo(f.new === true)})
  if (report.findings.some((f) => findingConfidence(f) !== undefined))
    extras.push({header: 'confidence', cell: (f) => findingConfidence(f) ?? ''})
  return extras
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Cell[][],
  emptyNote?: string,
): void {
  const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}]})
  sheet.addRow(header).font = {bold: true}
  for (const row of rows) sheet.addRow(row)
  if (rows.length > 0) sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: rows.length + 1, column: header.length}}
  else if (emptyNote) sheet.addRow([emptyNote])
  // Wide enough for the longest value, within reason; messages wrap instead.
  header.forEach((title, i) => {
    const longest = Math.max(title.length, ...rows.map((r) => String(r[i] ?? '').length))
    const column = sheet.getColumn(i + 1)
    column.width = Math.min(Math.max(longest + 2, 8), 60)
    if (longest > 60) column.alignment = {wrapText: true, vertical: 'top'}
  })
}
