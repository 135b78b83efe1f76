import {Flags} from '@oclif/core'

import {accountFlags} from '../../cli/account-source.js'
import {loadAppUnderReview} from '../../cli/app-under-review.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {appFlag, colorFlag, inventoryFlag, liveNote, matrixFlags, scopesFlag} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {InputError} from '../../errors.js'
import {renderRolesSuggest} from '../../report/roles-text.js'
import {splitScopeList} from '../../matrix/scope.js'
import {suggestRoles, type RolesSuggestResult} from '../../roles/suggest.js'

const RENDERERS: Renderers<RolesSuggestResult> = {text: renderRolesSuggest}

export default class RolesSuggest extends BaseCommand {
  static summary = "The least privileges an app's owner needs, and the existing roles that already cover them."
  static description = `From the app's scopes (--app, or --scopes alone) and the privilege matrix: each privilege the scopes require, which scopes need it, and whether it must be held account-wide (admin-level scopes) or a group-limited grant is enough. Privileges only some operations use ("partial") are listed apart; --partial counts them as needed. Then every role of the account that covers the set, least excess first, and the closest ones that do not: what to give a least-privileged owner role.

${liveNote}`
  static examples = [
    '<%= config.bin %> roles suggest --app aRecArch01 --snapshot examples/snapshot.json',
    '<%= config.bin %> roles suggest --scopes meeting:read:admin recording:read:admin --snapshot examples/snapshot.json --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Listed the privileges and the roles (also when no role covers them).',
    badInput:
      'Bad input or usage: neither --app nor --scopes, an app the account and inventory do not know, a bad file.',
  })
  static flags = {
    app: appFlag(),
    scopes: scopesFlag,
    inventory: inventoryFlag,
    partial: Flags.boolean({
      description: 'Also require the privileges only some operations of a scope use.',
      default: false,
    }),
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<RolesSuggestResult> {
    const {flags} = await this.parse(RolesSuggest)
    if (!flags.app && splitScopeList(flags.scopes).length === 0)
      throw new InputError('nothing to suggest roles for: neither --app nor --scopes is given.', {
        code: 'usage',
        actions: ['Give the app with --app APP_ID, or its scopes with --scopes.'],
      })
    const {snapshot, matrix, app, flagScopes} = await loadAppUnderReview(
      flags,
      () => ({refs: []}),
      (text) => this.note(text),
    )
    const result = suggestRoles(snapshot, matrix, {app, scopes: app?.scopes ?? flagScopes}, {partial: flags.partial})
    await this.present(result, RENDERERS, {color: flags.color})
    return result
  }
}
