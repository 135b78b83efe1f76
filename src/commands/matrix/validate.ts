import {Args, Flags} from '@oclif/core'

import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {colorFlag} from '../../cli/flags.js'
import {exitCodes} from '../../cli/help-sections.js'
import {ExitCode} from '../../errors.js'
import {validateMatrixFiles, type ValidationResult} from '../../matrix/validate-files.js'
import {renderValidation, validationSummaryLine} from '../../report/matrix-text.js'

const RENDERERS: Renderers<ValidationResult> = {text: (result, {style}) => renderValidation(result.files, style)}

export default class MatrixValidate extends BaseCommand {
  static summary = 'Check privilege-matrix files: schema, privilege names, scopes, duplicates, shadowed rules.'
  static description = `Errors (exit 2): not JSON, not the schema, malformed scopes or patterns, privilege names not of the form Resource:Read|Edit (a portal label such as "Users: View" is answered with the privilege to write, User:Read), duplicate rules in one file. Warnings (exit 0, listed): rules without sources, privileges without a label in any layer, rules shadowed or overlapped by others. Past 50 problems of a kind per file the listing says "and N more"; --json lists them all. Files are checked as layers over the built-in matrix, in the order given. Never talks to Zoom.`
  static examples = [
    '<%= config.bin %> matrix validate our-rules.json',
    '<%= config.bin %> matrix validate base.json team.json --no-builtin-matrix',
  ]
  static exitCodes = exitCodes({
    ok: 'Every file is valid (warnings, if any, are listed).',
    badInput: 'A file has errors (each is named with its file and place), or a flag is wrong.',
    zoom: false,
  })
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
    await this.present(result, RENDERERS, {color: flags.color})
    if (!result.valid) {
      if (!this.jsonEnabled()) process.stderr.write(`${validationSummaryLine(result.files)}\n`)
      process.exitCode = ExitCode.badInput
    }
    return result
  }
}
