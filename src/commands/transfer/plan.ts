import {Flags} from '@oclif/core'

import {accountFlags} from '../../cli/account-source.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {colorFlag, liveNote, matrixFlags} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {loadOffboardingAccount} from '../../cli/offboarding-account.js'
import {ExitCode} from '../../errors.js'
import {loadInventory} from '../../inventory/load.js'
import {renderPlanMarkdown} from '../../report/transfer-plan-markdown.js'
import {renderPlanTable} from '../../report/transfer-plan-table.js'
import {planTransfer, type TransferPlan} from '../../transfer/plan.js'

const RENDERERS: Renderers<TransferPlan> = {
  table: renderPlanTable,
  markdown: (plan) => renderPlanMarkdown(plan).trimEnd(),
}

export default class TransferPlanCommand extends BaseCommand {
  static summary = 'Plan the hand-over of every app a leaving person owns: who could take each one, and who to pick.'
  static description = `For each app the inventory says USER owns: the active users who could own it with no scope deactivated, least excess privilege first (the same rule and order as "transfer candidates"), the suggested one (not USER), and, when nobody qualifies, why and which roles come closest. The account owner — to whom Zoom hands a removed user's apps — is always checked and marked. USER's own status is shown: a deactivated user still owns apps.

With --to USER2: also checks handing every app to USER2, app by app, as "transfer check" does.

Live, it reads the active users, the roles and each of USER's apps once (plus USER when no longer active).

${liveNote}`
  static examples = [
    '<%= config.bin %> transfer plan --from priya.nair@acme.example --inventory examples/inventory.json --snapshot examples/snapshot.json',
    '<%= config.bin %> transfer plan --from uDana00003 --to marco.rossi@acme.example --inventory apps.csv',
    '<%= config.bin %> transfer plan --from dana@example.com --inventory apps.csv --format markdown > ticket.md',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Every app of USER has an eligible new owner (with --to: USER2 keeps every scope of every app).',
    findings:
      'Some app has no eligible candidate (with --to: USER2 would lose a scope on some app): an offboarding script can refuse.',
    badInput: 'Bad input or usage: USER unknown and owning nothing in the inventory, a bad file or flag.',
  })
  static flags = {
    from: Flags.string({
      description: 'The person leaving: email (any case) or Zoom user id.',
      required: true,
      helpValue: 'USER',
    }),
    to: Flags.string({
      description: 'Check handing every app to this one person (email or Zoom user id).',
      helpValue: 'USER2',
    }),
    inventory: Flags.string({
      description: 'Who owns each app (JSON or CSV): the apps of --from are the ones it names them owner of.',
      required: true,
      helpValue: 'FILE',
    }),
    format: Flags.option({
      description: 'Output format (--json for JSON).',
      options: ['table', 'markdown'] as const,
      default: 'table',
    })(),
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<TransferPlan> {
    const {flags} = await this.parse(TransferPlanCommand)
    const matrix = await matrixFromFlags(flags)
    const inventory = await loadInventory(flags.inventory)
    const snapshot = await loadOffboardingAccount(flags, inventory, flags.from, (text) => this.note(text))
    const plan = planTransfer({
      snapshot,
      matrix,
      inventory,
      from: flags.from,
      ...(flags.to ? {to: flags.to} : {}),
      source: {snapshot: flags.snapshot},
    })
    await this.present(plan, RENDERERS, {format: flags.format, color: flags.color})
    if (!plan.summary.ready) process.exitCode = ExitCode.findings
    return plan
  }
}
