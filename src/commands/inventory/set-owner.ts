import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {exitCodes} from '../../cli/help-sections.js'
import {checkOutputPaths} from '../../cli/output-path.js'
import {writeFileAtomic} from '../../cli/write-file-atomic.js'
import {InputError} from '../../errors.js'
import {readTextFile} from '../../input/read-file.js'
import {loadInventory} from '../../inventory/load.js'
import {setOwner, type SetOwnerResult} from '../../inventory/set-owner.js'
import {inventoryFormatOf} from '../../inventory/write.js'

export interface SetOwnerSummary {
  file: string
  owner: string
  changes: SetOwnerResult['changes']
}

export default class InventorySetOwner extends BaseCommand {
  static summary = 'After a hand-over in the portal: write the new owner of some apps into the inventory.'
  static description = `Rewrites only the owner cells of the apps named with --app in a JSON or CSV inventory; every other byte of the file is kept (in CSV only the changed cell is re-quoted, and only if it must be). The file is replaced atomically (written whole or not at all, mode 0600), so next week's audit agrees with Zoom.

An --app the inventory does not list is refused (exit 2) and nothing is written. Reads nothing from Zoom. The file must be a plain file (not a link, FIFO or device).`
  static examples = [
    '<%= config.bin %> inventory set-owner --file apps.csv --app aRecArch01 --app aInsight13 --owner kim.it@acme.example',
    '<%= config.bin %> inventory set-owner --file apps.json --app aPhoneSy06 --owner uBob000005',
  ]
  static exitCodes = exitCodes({ok: 'The owners were written.', zoom: false})
  static flags = {
    file: Flags.string({description: 'The inventory to update (JSON or CSV).', required: true, helpValue: 'FILE'}),
    app: Flags.string({
      description: 'An app handed over (its app_id in the inventory). Repeatable.',
      required: true,
      multiple: true,
      helpValue: 'APP_ID',
    }),
    owner: Flags.string({
      description: 'The new owner: email or Zoom user id, as the inventory writes owners.',
      required: true,
      helpValue: 'USER2',
    }),
  }

  async run(): Promise<SetOwnerSummary> {
    const {flags} = await this.parse(InventorySetOwner)
    const format = inventoryFormatOf(flags.file)
    if (!format)
      throw new InputError(`--file must end in .json or .csv (got ${flags.file}).`, {code: 'usage', place: '--file'})
    await checkOutputPaths(flags, {outputs: ['file'], inputs: []})
    const inventory = await loadInventory(flags.file)
    const text = await readTextFile(flags.file, 'inventory')
    const result = setOwner({text, inventory, format, appIds: flags.app, owner: flags.owner, file: flags.file})
    await writeFileAtomic(flags.file, result.text)
    for (const c of result.changes)
      this.log(c.from === c.to ? `${c.id}: already ${c.to}` : `${c.id}: ${c.from || '(no owner)'} → ${c.to}`)
    return {file: flags.file, owner: flags.owner.trim(), changes: result.changes}
  }
}
