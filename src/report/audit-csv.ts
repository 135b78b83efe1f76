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

/** The CSV's columns: the finding columns (which the workbook shares), then the matrix rule's confidence. */
export const AUDIT_CSV_COLUMNS = [...CSV_HEADER, 'confidence']

export function renderAuditCsv(report: AuditReport): string {
  // Only free text is defused: identifiers (finding, app, owner, scope, privileges) stay exactly as they are, so a
  // script can match them against Zoom and against other reports.
  const rows = report.findings.map((f) => [
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
  ])
  // CRLF is what RFC 4180 and Excel expect.
  return stringify([AUDIT_CSV_COLUMNS, ...rows], {record_delimiter: 'windows'})
}
