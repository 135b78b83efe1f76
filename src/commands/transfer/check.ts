import {Flags} from '@oclif/core'

import {accountFlags} from '../../cli/account-source.js'
import {loadAppUnderReview} from '../../cli/app-under-review.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {appFlag, colorFlag, inventoryFlag, liveNote, matrixFlags, scopesFlag} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {ExitCode} from '../../errors.js'
import {renderTransferCheck} from '../../report/transfer-text.js'
import {checkTransfer, type TransferCheckResult} from '../../transfer/check.js'

const RENDERERS: Renderers<TransferCheckResult> = {text: renderTransferCheck}

export default class TransferCheck extends BaseCommand {
  static summary =
    'Say, for each candidate new owner of an app, which scopes they would keep and which Zoom would deactivate.'
  static description = `A candidate is eligible when they are active and their role keeps every scope of the app that the privilege matrix maps. For each candidate: the scopes kept, the scopes lost with the privileges missing (in the web portal's words), and scopes no rule maps ("cannot tell": they count against nobody unless --strict). With --inventory, the app's current owner is shown beside the candidates and its mustKeep scopes are marked.

${liveNote}`
  static examples = [
    '<%= config.bin %> transfer check --app aRecArch01 --to marco.rossi@acme.example --snapshot examples/snapshot.json',
    '<%= config.bin %> transfer check --app aRecArch01 --to bob@example.com --to uKim000011 --inventory apps.csv',
    '<%= config.bin %> transfer check --app aRecArch01 --to bob@example.com --json && echo "safe to transfer"',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Every candidate keeps every mapped scope: safe to transfer.',
    findings:
      'A candidate would lose a scope, is not an active user of the account, or (with --strict) has a scope no rule maps: a script can refuse the transfer.',
    badInput: 'Bad input or usage: an app the account and inventory do not know, a bad file or flag.',
  })
  static flags = {
    app: appFlag({required: true}),
    to: Flags.string({
      description: 'A candidate new owner: email (any case) or Zoom user id. Repeatable.',
      required: true,
      multiple: true,
      helpValue: 'USER',
    }),
    inventory: inventoryFlag,
    scopes: scopesFlag,
    strict: Flags.boolean({
      description: 'Also refuse a candidate when a scope has no matrix rule (cannot tell whether they keep it).',
      default: false,
    }),
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<TransferCheckResult> {
    const {flags} = await this.parse(TransferCheck)
    // The candidates, and the current owner when the inventory names one.
    const {snapshot, matrix, app, entry} = await loadAppUnderReview(
      flags,
      (e) => ({refs: [...flags.to, ...(e?.owner.trim() ? [e.owner.trim()] : [])]}),
      (text) => this.note(text),
    )
    const ownerRef = entry?.owner.trim() || null

    const result = checkTransfer({snapshot, matrix, app, candidates: flags.to, ownerRef, strict: flags.strict})
    await this.present(result, RENDERERS, {color: flags.color})
    if (!result.allEligible) process.exitCode = ExitCode.findings
    return result
  }
}
