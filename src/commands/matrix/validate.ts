import {Args} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {colorFlag} from '../../cli/flags.js'
import {Flags} from '@oclif/core'
import {ExitCode} from '../../errors.js'
import {validateMatrixFiles, type ValidationResult} from '../../matrix/validate-files.js'
import {renderValidation, validationSummaryLine} from '../../report/matrix-text.js'
import {createStyle, shouldColour} from '../../report/style.js'

export default class MatrixValidate extends BaseCommand {
  static summary = 'Check privilege-matrix files: schema, privilege names, scopes, duplicates, shadowed rules.'
  static description = `Errors (exit 2): not JSON, not the schema, malformed scopes or patterns, privilege names not of the form Resource:Read|Edit (a portal label such as "Users: View" is answered with the privilege to write, User:Read), duplicate rules in one file. Warnings (exit 0, listed): rules without sources, privileges without a label in any layer, rules shadowed or overlapped by others. Past 50 problems of a kind per file the listing says "and N more"; --json lists them all. Files are checked as layers over the built-in matrix, in the order given.\n\n${BaseCommand.exitCodesHelp}`
  static examples = [
    '<%= config.bin %> matrix validate our-rules.json',
    '<%= config.bin %> matrix validate base.json team.json --no-builtin-matrix',
  ]
  static strict = false
  static args = {file: Args.string({description: 'matrix file(s) to check', required: true})}
  static flags = {
    'builtin-matrix': Flags.boolean({
      description: 'Check the files as layers over the built-in matrix.',
      allowNo: true,
      default: true,
    }),
    ...colorFlag,
  }

  async run(): Promise<ValidationResult> {
    const {argv, flags} = await this.parse(MatrixValidate)
    const result = await validateMatrixFiles(argv as string[], {builtin: flags['builtin-matrix']})
    if (!this.jsonEnabled())
      this.log(renderValidation(result.files, createStyle(shouldColour(process.stdout, flags.color))))
    if (!result.valid) {
      if (!this.jsonEnabled()) process.stderr.write(`${validationSummaryLine(result.files)}\n`)
      process.exitCode = ExitCode.badInput
    }
    return result
  }
}
