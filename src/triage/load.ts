// The files triage reads: a previous report (its findings) and the accepted findings.
import {InputError} from '../errors.js'
import {parseJson} from '../input/parse-json.js'
import {readTextFile} from '../input/read-file.js'
import {assertSchema} from '../input/schema-check.js'
import type {Acceptance, Baseline} from './types.js'

export async function loadBaseline(file: string | undefined): Promise<Baseline | undefined> {
  if (file === undefined) return undefined
  const document = parseJson(await readTextFile(file, 'baseline report'), file, 'baseline report')
  // Another version's report would compare ids that may mean something else: refuse it by name, before the schema.
  const version = (document as {schemaVersion?: unknown} | null)?.schemaVersion
  if (typeof document === 'object' && document !== null && version !== undefined && version !== 1) {
    throw new InputError(
      `${file}: the baseline report has schemaVersion ${JSON.stringify(version)}; this version of zoom-scope-audit reads schemaVersion 1.`,
      {
        code: 'baseline_version',
        file,
        place: '/schemaVersion',
        actions: ['Run the audit again with --json to make a new baseline.'],
      },
    )
  }
  const report = assertSchema('report', document, file, 'audit report (from audit --json)')
  return {file, findings: [...report.findings, ...(report.accepted ?? []).map((a) => a.finding)]}
}

export async function loadAcceptances(file: string): Promise<Acceptance[]> {
  const document = parseJson(await readTextFile(file, 'accepted findings'), file, 'accepted findings')
  const {accepted} = assertSchema('acceptances', document, file, 'accepted-findings file')
  const aimless = accepted.findIndex((a) => [a.id, a.app, a.kind, a.scope].every((field) => field === undefined))
  if (aimless >= 0) {
    throw new InputError(`${file}: /accepted/${aimless} says what it accepts nowhere.`, {
      code: 'schema_invalid',
      file,
      place: `/accepted/${aimless}`,
      actions: ['Give an "id", or one or more of "app", "kind", "scope".'],
    })
  }
  return accepted
}
