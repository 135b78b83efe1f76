import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {matrixFlags} from '../../cli/flags.js'
import {exitCodes} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import type {MatrixRule, PrivilegeInfo} from '../../matrix/types.js'
import {renderMatrixRules} from '../../report/matrix-text.js'

export interface ShowResult {
  version: string
  files: string[]
  privileges: Record<string, PrivilegeInfo>
  implies: Record<string, string[]>
  rules: Array<MatrixRule & {file: string}>
  /** Scopes a layer lists as unmapped, with its reason, that no rule of any layer governs. */
  unmapped: Record<string, string>
}

export default class MatrixShow extends BaseCommand {
  static summary = 'Print the effective matrix: the built-in and your layers, merged.'
  static description = `Rules with the same scope or pattern in several files appear once, from the file that wins. privileges, implies and unmapped are merged by key (later files win); unmapped keeps only the scopes no rule governs. Never talks to Zoom.`
  static examples = [
    '<%= config.bin %> matrix show --matrix our-rules.json',
    '<%= config.bin %> matrix show --json > effective-matrix.json',
  ]
  static exitCodes = exitCodes({ok: 'Printed the matrix.', zoom: false})
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
      // A layer (e.g. inferred) may rule scopes an earlier layer lists as unmapped: the rule is used, so they are not.
      unmapped: Object.fromEntries(
        Object.entries(matrix.unmapped).filter(([scope]) => matrix.resolve(scope).winner === null),
      ),
    }
    const renderers: Renderers<ShowResult> = {
      text: (r) =>
        renderMatrixRules(
          r.rules.map((rule) => ({...rule, partial: rule.partial ?? []})),
          `Matrix ${r.version} from ${r.files.join(', ') || '(no files)'}: ${r.rules.length} rules, ${Object.keys(r.unmapped).length} known-unmapped scopes.`,
        ),
    }
    await this.present(result, renderers)
    return result
  }
}
