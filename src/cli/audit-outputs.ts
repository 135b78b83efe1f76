// Where an audit's report goes: stdout or --output FILE in one format, or --output-dir DIR in every --format asked
// for (one fetch, several files) plus latest.json. Also which previous report it is compared with.
import {access} from 'node:fs/promises'

import {InputError} from '../errors.js'
import type {AuditFormat} from '../report/audit-formats.js'
import {checkOutputPaths, checkOutputTarget} from './output-path.js'
import {outputDirPlan, type OutputDirPlan} from './output-dir.js'

export interface AuditOutputFlags {
  format?: AuditFormat[] | undefined
  output?: string | undefined
  'output-dir'?: string | undefined
  baseline?: string | undefined
  'compare-last'?: boolean | undefined
  'fail-on-new'?: boolean | undefined
  'new-only'?: boolean | undefined
}

/** Several formats need a folder; one format goes to stdout or --output like before. */
export function checkFormatCount(flags: AuditOutputFlags): void {
  const formats = [...new Set(flags.format ?? [])]
  if (formats.length > 1 && flags['output-dir'] === undefined) {
    throw new InputError(
      `--format is given ${formats.length} times (${formats.join(', ')}): several formats are written to a folder, one file each.`,
      {
        code: 'usage',
        place: '--format',
        actions: [`Add --output-dir DIR${flags.output === undefined ? '' : ' instead of --output'}.`],
      },
    )
  }
  if (flags['compare-last'] && flags['output-dir'] === undefined) {
    throw new InputError('--compare-last compares with DIR/latest.json, and no --output-dir DIR is given.', {
      code: 'usage',
      place: '--compare-last',
      actions: ['Add --output-dir DIR.'],
    })
  }
  if ((flags['fail-on-new'] || flags['new-only']) && flags.baseline === undefined && !flags['compare-last']) {
    const flag = flags['fail-on-new'] ? '--fail-on-new' : '--new-only'
    throw new InputError(`${flag} needs a previous report.`, {
      code: 'usage',
      place: flag,
      actions: ['Add --baseline FILE, or --compare-last with --output-dir.'],
    })
  }
}

/**
 * The files of an --output-dir run, checked before anything is fetched with the same rules as --output (plain files
 * only, never an input, never through a link). latest.json may be this run's baseline: it is read before it is
 * replaced, so it is checked as an output only.
 */
export async function planOutputDir(
  dir: string,
  formats: AuditFormat[],
  date: Date,
  flags: Record<string, unknown>,
  inputs: string[],
): Promise<OutputDirPlan> {
  const plan = outputDirPlan(dir, formats.length > 0 ? formats : ['json'], date)
  await checkOutputPaths({...flags, 'output-dir': plan.files.map((f) => f.file)}, {outputs: ['output-dir'], inputs})
  await checkOutputTarget(plan.latest, '--output-dir')
  return plan
}

/** --compare-last: DIR/latest.json when a previous run left one; undefined on the first run. */
export async function lastReport(plan: OutputDirPlan): Promise<string | undefined> {
  return access(plan.latest).then(
    () => plan.latest,
    () => undefined,
  )
}
