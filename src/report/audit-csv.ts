// One row per finding, for spreadsheets and diffs. RFC 4180 quoting by csv-stringify; lists joined with ";".
import {stringify} from 'csv-stringify/sync'

import type {AuditReport} from '../audit/types.js'

export const CSV_HEADER = ['finding_id', 'severity', 'kind', 'app_id', 'app_name', 'owner', 'owner_role', 'scope', 'missing_privileges', 'message']

export function renderAuditCsv(report: AuditReport): string {
  const rows = report.findings.map((f) => [f.id, f.severity, f.kind, f.appId, f.appName, f.owner ?? '', f.ownerRole ?? '', f.scope ?? '', f.missingPrivileges.join(';'), f.message])
  // CRLF is what RFC 4180 and Excel expect.
  return stringify([CSV_HEADER, ...rows], {record_delimiter: 'windows'})
}
