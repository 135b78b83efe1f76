import {Flags} from '@oclif/core'

import {accountFlags, loadAccount} from '../../cli/account-source.js'
import {BaseCommand} from '../../cli/base-command.js'
import {appFlag, colorFlag, inventoryFlag, liveNote, matrixFlags, scopesFlag} from '../../cli/flags.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {InputError} from '../../errors.js'
import {loadInventory} from '../../inventory/load.js'
import {renderRolesSuggest} from '../../report/roles-text.js'
import {createStyle, shouldColour} from '../../report/style.js'
import {splitScopeList} from '../../matrix/scope.js'
import {suggestRoles, type RolesSuggestResult} from '../../roles/suggest.js'
import {resolveApp} from '../../transfer/app.js'

export default class RolesSuggest extends BaseCommand {
  static summary = "The least privileges an app's owner needs, and the existing roles that already cover them."
  static description = `From the app's scopes (--app, or --scopes alone) and the privilege matrix: each privilege the scopes require, which scopes need it, and whether it must be held account-wide (admin-level scopes) or a group-limited grant is enough. Privileges only some operations use ("partial") are listed apart; --partial counts them as needed. Then every role of the account that covers the set, least excess first, and the closest ones that do not: what to give a least-privileged owner role.

${liveNote}

${BaseCommand.exitCodesHelp}`
  static examples = [
    '<%= config.bin %> roles suggest --app aRecArch01 --snapshot examples/snapshot.json',
    '<%= config.bin %> roles suggest --scopes meeting:read:admin recording:read:admin --snapshot examples/snapshot.json --json',
  ]
  static flags = {
    app: appFlag(),
    scopes: scopesFlag,
    inventory: inventoryFlag,
    partial: Flags.boolean({description: 'Also require the privileges only some operations of a scope use.', default: false}),
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<RolesSuggestResult> {
    const {flags} = await this.parse(RolesSuggest)
    const scopes = splitScopeList(flags.scopes)
    if (!flags.app && scopes.length === 0) throw new InputError('give the app with --app APP_ID, or its scopes with --scopes.', {code: 'usage'})
    const matrix = await matrixFromFlags(flags)
    const inventory = flags.inventory ? await loadInventory(flags.inventory) : undefined
    const {snapshot} = await loadAccount(flags, {users: {refs: []}, apps: {ids: flags.app ? [flags.app] : []}})
    let app = null
    if (flags.app) {
      const resolved = resolveApp(snapshot, flags.app, {scopes, inventory, source: {snapshot: flags.snapshot}})
      if (resolved.flagScopesIgnored) process.stderr.write(`Note: --scopes ignored: the account shows ${resolved.app.name}'s own scopes.\n`)
      app = resolved.app
    }
    const result = suggestRoles(snapshot, matrix, {app, scopes: app?.scopes ?? scopes}, {partial: flags.partial})
    if (!this.jsonEnabled()) this.log(renderRolesSuggest(result, {style: createStyle(shouldColour(process.stdout, flags.color))}))
    return result
  }
}
