// One row per finding, for spreadsheets and diffs. RFC 4180 quoting by csv-stringify; lists joined with ";".
import {stringify} from 'csv-stringify/sync'

import type {AuditReport} from '../audit/types.js'

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

/**
 * App and role names come from whoever built the app: a cell starting with = + - @ (or a tab / carriage return) would
 * run as a formula when the report is opened in Excel. Such cells get a leading apostrophe (OWASP's CSV-injection advice).
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

export function renderAuditCsv(report: AuditReport): string {
  const rows = report.findings.map((f) =>
    [
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
    ].map(spreadsheetSafe),
  )
  // CRLF is what RFC 4180 and Excel expect.
  return stringify([CSV_HEADER, ...rows], {record_delimiter: 'windows'})
}
