// One row per finding, for spreadsheets and diffs. RFC 4180 quoting by csv-stringify; lists joined with ";".
import {stringify} from 'csv-stringify/sync'

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

export function renderAuditCsv(report: AuditReport): string {
  // Free text is made spreadsheet-safe; ids, owners and scopes are written exactly.
  const rows = report.findings.map((f) => [
    f.id,
    f.severity,
    f.kind,
    f.appId,
    spreadsheetSafe(f.appName),
    f.owner ?? '',
    spreadsheetSafe(f.ownerRole ?? ''),
    f.scope ?? '',
    spreadsheetSafe(f.missingPrivileges.join(';')),
    spreadsheetSafe(f.message),
  ])
  // CRLF is what RFC 4180 and Excel expect.
  return stringify([CSV_HEADER, ...rows], {record_delimiter: 'windows'})
}
