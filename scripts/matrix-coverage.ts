// npm run matrix:coverage [-- --json]
// How every scope in Zoom's data (data/zoom/) is classified by the built-in matrix: per product and overall, and the
// 20 most common unmapped scopes; then admin/master coverage without and with the opt-in inferred layer. Exits 1 when
// a known scope is not classified or a committed matrix file (built-in or inferred) is stale.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'

import {DEFAULT_INFERRED_OUTPUT, DEFAULT_OUTPUT} from './generate-matrix.js'
import {buildBuiltinMatrix} from './matrix/build.js'
import {computeCoverage, coverageMarkdown, layerCoverage, layerCoverageMarkdown} from './matrix/coverage.js'
import {DEFAULT_DATA_DIR, loadZoomData} from './matrix/data.js'
import {formatJson} from './matrix/format.js'
import {buildInferredMatrix, loadRequirements} from './matrix/inferred.js'

const {values} = parseArgs({options: {json: {type: 'boolean'}, data: {type: 'string'}, top: {type: 'string'}}})
const dataDir = values.data ?? DEFAULT_DATA_DIR
const data = loadZoomData(dataDir)
const result = buildBuiltinMatrix(data)
const coverage = computeCoverage(data, result, Number(values.top ?? 20))
const inferred = buildInferredMatrix(data, result, loadRequirements(dataDir))
const withLayer = layerCoverage(result, inferred.families)

const staleFiles = [
  [DEFAULT_OUTPUT, formatJson(result.matrix)],
  [DEFAULT_INFERRED_OUTPUT, formatJson(inferred.matrix)],
]
  .filter(([file, text]) => {
    try {
      return readFileSync(file as string, 'utf8') !== text
    } catch {
      return true
    }
  })
  .map(([file]) => file as string)
const stale = staleFiles.length > 0

if (values.json) {
  const {topUnmapped, ...rest} = coverage
  process.stdout.write(
    `${JSON.stringify({...rest, topUnmapped: topUnmapped.map((e) => ({scope: e.scope, operations: e.operations.length, products: e.products, reason: e.reason})), inferredLayer: withLayer, stale}, null, 2)}\n`,
  )
} else {
  process.stdout.write(`${coverageMarkdown(coverage, result.matrix.version)}\n${layerCoverageMarkdown(withLayer)}`)
}
for (const file of staleFiles)
  process.stderr.write(`${file} is not what the data generates: run npm run matrix:generate\n`)
if (coverage.problems.length > 0 || stale) process.exitCode = 1
