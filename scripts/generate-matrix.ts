// npm run matrix:generate [-- --output <file>] [-- --inferred-output <file>] [-- --data <dir>]
// Writes the built-in privilege matrix (data/builtin-matrix.json) and the opt-in inferred layer
// (data/inferred-matrix.json, scripts/matrix/inferred.ts) from the Zoom facts in data/zoom/.
// See scripts/matrix/build.ts for the rules and scripts/matrix/normalize.ts for every change made to Zoom's strings.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {buildBuiltinMatrix} from './matrix/build.js'
import {DEFAULT_DATA_DIR, loadZoomData} from './matrix/data.js'
import {formatJson} from './matrix/format.js'
import {buildInferredMatrix, loadRequirements} from './matrix/inferred.js'
import {NORMALISATIONS} from './matrix/normalize.js'

export const DEFAULT_OUTPUT = fileURLToPath(new URL('../data/builtin-matrix.json', import.meta.url))
export const DEFAULT_INFERRED_OUTPUT = fileURLToPath(new URL('../data/inferred-matrix.json', import.meta.url))

/** The matrix file's exact text for the data in `dataDir`. */
export function generateMatrixText(dataDir: string = DEFAULT_DATA_DIR): string {
  return formatJson(buildBuiltinMatrix(loadZoomData(dataDir)).matrix)
}

/** The inferred layer's exact text for the data in `dataDir`. */
export function generateInferredText(dataDir: string = DEFAULT_DATA_DIR): string {
  const data = loadZoomData(dataDir)
  return formatJson(buildInferredMatrix(data, buildBuiltinMatrix(data), loadRequirements(dataDir)).matrix)
}

function main(): void {
  const {values} = parseArgs({
    options: {
      output: {type: 'string', short: 'o'},
      'inferred-output': {type: 'string'},
      data: {type: 'string'},
      quiet: {type: 'boolean', short: 'q'},
    },
  })
  const output = values.output ?? DEFAULT_OUTPUT
  const dataDir = values.data ?? DEFAULT_DATA_DIR
  const data = loadZoomData(dataDir)
  const built = buildBuiltinMatrix(data)
  const {matrix, scopes} = built
  writeFileSync(output, formatJson(matrix))
  // With only --output, the layer goes beside it: a run aimed at a temporary folder never writes into data/.
  const inferredOutput =
    values['inferred-output'] ??
    (values.output ? join(dirname(values.output), 'inferred-matrix.json') : DEFAULT_INFERRED_OUTPUT)
  const inferred = buildInferredMatrix(data, built, loadRequirements(dataDir)).matrix
  writeFileSync(inferredOutput, formatJson(inferred))
  if (!values.quiet) {
    const counts = new Map<string, number>()
    for (const entry of scopes.values()) counts.set(entry.class, (counts.get(entry.class) ?? 0) + 1)
    const summary = [...counts.entries()]
      .sort()
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')
    process.stderr.write(
      `wrote ${output}: ${matrix.rules.length} rules, ${Object.keys(matrix.unmapped ?? {}).length} unmapped (${summary})\n`,
    )
    process.stderr.write(`wrote ${inferredOutput}: ${inferred.rules.length} inferred rules (opt-in layer)\n`)
    process.stderr.write(
      `normalisations applied to Zoom's data:\n${NORMALISATIONS.map((n) => `  - ${n}`).join('\n')}\n`,
    )
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
