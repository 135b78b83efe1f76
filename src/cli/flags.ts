// Flag groups that several commands share, so each means the same everywhere.
import {Flags} from '@oclif/core'

export const matrixFlags = {
  matrix: Flags.string({
    description: 'A privilege-matrix file layered over the built-in one (repeatable; later files win between equals).',
    multiple: true,
    helpValue: 'FILE',
  }),
  'builtin-matrix': Flags.boolean({
    description: 'Use the built-in matrix (its rules, privilege labels and implies). --no-builtin-matrix drops it.',
    allowNo: true,
    default: true,
  }),
}

export const colorFlag = {
  color: Flags.boolean({
    description: 'Colour the table (only on a terminal; NO_COLOR also turns it off).',
    allowNo: true,
    default: true,
  }),
}
