// The files triage reads: a previous report (its finding ids) and the accepted findings.
import type {AuditReport} from '../audit/types.js'
import {parseJson} from '../input/parse-json.js'
import {readTextFile} from '../input/read-file.js'
import {assertSchema} from '../input/schema-check.js'
import type {Acceptance} from './types.js'

export async function loadBaselineIds(file: string): Promise<Set<string>> {
  const report = assertSchema<AuditReport>(
    'report',
    parseJson(await readTextFile(file, 'baseline report'), file, 'baseline report'),
    file,
    'audit report (from audit --json)',
  )
  return new Set(report.findings.map((f) => f.id))
}

export async function loadAcceptances(file: string): Promise<Acceptance[]> {
  const document = parseJson(await readTextFile(file, 'accepted findings'), file, 'accepted findings')
  return assertSchema<{accepted: Acceptance[]}>('acceptances', document, file, 'accepted-findings file').accepted
}
