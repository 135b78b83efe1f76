import {realpath, stat} from 'node:fs/promises'
import {resolve} from 'node:path'

import {Flags} from '@oclif/core'

import {accountFlags, loadAccount} from '../../cli/account-source.js'
import {BaseCommand} from '../../cli/base-command.js'
import {checkOutputPaths} from '../../cli/output-path.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {writeFileAtomic} from '../../cli/write-file-atomic.js'
import {inventoryInitNotes, type InventoryInitFacts} from '../../report/inventory-text.js'
import {InputError} from '../../errors.js'
import {loadInventory} from '../../inventory/load.js'
import {inventoryTemplate, mergeInventory} from '../../inventory/template.js'
import type {Inventory} from '../../inventory/types.js'
import {inventoryFormatOf, renderInventory, type InventoryFormat} from '../../inventory/write.js'

export interface InventoryInitResult extends InventoryInitFacts {
  format: InventoryFormat
}

export default class InventoryInit extends BaseCommand {
  static summary = "Write an inventory template from the account's apps, for you to fill in the owners."
  static description = `Lists the apps your account created (id, name, scopes; live from Zoom, or --snapshot FILE) into a JSON or CSV inventory (by the --output extension) with an empty owner for each. Fill in the owners (email or Zoom user id), then run \`audit --inventory FILE\`; apps whose owner is still empty are reported as owner-unknown.

With --merge EXISTING (JSON or CSV), the owners, names and must-keep scopes already filled in are kept, every app's scopes are refreshed from the account, and new apps are added at the end. Apps the account no longer shows are kept as they were (and named on stderr): the audit will report them as app-not-found.

Reads no users. The file is written whole or not at all, with mode 0600. An existing --output is only replaced when it is the --merge file, or with --force.`
  static examples = [
    '<%= config.bin %> inventory init --output apps.csv',
    '<%= config.bin %> inventory init --merge apps.csv --output apps.csv',
    '<%= config.bin %> inventory init --snapshot snap.json --output apps.json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'The inventory was written.',
    badInput:
      'Bad input or usage: --output not .json or .csv, or it exists (without --force or --merge of it); a bad --merge file or flag.',
  })
  static flags = {
    ...accountFlags,
    output: Flags.string({
      description: 'Where to write the inventory: FILE.json or FILE.csv.',
      required: true,
      helpValue: 'FILE',
    }),
    merge: Flags.string({
      description: 'Start from this inventory (JSON or CSV): keep its owners, add new apps.',
      helpValue: 'EXISTING',
    }),
    force: Flags.boolean({
      description: 'Replace --output if it exists (it is replaced without this flag only when it is the --merge file).',
      default: false,
    }),
  }

  async run(): Promise<InventoryInitResult> {
    const {flags} = await this.parse(InventoryInit)
    await checkOutputPaths(flags, {outputs: ['output'], inputs: ['snapshot']}) // --merge may be --output: it updates it
    const output = flags.output
    const format = inventoryFormatOf(output)
    if (!format) {
      throw new InputError(`--output must end in .json or .csv (got ${output}).`, {code: 'usage', place: '--output'})
    }
    const existing: Inventory | undefined = flags.merge ? await loadInventory(flags.merge) : undefined
    if (!flags.force && (await exists(output)) && !(flags.merge && (await sameFile(output, flags.merge)))) {
      throw new InputError(`${output} already exists.`, {
        code: 'output_exists',
        file: output,
        actions: [`Give --force to replace it, or --merge ${output} to update it keeping its owners.`],
      })
    }

    // The account's apps only: no user is read; the existing inventory's apps that the app list does not show are
    // looked up by id, as the audit would.
    const {snapshot, client, seconds} = await loadAccount(
      flags,
      {
        ...(existing ? {inventory: existing} : {}),
        users: {refs: []},
        apps: 'all',
        roles: false,
      },
      (text) => this.note(text),
    )
    const template = existing ? mergeInventory(existing, snapshot.apps) : inventoryTemplate(snapshot.apps)
    await writeFileAtomic(output, renderInventory(template.inventory, format))

    const result: InventoryInitResult = {
      output,
      format,
      apps: template.inventory.apps.length,
      added: template.added,
      kept: template.kept,
      gone: template.gone,
      ownersMissing: template.ownersMissing,
      apiCalls: client?.stats.apiCalls ?? 0,
      seconds: Math.round(seconds * 10) / 10,
    }
    for (const note of inventoryInitNotes(result, flags.merge)) this.note(note)
    return result
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true
  try {
    return (await realpath(a)) === (await realpath(b))
  } catch {
    return false
  }
}
