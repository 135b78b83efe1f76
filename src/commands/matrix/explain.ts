import {Args, Flags} from '@oclif/core'

import {accountFlags, loadAccount} from '../../cli/account-source.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {colorFlag, matrixFlags} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {InputError} from '../../errors.js'
import {explainScope, type ScopeExplanation} from '../../matrix/explain.js'
import {loadClassicToGranular} from '../../migrate/map.js'
import {renderExplanations} from '../../report/matrix-text.js'
import {rolesHoldingScope} from '../../ownership/holding.js'

export interface ExplainResult {
  matrix: {version: string; files: string[]}
  /** With --snapshot or --live: the account whose roles are listed under each scope's `satisfiedBy`. */
  account?: {id: string; capturedAt: string}
  scopes: ScopeExplanation[]
}

const RENDERERS: Renderers<ExplainResult> = {text: (result, {style}) => renderExplanations(result.scopes, style)}

export default class MatrixExplain extends BaseCommand {
  static summary = 'Show, for each scope, the rule that governs it and why.'
  static description = `Prints the winning rule (exact rule or pattern), the file it comes from, the role privileges it requires (with their portal labels), partial privileges, confidence and sources. A scope no rule matches is unmapped. For a classic scope, also the granular scopes Zoom would assign in its place (see "migrate preview").

With --snapshot FILE or --live it also lists, for each mapped scope, the account's roles whose members could own an app with that scope (privileges held account-wide where the scope is admin-level). Without either flag it never contacts Zoom. --live reads only the roles (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).`
  static examples = [
    '<%= config.bin %> matrix explain meeting:write:admin meeting:read:meeting:admin',
    '<%= config.bin %> matrix explain user:read:admin --matrix our-rules.json --json',
    '<%= config.bin %> matrix explain recording:read:admin --snapshot examples/snapshot.json',
    '<%= config.bin %> matrix explain recording:read:admin --live',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Explained every scope (an unmapped or malformed scope is an answer, not an error).',
    zoom: 'With --live: Zoom API, authentication or network failure.',
  })
  static strict = false
  static args = {scope: Args.string({description: 'OAuth scope(s) to explain', required: true})}
  static flags = {
    ...matrixFlags,
    ...accountFlags,
    snapshot: Flags.string({
      description: "Also list the roles of this snapshot's account that satisfy each scope.",
      helpValue: 'FILE',
      exclusive: ['live'],
    }),
    live: Flags.boolean({
      description: 'Also list the roles of the live account (read from Zoom) that satisfy each scope.',
      default: false,
      exclusive: ['snapshot'],
    }),
    ...colorFlag,
  }

  async run(): Promise<ExplainResult> {
    const {argv, flags} = await this.parse(MatrixExplain)
    const scopes = (argv as string[]).map((s) => s.trim()).filter((s) => s.length > 0)
    if (scopes.length === 0)
      throw new InputError('no scope to explain.', {
        code: 'usage',
        actions: ['Name at least one, e.g. "matrix explain meeting:write:admin".'],
      })
    const matrix = await matrixFromFlags(flags)
    const classicMap = loadClassicToGranular()
    const result: ExplainResult = {
      matrix: {version: matrix.version, files: matrix.files},
      scopes: scopes.map((s) => explainScope(matrix, s, classicMap)),
    }
    // Only when asked: no silent live calls.
    if (flags.snapshot || flags.live) {
      const {snapshot} = await loadAccount(flags, {users: {refs: []}, apps: {ids: []}}, (text) => this.note(text))
      result.account = {id: snapshot.account.id, capturedAt: snapshot.capturedAt}
      for (const explanation of result.scopes) {
        if (explanation.matched !== null)
          explanation.satisfiedBy = rolesHoldingScope(matrix, snapshot.roles, explanation.scope)
      }
    }
    await this.present(result, RENDERERS, {color: flags.color})
    return result
  }
}
