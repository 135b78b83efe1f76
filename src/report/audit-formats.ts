// Report formats by name: text formats are pure (report, options) => text (JSON as chunks, the others one string);
// binary ones resolve to bytes.
import type {AuditReport} from '../audit/types.js'
import {renderAuditCsv} from './audit-csv.js'
import {renderAuditHtml} from './audit-html.js'
import {renderAuditMarkdown} from './audit-markdown.js'
import {renderAuditTable, type TableRenderOptions} from './audit-table.js'
import {renderAuditXlsx} from './audit-xlsx.js'
import {prettyJsonChunks} from '../json-text.js'

export interface AuditRenderOptions extends TableRenderOptions {
  /** Portal label of a privilege (the matrix's): the HTML grid and the workbook name the privileges owners hold too. */
  label?: (privilege: string) => string
  /** CSV only: start with a UTF-8 byte-order mark (for Excel on Windows). */
  csvBom?: boolean
}

export const AUDIT_FORMATS = {
  table: (report: AuditReport, options: AuditRenderOptions) => renderAuditTable(report, options),
  // A report of thousands of apps is hundreds of megabytes of JSON: handed out in chunks, never one string.
  json: (report: AuditReport): Iterable<string> => ({
    *[Symbol.iterator]() {
      yield* prettyJsonChunks(report)
      yield '\n'
    },
  }),
  csv: (report: AuditReport, options?: AuditRenderOptions) => renderAuditCsv(report, {bom: options?.csvBom === true}),
  markdown: (report: AuditReport) => renderAuditMarkdown(report),
  html: (report: AuditReport, options: AuditRenderOptions) => renderAuditHtml(report, options),
} satisfies Record<string, (report: AuditReport, options: AuditRenderOptions) => string | Iterable<string>>

/** Bytes, not text: never written to a terminal. */
export const AUDIT_BINARY_FORMATS = {
  xlsx: (report: AuditReport, options: AuditRenderOptions) => renderAuditXlsx(report, options),
} satisfies Record<string, (report: AuditReport, options: AuditRenderOptions) => Promise<Uint8Array>>

export type AuditTextFormat = keyof typeof AUDIT_FORMATS
export type AuditBinaryFormat = keyof typeof AUDIT_BINARY_FORMATS
export type AuditFormat = AuditTextFormat | AuditBinaryFormat
export const AUDIT_FORMAT_NAMES = [...Object.keys(AUDIT_FORMATS), ...Object.keys(AUDIT_BINARY_FORMATS)] as AuditFormat[]

export function isBinaryFormat(format: AuditFormat): format is AuditBinaryFormat {
  return format in AUDIT_BINARY_FORMATS
}

export async function renderAudit(
  format: AuditFormat,
  report: AuditReport,
  options: AuditRenderOptions,
): Promise<string | Iterable<string> | Uint8Array> {
  return isBinaryFormat(format) ? AUDIT_BINARY_FORMATS[format](report, options) : AUDIT_FORMATS[format](report, options)
}
