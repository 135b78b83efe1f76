import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {matrixFlags} from '../../cli/flags.js'
import {exitCodes} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {listPrivileges, type PrivilegeListing} from '../../matrix/privileges.js'
import {renderPrivileges} from '../../report/matrix-text.js'

export interface PrivilegesResult {
  matrix: {version: string; files: string[]}
  privileges: PrivilegeListing[]
}

const RENDERERS: Renderers<PrivilegesResult> = {text: (result) => renderPrivileges(result.privileges)}

export default class MatrixPrivileges extends BaseCommand {
  static summary = 'List every role privilege the matrix knows, with its portal label and section.'
  static description = `The names to write in a rule's requires / partial lists (User:Read, not "Users: View"), next to what Zoom's web portal calls them (Role Management → a role → its section → the label) and how many rules require each. Labels marked "derived" were made from the privilege name, not confirmed in the portal. Never contacts Zoom.`
  static examples = [
    '<%= config.bin %> matrix privileges',
    '<%= config.bin %> matrix privileges --matrix our-rules.json --json',
  ]
  static exitCodes = exitCodes({ok: 'Listed the privileges.', zoom: false})
  static flags = {...matrixFlags}

  async run(): Promise<PrivilegesResult> {
    const {flags} = await this.parse(MatrixPrivileges)
    const matrix = await matrixFromFlags(flags)
    const result: PrivilegesResult = {
      matrix: {version: matrix.version, files: matrix.files},
      privileges: listPrivileges(matrix),
    }
    await this.present(result, RENDERERS)
    return result
  }
}
