// --output-dir: one file per format, named by the run's UTC time so that a folder keeps every week's reports side by
// side and sorts by date, plus latest.json — the JSON report the next run's --compare-last compares with.
import {join} from 'node:path'

import type {AuditFormat} from '../report/audit-formats.js'

export const LATEST_REPORT = 'latest.json'

/** The extension each format's file gets (the table is plain text). */
export const FORMAT_EXTENSIONS: Record<AuditFormat, string> = {
  table: 'txt',
  json: 'json',
  csv: 'csv',
  markdown: 'md',
  html: 'html',
  xlsx: 'xlsx',
}

/** 2026-11-23T07:00:05.123Z → 20261123T070005Z. */
export function fileTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(/[-:]/g, '')
}

export interface OutputDirPlan {
  files: Array<{format: AuditFormat; file: string}>
  latest: string
}

export function outputDirPlan(dir: string, formats: readonly AuditFormat[], date: Date): OutputDirPlan {
  const stamp = fileTimestamp(date)
  return {
    files: [...new Set(formats)].map((format) => ({
      format,
      file: join(dir, `zoom-scope-audit-${stamp}.${FORMAT_EXTENSIONS[format]}`),
    })),
    latest: join(dir, LATEST_REPORT),
  }
}
