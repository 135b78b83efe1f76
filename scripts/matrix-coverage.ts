// npm run matrix:coverage [-- --json]
// How every scope in Zoom's data (data/zoom/) is classified by the built-in matrix: per product and overall, and the
// 20 most common unmapped scopes. Exits 1 when a known scope is not classified or the committed matrix is stale.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'

import {DEFAULT_OUTPUT} from './generate-matrix.js'
import {buildMatrix} from './matrix/build.js'
import {computeCoverage, coverageMarkdown} from './matrix/coverage.js'
import {DEFAULT_DATA_DIR, loadZoomData} from './matrix/data.js'
import {formatJson} from './matrix/format.js'

const {values} = parseArgs({options: {json: {type: 'boolean'}, data: {type: 'string'}, top: {type: 'string'}}})
const data = loadZoomData(values.data ?? DEFAULT_DATA_DIR)
const result = buildMatrix(data)
const coverage = computeCoverage(data, result, Number(values.top ?? 20))

let stale: boolean
try {
  stale = readFileSync(DEFAULT_OUTPUT, 'utf8') !== formatJson(result.matrix)
} catch {
  stale = true
}

if (values.json) {
  const {topUnmapped, ...rest} = coverage
  process.stdout.write(
    `${JSON.stringify({...rest, topUnmapped: topUnmapped.map((e) => ({scope: e.scope, operations: e.operations.length, products: e.products, reason: e.reason})), stale}, null, 2)}\n`,
  )
} else {
  process.stdout.write(coverageMarkdown(coverage, result.matrix.version))
}
if (stale) process.stderr.write(`${DEFAULT_OUTPUT} is not what the data generates: run npm run matrix:generate\n`)
if (coverage.problems.length > 0 || stale) process.exitCode = 1
