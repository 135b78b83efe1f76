// The effective matrix for a command's --matrix / --no-builtin-matrix flags.
import {buildMatrix, type Matrix} from '../matrix/matrix.js'
import {loadMatrixLayers} from '../matrix/load.js'

export async function matrixFromFlags(flags: {matrix?: string[]; 'builtin-matrix': boolean}): Promise<Matrix> {
  return buildMatrix(await loadMatrixLayers({files: flags.matrix ?? [], builtin: flags['builtin-matrix']}))
}
