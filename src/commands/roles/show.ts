import {Args} from '@oclif/core'

import {accountFlags, loadAccount} from '../../cli/account-source.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {colorFlag, inventoryFlag, liveNote, matrixFlags} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {loadInventory} from '../../inventory/load.js'
import {renderRoleShow} from '../../report/roles-text.js'
import {showRole, type RoleShowResult} from '../../roles/show.js'

const RENDERERS: Renderers<RoleShowResult> = {text: renderRoleShow}

export default class RolesShow extends BaseCommand {
  static summary = "Show a role's privileges (portal labels, group limits) and which apps its members could own."
  static description = `ROLE is the role's id or its name (any case). Privileges Zoom limits to some groups are marked with their group ids: they do not cover admin-level scopes. For each app — the inventory's with --inventory, else every app of the account — whether a member of the role would keep all its mapped scopes, and if not which scopes would be lost and why.

${liveNote}`
  static examples = [
    '<%= config.bin %> roles show "IT Lead" --snapshot examples/snapshot.json --inventory examples/inventory.json',
    '<%= config.bin %> roles show Rk2P9sW4TfqY3mB7cD5eHg --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Showed the role (apps its members would not fully keep are listed, not an error).',
    badInput: 'Bad input or usage: no role with that id or name, a bad file or flag.',
  })
  static args = {role: Args.string({description: "The role's id or name", required: true})}
  static flags = {inventory: inventoryFlag, ...accountFlags, ...matrixFlags, ...colorFlag}

  async run(): Promise<RoleShowResult> {
    const {args, flags} = await this.parse(RolesShow)
    const matrix = await matrixFromFlags(flags)
    const inventory = flags.inventory ? await loadInventory(flags.inventory) : undefined
    const {snapshot} = await loadAccount(
      flags,
      {
        users: {refs: []},
        apps: inventory ? {ids: inventory.apps.map((a) => a.id)} : 'all',
      },
      (text) => this.note(text),
    )
    const result = showRole(snapshot, matrix, args.role, inventory)
    await this.present(result, RENDERERS, {color: flags.color})
    return result
  }
}
