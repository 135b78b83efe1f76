// One row per finding, for spreadsheets and diffs. RFC 4180 quoting by csv-stringify; lists joined with ";".
import {createRequire} from 'node:module'

import type * as CsvStringify from 'csv-stringify/sync'

import type {AuditReport} from '../audit/types.js'
import {spreadsheetSafe} from './csv-cell.js'

export const CSV_HEADER = [
  'finding_id',
  'severity',
  'kind',
  'app_id',
  'app_name',
  'owner',
  'owner_role',
  'scope',
  'missing_privileges',
  'message',
]

/** What every format says of an acceptance besides its finding, in this order: why, its last day, who, which ticket. */
export const ACCEPTANCE_FIELDS = ['reason', 'until', 'by', 'ticket'] as const

/**
 * The CSV's columns: the finding columns (which the workbook shares), the matrix rule's confidence, then triage:
 * new against --baseline (empty without one), and accepted with the acceptance's fields (added after the first two).
 */
export const AUDIT_CSV_COLUMNS = [
  ...CSV_HEADER,
  'confidence',
  'new',
  'accepted',
  ...ACCEPTANCE_FIELDS.map((field) => `accept_${field}`),
]

export interface AuditCsvOptions {
  /** Start with a UTF-8 byte-order mark: Excel on Windows then reads "José Muñoz" as written. */
  bom?: boolean
}

export function renderAuditCsv(report: AuditReport, options: AuditCsvOptions = {}): string {
  const baseline = report.summary.new !== undefined
  const open = report.findings.map((f) => ({f, acceptance: undefined}))
  const accepted = (report.accepted ?? []).map((a) => ({f: a.finding, acceptance: a}))
  // Only free text is defused: identifiers (finding, app, owner, scope, privileges) stay exactly as they are, so a
  // script can match them against Zoom and against other reports.
  const rows = [...open, ...accepted].map(({f, acceptance}) => [
    f.id,
    f.severity,
    f.kind,
    f.appId,
    spreadsheetSafe(f.appName),
    f.owner ?? '',
    spreadsheetSafe(f.ownerRole ?? ''),
    f.scope ?? '',
    f.missingPrivileges.join(';'),
    spreadsheetSafe(f.message),
    f.confidence ?? '',
    baseline && !acceptance ? String(f.new === true) : '',
    String(acceptance !== undefined),
    spreadsheetSafe(acceptance?.reason ?? ''),
    acceptance?.until ?? '',
    spreadsheetSafe(acceptance?.by ?? ''),
    spreadsheetSafe(acceptance?.ticket ?? ''),
  ])
  // CRLF is what RFC 4180 and Excel expect.
  // Required on first use, not imported: commands that never write CSV do not load csv-stringify.
  const {stringify} = createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvStringify
  const csv = stringify([AUDIT_CSV_COLUMNS, ...rows], {record_delimiter: 'windows'})
  return options.bom ? `\uFEFF${csv}` : csv
}
