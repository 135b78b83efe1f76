import {Flags} from '@oclif/core'

import {runAudit} from '../audit/audit.js'
import {CONFIDENCE_ORDER, failsOn} from '../audit/fail-on.js'
import {filterReport, parseSeverities} from '../audit/filter.js'
import {FINDING_KINDS, type AuditReport} from '../audit/types.js'
import {accountFlags, connectLive, loadAccount} from '../cli/account-source.js'
import {BaseCommand, DEFAULT_WIDTH, type Renderers} from '../cli/base-command.js'
import {now} from '../cli/clock.js'
import {colorFlag, matrixFlags} from '../cli/flags.js'
import {exitCodes, SOURCE_DATE_EPOCH, zoomEnvironment} from '../cli/help-sections.js'
import {matrixFromFlags} from '../cli/matrix-from-flags.js'
import {checkOutputPaths} from '../cli/output-path.js'
import {assertJsonFile, resolveFormat} from '../cli/output-format.js'
import {writeFileAtomic} from '../cli/write-file-atomic.js'
import {ExitCode, InputError} from '../errors.js'
import {loadInventory} from '../inventory/load.js'
import {loadAcceptances, loadBaseline} from '../triage/load.js'
import {checkFormatCount, lastReport, planOutputDir} from '../cli/audit-outputs.js'
import {assertFreshEnough, liveMaxAgeNote, maxAgeFlag, maxAgeOf} from '../cli/max-age.js'
import {AUDIT_CSV_COLUMNS} from '../report/audit-csv.js'
import {triage} from '../triage/triage.js'
import {AUDIT_FORMAT_NAMES, isBinaryFormat, renderAudit} from '../report/audit-formats.js'
import {summaryLine} from '../report/audit-table.js'
import {createStyle} from '../report/style.js'
import {triageNotes} from '../report/triage-text.js'
import {snapshotText} from '../snapshot/serialise.js'

export default class Audit extends BaseCommand {
  static summary = 'Report every app whose owner lacks the role privileges its scopes need.'
  static description = `Reads the account (live from Zoom, or --snapshot FILE), the inventory (who owns each app) and the privilege matrix, and lists, worst first, each app at risk: which scopes Zoom would deactivate and which role privileges (in the web portal's words) the owner is missing.

A one-line summary goes to stderr; stdout carries only the report (--format or --json), so it can be piped or redirected. With --output FILE and no --format, the extension picks the format (.json, .csv, .md, .html, .xlsx; .txt is the table without colour).`
  static examples = [
    '<%= config.bin %> audit --snapshot examples/snapshot.json --inventory examples/inventory.json',
    '<%= config.bin %> audit --inventory apps.csv --format csv --output reports/audit.csv --fail-on high',
    '<%= config.bin %> audit --snapshot snap.json --inventory apps.json --json > audit.json',
    '<%= config.bin %> audit --inventory apps.csv --baseline last-week.json --new-only --accept accepted.json --fail-on low',
    '<%= config.bin %> audit --inventory apps.csv --output-dir reports --format csv --format markdown --compare-last --fail-on-new',
  ]
  static environment = zoomEnvironment(SOURCE_DATE_EPOCH)
  static exitCodes = exitCodes({
    ok: 'Ran; no finding at or above --fail-on (accepted and resolved findings, and with --new-only or --fail-on-new old ones, do not count).',
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
        'Report format (default: table, or what the --output extension names; xlsx is binary: --output FILE, or redirect stdout). Repeatable with --output-dir: one fetch, one file per format.',
      options: AUDIT_FORMAT_NAMES,
      multiple: true,
    })(),
    'output-dir': Flags.string({
      description:
        'Write zoom-scope-audit-<UTC time>.<ext> for each --format (json when none), then latest.json, the JSON report a later --compare-last compares with (0600, atomically).',
      helpValue: 'DIR',
      exclusive: ['output'],
    }),
    'csv-bom': Flags.boolean({
      description: `CSV: start with a UTF-8 byte-order mark, so Excel on Windows shows accented names as written. Columns: ${AUDIT_CSV_COLUMNS.join(', ')}.`,
    }),
    'max-age': maxAgeFlag,
    'save-snapshot': Flags.string({
      description: 'Live runs: also save what was fetched as a snapshot file (0600).',
      helpValue: 'FILE',
      exclusive: ['snapshot'],
    }),
    baseline: Flags.string({
      description:
        'A previous "audit --json" report: findings not in it are marked new; its findings that are gone are listed as resolved.',
      helpValue: 'FILE',
      exclusive: ['compare-last'],
    }),
    'compare-last': Flags.boolean({
      description:
        "With --output-dir: the baseline is the folder's latest.json (the previous run); on the first run every finding is new.",
    }),
    'new-only': Flags.boolean({
      description:
        'Report (and --fail-on) only findings that are new against the baseline; the summary still counts every finding.',
    }),
    'fail-on-new': Flags.boolean({
      description: 'The full report, but exit 1 only when a NEW finding is at or above --fail-on.',
    }),
    accept: Flags.string({
      description:
        'Accepted findings (JSON: {"accepted": [{"id" or "app"/"kind"/"scope", "reason", "by", "ticket", "until"}]}): set aside, never counted by --fail-on.',
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
    const formats = [...new Set(flags.format ?? [])]
    checkFormatCount({...flags, format: formats})
    const maxAge = maxAgeOf(flags['max-age'])
    if (maxAge && !flags.snapshot) this.note(liveMaxAgeNote(maxAge))
    const inputs = ['inventory', 'snapshot', 'matrix', 'baseline', 'accept']
    await checkOutputPaths(flags, {outputs: ['output', 'save-snapshot'], inputs})
    const clock = now()
    const outputDir = flags['output-dir']
      ? await planOutputDir(flags['output-dir'], formats, clock, flags, inputs)
      : undefined
    const format = resolveFormat(
      {format: formats[0], output: flags.output, json: this.jsonEnabled()},
      AUDIT_FORMAT_NAMES,
      'table',
    )
    if (!outputDir && isBinaryFormat(format) && !flags.output && process.stdout.isTTY) {
      throw new InputError(`--format ${format} is a binary file and stdout is a terminal.`, {
        code: 'binary_to_terminal',
        actions: ['Add --output FILE (or redirect stdout to a file).'],
      })
    }
    if (flags['save-snapshot']) assertJsonFile(flags['save-snapshot'], '--save-snapshot')
    const filter = {
      owner: flags.owner,
      apps: flags.app,
      severities: parseSeverities(flags.severity),
      kinds: flags.kind,
      newOnly: flags['new-only'] === true,
    }
    const note = (text: string) => this.note(text)
    // Live: the client is made and its token asked for while the files below load (no API call before they are).
    const connection = connectLive(flags, note)
    const matrix = await matrixFromFlags(flags)
    const inventory = await loadInventory(flags.inventory)
    // Read before anything is written: this run replaces latest.json.
    const lastFile = outputDir && flags['compare-last'] ? await lastReport(outputDir) : undefined
    const baseline = await loadBaseline(flags.baseline ?? lastFile)
    const acceptances = flags.accept ? await loadAcceptances(flags.accept) : undefined
    const {snapshot} = await loadAccount(flags, {inventory, users: 'owners', apps: 'all'}, note, connection)
    if (flags.snapshot && maxAge) assertFreshEnough(snapshot, flags.snapshot, maxAge, clock)
    if (flags['save-snapshot']) await writeFileAtomic(flags['save-snapshot'], snapshotText(snapshot))
    const audited = runAudit({snapshot, inventory, matrix, now: clock})
    audited.account.source = flags.snapshot ? 'snapshot' : 'zoom'
    const firstRun = outputDir !== undefined && flags['compare-last'] === true && lastFile === undefined
    if (firstRun)
      this.note(`Note: first run in ${flags['output-dir']}: no latest.json to compare with, so every finding is new.`)
    const triaged = triage(audited, {
      baseline: firstRun ? {file: outputDir.latest, findings: []} : baseline,
      acceptances,
      now: clock,
    })
    // Filters (and --new-only) narrow what is shown and what --fail-on counts (after triage, so acceptances are matched
    // in full).
    const report = filterReport(triaged.report, filter)
    for (const note of triageNotes(triaged, flags.accept)) this.note(note)

    // Every format, each given the matrix's portal labels and the CSV's byte-order mark besides the style and width.
    const extra = {label: (privilege: string) => matrix.label(privilege), csvBom: flags['csv-bom']}
    const renderers: Renderers<AuditReport> = Object.fromEntries(
      AUDIT_FORMAT_NAMES.map((name) => [
        name,
        (r: AuditReport, options) => renderAudit(name, r, {...options, ...extra}),
      ]),
    )
    let written = flags.output
    if (outputDir) {
      // One fetch, every file; latest.json last, so a run that fails half-way never becomes the next baseline.
      const options = {style: createStyle(false), width: DEFAULT_WIDTH, ...extra}
      for (const file of outputDir.files)
        await writeFileAtomic(file.file, await renderAudit(file.format, report, options))
      await writeFileAtomic(outputDir.latest, await renderAudit('json', report, options))
      written = outputDir.files.map((f) => f.file).join(', ')
      // --json still prints the report on stdout (oclif); nothing else goes there.
    } else {
      await this.present(report, renderers, {format, color: flags.color, output: flags.output})
    }
    process.stderr.write(`${summaryLine(report, {age: true})}${written ? ` → ${written}` : ''}\n`)

    const failOn = {severity: flags['fail-on'], confidence: flags['fail-on-confidence']}
    // --fail-on-new: the report keeps every finding, the exit code looks at the new ones only.
    const counted = flags['fail-on-new'] ? report.findings.filter((f) => f.new === true) : report.findings
    if (failsOn(counted, failOn)) process.exitCode = ExitCode.findings
    return report
  }
}
