import {BaseCommand} from '../../cli/base-command.js'
import {matrixFlags} from '../../cli/flags.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import type {MatrixRule, PrivilegeInfo} from '../../matrix/types.js'
import {renderMatrixRules} from '../../report/matrix-text.js'

export interface ShowResult {
  version: string
  files: string[]
  privileges: Record<string, PrivilegeInfo>
  implies: Record<string, string[]>
  rules: Array<MatrixRule & {file: string}>
  unmapped: Record<string, string>
}

export default class MatrixShow extends BaseCommand {
  static summary = 'Print the effective matrix: the built-in and your layers, merged.'
  static description = `Rules with the same scope or pattern in several files appear once, from the file that wins. privileges, implies and unmapped are merged by key (later files win).\n\n${BaseCommand.exitCodesHelp}`
  static examples = [
    '<%= config.bin %> matrix show --matrix our-rules.json',
    '<%= config.bin %> matrix show --json > effective-matrix.json',
  ]
  static flags = {...matrixFlags}

  async run(): Promise<ShowResult> {
    const {flags} = await this.parse(MatrixShow)
    const matrix = await matrixFromFlags(flags)
    const result: ShowResult = {
      version: matrix.version,
      files: matrix.files,
      privileges: matrix.privileges,
      implies: matrix.implies,
      rules: matrix.rules.map((r) => ({...r.rule, file: r.file})),
      unmapped: matrix.unmapped,
    }
    if (!this.jsonEnabled()) {
      // A layer (e.g. inferred) may rule scopes an earlier layer lists as unmapped: count only those still without a rule.
      const stillUnmapped = Object.keys(result.unmapped).filter((scope) => matrix.resolve(scope).winner === null).length
      const header = `Matrix ${result.version} from ${result.files.join(', ') || '(no files)'}: ${result.rules.length} rules, ${stillUnmapped} known-unmapped scopes.`
      this.log(
        renderMatrixRules(
          result.rules.map((r) => ({...r, partial: r.partial ?? []})),
          header,
        ),
      )
    }
    return result
  }
}
