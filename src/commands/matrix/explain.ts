import {Args} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {colorFlag, matrixFlags} from '../../cli/flags.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {InputError} from '../../errors.js'
import {explainScope, type ScopeExplanation} from '../../matrix/explain.js'
import {renderExplanations} from '../../report/matrix-text.js'
import {createStyle, shouldColour} from '../../report/style.js'

export interface ExplainResult {
  matrix: {version: string; files: string[]}
  scopes: ScopeExplanation[]
}

export default class MatrixExplain extends BaseCommand {
  static summary = 'Show, for each scope, the rule that governs it and why.'
  static description = `Prints the winning rule (exact rule or pattern), the file it comes from, the role privileges it requires (with their portal labels), partial privileges, confidence and sources. A scope no rule matches is unmapped.\n\n${BaseCommand.exitCodesHelp}`
  static examples = ['<%= config.bin %> matrix explain meeting:write:admin meeting:read:meeting:admin', '<%= config.bin %> matrix explain user:read:admin --matrix our-rules.json --json']
  static strict = false
  static args = {scope: Args.string({description: 'OAuth scope(s) to explain', required: true})}
  static flags = {...matrixFlags, ...colorFlag}

  async run(): Promise<ExplainResult> {
    const {argv, flags} = await this.parse(MatrixExplain)
    const scopes = (argv as string[]).map((s) => s.trim()).filter((s) => s.length > 0)
    if (scopes.length === 0) throw new InputError('name at least one scope, e.g. "matrix explain meeting:write:admin".', {code: 'usage'})
    const matrix = await matrixFromFlags(flags)
    const result = {matrix: {version: matrix.version, files: matrix.files}, scopes: scopes.map((s) => explainScope(matrix, s))}
    if (!this.jsonEnabled()) this.log(renderExplanations(result.scopes, createStyle(shouldColour(process.stdout, flags.color))))
    return result
  }
}
