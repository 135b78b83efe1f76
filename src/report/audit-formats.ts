// Report formats by name, each a pure (report, options) => string.
import type {AuditReport} from '../audit/types.js'
import {renderAuditCsv} from './audit-csv.js'
import {renderAuditMarkdown} from './audit-markdown.js'
import {renderAuditTable, type TableRenderOptions} from './audit-table.js'

export const AUDIT_FORMATS = {
  table: (report: AuditReport, options: TableRenderOptions) => renderAuditTable(report, options),
  json: (report: AuditReport) => `${JSON.stringify(report, null, 2)}\n`,
  csv: (report: AuditReport) => renderAuditCsv(report),
  markdown: (report: AuditReport) => renderAuditMarkdown(report),
} satisfies Record<string, (report: AuditReport, options: TableRenderOptions) => string>

export type AuditFormat = keyof typeof AUDIT_FORMATS
