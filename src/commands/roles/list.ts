import {accountFlags, loadAccount} from '../../cli/account-source.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {colorFlag, liveNote} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {renderRolesList} from '../../report/roles-text.js'
import {listRoles, type RolesListResult} from '../../roles/list.js'

const RENDERERS: Renderers<RolesListResult> = {text: renderRolesList}

export default class RolesList extends BaseCommand {
  static summary = "List the account's roles: members, privileges, and how many are limited to some groups."
  static description = `MEMBERS counts users of every status, ACTIVE only active ones. GROUP-LIMITED counts privileges Zoom grants the role only for some user groups: such a privilege does not let an app owner keep an admin-level scope. Users whose role id is not among the account's roles are reported too.

${liveNote} Live, it lists users of every status (one call per 300 users and status) and reads each role.`
  static examples = [
    '<%= config.bin %> roles list --snapshot examples/snapshot.json',
    '<%= config.bin %> roles list --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({ok: 'Listed the roles.'})
  static flags = {...accountFlags, ...colorFlag}

  async run(): Promise<RolesListResult> {
    const {flags} = await this.parse(RolesList)
    const {snapshot} = await loadAccount(flags, {users: 'all', apps: {ids: []}}, (text) => this.note(text))
    const result = listRoles(snapshot)
    await this.present(result, RENDERERS, {color: flags.color})
    return result
  }
}
