import {Flags} from '@oclif/core'

import {runAudit} from '../audit/audit.js'
import {CONFIDENCE_ORDER, failsOn} from '../audit/fail-on.js'
import {filterReport, parseSeverities} from '../audit/filter.js'
import {FINDING_KINDS, type AuditReport} from '../audit/types.js'
import {accountFlags, loadAccount} from '../cli/account-source.js'
import {BaseCommand, type Renderers} from '../cli/base-command.js'
import {now} from '../cli/clock.js'
import {colorFlag, matrixFlags} from '../cli/flags.js'
import {exitCodes, SOURCE_DATE_EPOCH, zoomEnvironment} from '../cli/help-sections.js'
import {matrixFromFlags} from '../cli/matrix-from-flags.js'
import {checkOutputPaths} from '../cli/output-path.js'
import {assertJsonFile, resolveFormat} from '../cli/output-format.js'
import {writeFileAtomic} from '../cli/write-file-atomic.js'
import {ExitCode, InputError} from '../errors.js'
import {loadInventory} from '../inventory/load.js'
import {loadAcceptances, loadBaselineIds} from '../triage/load.js'
import {triage} from '../triage/triage.js'
import {AUDIT_FORMAT_NAMES, isBinaryFormat, renderAudit} from '../report/audit-formats.js'
import {summaryLine} from '../report/audit-table.js'
import {triageNotes} from '../report/triage-text.js'
import {serialiseSnapshot} from '../snapshot/serialise.js'

export default class Audit extends BaseCommand {
  static summary = 'Report every app whose owner lacks the role privileges its scopes need.'
  static description = `Reads the account (live from Zoom, or --snapshot FILE), the inventory (who owns each app) and the privilege matrix, and lists, worst first, each app at risk: which scopes Zoom would deactivate and which role privileges (in the web portal's words) the owner is missing.

A one-line summary goes to stderr; stdout carries only the report (--format or --json), so it can be piped or redirected. With --output FILE and no --format, the extension picks the format (.json, .csv, .md, .html, .xlsx; .txt is the table without colour).`
  static examples = [
    '<%= config.bin %> audit --snapshot examples/snapshot.json --inventory examples/inventory.json',
    '<%= config.bin %> audit --inventory apps.csv --format csv --output reports/audit.csv --fail-on high',
    '<%= config.bin %> audit --snapshot snap.json --inventory apps.json --json > audit.json',
    '<%= config.bin %> audit --inventory apps.csv --baseline last-week.json --new-only --accept accepted.json --fail-on low',
  ]
  static environment = zoomEnvironment(SOURCE_DATE_EPOCH)
  static exitCodes = exitCodes({
    ok: 'Ran; no finding at or above --fail-on (accepted findings, and with --new-only old ones, do not count).',
    findings: 'A finding at or above --fail-on (default medium), on a rule at least as sure as --fail-on-confidence.',
  })
  static flags = {
    ...accountFlags,
    inventory: Flags.string({
      description: 'Who owns each app: JSON, or CSV with app_id and owner columns.',
      required: true,
      helpValue: 'FILE',
    }),
    ...matrixFlags,
    format: Flags.option({
      description:
        'Report format (default: table, or what the --output extension names; xlsx is binary: --output FILE, or redirect stdout).',
      options: AUDIT_FORMAT_NAMES,
    })(),
    'save-snapshot': Flags.string({
      description: 'Live runs: also save what was fetched as a snapshot file (0600).',
      helpValue: 'FILE',
      exclusive: ['snapshot'],
    }),
    baseline: Flags.string({
      description: 'A previous "audit --json" report: findings not in it are marked new.',
      helpValue: 'FILE',
    }),
    'new-only': Flags.boolean({
      description: 'Report (and --fail-on) only findings that are new against --baseline.',
      dependsOn: ['baseline'],
    }),
    accept: Flags.string({
      description:
        'Accepted findings (JSON: {"accepted": [{"id", "reason", "until"}]}): set aside, not counted by --fail-on.',
      helpValue: 'FILE',
    }),
    output: Flags.string({
      description:
        'Write the report to FILE (created 0600, atomically; nothing written if the run fails); its extension picks the format unless --format says.',
      helpValue: 'FILE',
    }),
    'fail-on': Flags.option({
      description: 'Exit 1 when a finding is at or above this severity.',
      options: ['high', 'medium', 'low', 'none'] as const,
      default: 'medium',
    })(),
    'fail-on-confidence': Flags.option({
      description:
        "Count toward --fail-on only findings whose matrix rule is at least this sure: inferred (all, the default), manual (not inferred rules), documented (Zoom's data only). Findings on no rule always count.",
      options: CONFIDENCE_ORDER,
      default: 'inferred',
    })(),
    owner: Flags.string({description: 'Only apps this user owns (email or Zoom user id).', helpValue: 'USER'}),
    app: Flags.string({description: 'Only this app (repeatable).', multiple: true, helpValue: 'APP_ID'}),
    severity: Flags.string({
      description: 'Only findings of these severities (comma-separated: high,medium).',
      multiple: true,
      helpValue: 'LIST',
    }),
    kind: Flags.option({
      description: 'Only findings of this kind (repeatable).',
      multiple: true,
      options: FINDING_KINDS,
    })(),
    ...colorFlag,
  }

  async run(): Promise<AuditReport> {
    const {flags} = await this.parse(Audit)
    await checkOutputPaths(flags, {
      outputs: ['output', 'save-snapshot'],
      inputs: ['inventory', 'snapshot', 'matrix', 'baseline', 'accept'],
    })
    const format = resolveFormat(
      {format: flags.format, output: flags.output, json: this.jsonEnabled()},
      AUDIT_FORMAT_NAMES,
      'table',
    )
    if (isBinaryFormat(format) && !flags.output && process.stdout.isTTY) {
      throw new InputError(
        `--format ${format} is a binary file and stdout is a terminal: add --output FILE (or redirect stdout to a file).`,
        {code: 'binary_to_terminal'},
      )
    }
    if (flags['save-snapshot']) assertJsonFile(flags['save-snapshot'], '--save-snapshot')
    const filter = {
      owner: flags.owner,
      apps: flags.app,
      severities: parseSeverities(flags.severity),
      kinds: flags.kind,
    }
    const matrix = await matrixFromFlags(flags)
    const inventory = await loadInventory(flags.inventory)
    const {snapshot} = await loadAccount(flags, {inventory, users: 'owners', apps: 'all'})
    if (flags['save-snapshot']) await writeFileAtomic(flags['save-snapshot'], serialiseSnapshot(snapshot))
    const clock = now()
    const triaged = triage(runAudit({snapshot, inventory, matrix, now: clock}), {
      baselineIds: flags.baseline ? await loadBaselineIds(flags.baseline) : undefined,
      acceptances: flags.accept ? await loadAcceptances(flags.accept) : undefined,
      newOnly: flags['new-only'] === true,
      now: clock,
    })
    // Filters narrow what is shown and what --fail-on counts (after triage, so acceptances are matched in full).
    const report = filterReport(triaged.report, filter)
    for (const note of triageNotes(triaged, flags.accept)) this.note(note)

    // Every format, each given the matrix's portal labels besides the style and width.
    const label = (privilege: string) => matrix.label(privilege)
    const renderers: Renderers<AuditReport> = Object.fromEntries(
      AUDIT_FORMAT_NAMES.map((name) => [name, (r: AuditReport, options) => renderAudit(name, r, {...options, label})]),
    )
    await this.present(report, renderers, {format, color: flags.color, output: flags.output})
    process.stderr.write(`${summaryLine(report)}${flags.output ? ` → ${flags.output}` : ''}\n`)

    const failOn = {severity: flags['fail-on'], confidence: flags['fail-on-confidence']}
    if (failsOn(report.findings, failOn)) process.exitCode = ExitCode.findings
    return report
  }
}
