import {Flags} from '@oclif/core'

import {liveFlags, loadAccount} from '../cli/account-source.js'
import {BaseCommand} from '../cli/base-command.js'
import {checkOutputPaths} from '../cli/output-path.js'
import {exitCodes, zoomEnvironment} from '../cli/help-sections.js'
import {assertJsonFile} from '../cli/output-format.js'
import {writeFileAtomic} from '../cli/write-file-atomic.js'
import {loadInventory} from '../inventory/load.js'
import {snapshotSummaryLine} from '../report/snapshot-text.js'
import {snapshotText} from '../snapshot/serialise.js'

export interface SnapshotResult {
  output: string
  users: number
  roles: number
  apps: number
  apiCalls: number
  seconds: number
}

export default class SnapshotCommand extends BaseCommand {
  static summary = 'Fetch the account from Zoom (read-only) and save it as a snapshot file.'
  static description = `Saves users of every status, roles with their privileges and group limits, and apps with their scopes — plus the inventory's apps the account's app list does not show. Later commands can read it with --snapshot FILE: fast, offline, and the same answer as a live run. The file holds emails: it is written with mode 0600.

Needs ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (a Server-to-Server OAuth app with read scopes; see the README). Only GET requests and the token POST are ever sent. The snapshot is JSON: an --output named .csv, .md, .txt, … is refused.`
  static examples = ['<%= config.bin %> snapshot --output snapshots/2026-11-23.json --inventory apps.csv']
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'The snapshot was written.',
    badInput:
      'Bad input or usage: an --output that is not a .json name, an inventory that is not its schema, a bad flag.',
  })
  static flags = {
    output: Flags.string({description: 'Where to write the snapshot (JSON).', required: true, helpValue: 'FILE'}),
    inventory: Flags.string({
      description: "Also fetch the inventory's apps that the account's app list does not return.",
      helpValue: 'FILE',
    }),
    ...liveFlags,
  }

  async run(): Promise<SnapshotResult> {
    const {flags} = await this.parse(SnapshotCommand)
    assertJsonFile(flags.output, '--output')
    await checkOutputPaths(flags, {outputs: ['output'], inputs: ['inventory']})
    const inventory = flags.inventory ? await loadInventory(flags.inventory) : undefined
    const {snapshot, client, seconds} = await loadAccount(flags, {inventory, users: 'all', apps: 'all'}, (text) =>
      this.note(text),
    )
    // Written piece by piece: the text of a large account is never in memory whole.
    await writeFileAtomic(flags.output, snapshotText(snapshot))
    const result = {
      output: flags.output,
      users: snapshot.users.length,
      roles: snapshot.roles.length,
      apps: snapshot.apps.length,
      apiCalls: client?.stats.apiCalls ?? 0,
      seconds: Math.round(seconds * 10) / 10,
    }
    process.stderr.write(`${snapshotSummaryLine(result)}\n`)
    return result
  }
}
