// `matrix validate`: every error of every file, then warnings about how the files layer over each other.
import {buildMatrix} from './matrix.js'
import type {Problem} from './file-problems.js'
import {layerWarnings} from './layer-problems.js'
import {inspectMatrixFile, layerFile, loadBuiltinMatrix} from './load.js'
import type {MatrixLayer} from './types.js'

export interface FileValidation {
  file: string
  valid: boolean
  errors: Problem[]
  warnings: Problem[]
}

export interface ValidationResult {
  valid: boolean
  files: FileValidation[]
}

export async function validateMatrixFiles(files: string[], options: {builtin: boolean}): Promise<ValidationResult> {
  const results: FileValidation[] = []
  const layers: MatrixLayer[] = options.builtin ? [await loadBuiltinMatrix()] : []
  for (const file of files) {
    const {layer, errors} = await inspectMatrixFile(layerFile(file), file, layers)
    results.push({file, valid: errors.length === 0, errors, warnings: []})
    if (layer) layers.push(layer)
  }
  const warnings = layerWarnings(buildMatrix(layers), new Set(files))
  for (const result of results) result.warnings = warnings.filter((w) => w.file === result.file)
  return {valid: results.every((r) => r.valid), files: results}
}
