// Run by `npm run build`, after tsc: compiles JSON Schemas into standalone validator code (ajv's "standalone" mode),
// so commands validate without loading and running ajv's compiler at start-up:
// - every schema of schemas/ (the documents users give) → dist/input/validators.js, used by src/input/schema-check.ts;
// - the schemas of Zoom's answers (src/zoom/answers/schemas.ts, read from tsc's output) →
//   dist/zoom/answers/validators.js, used by src/zoom/answers/check.ts.
// Both fall back to compiling at run time when their file is absent (tests run from src/). Same ajv options in both
// places: the answers are identical.
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath, URL} from 'node:url'

import {Ajv} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import {_} from 'ajv/dist/compile/codegen/index.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'
import {build} from 'esbuild'

const schemas = new URL('../schemas/', import.meta.url)
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  code: {source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats`},
})
addFormats.default(ajv)
const exports = {}
for (const file of readdirSync(schemas)
  .filter((name) => name.endsWith('.schema.json'))
  .sort()) {
  const name = file.replace(/\.schema\.json$/, '')
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, schemas), 'utf8')), name)
  exports[name.replace(/-/g, '_')] = name
}
await writeStandalone(ajv, exports, '../dist/input/validators.js')

// Zoom's answers: the options of src/zoom/answers/check.ts (first error only; verbose, for the data and schema that
// its messages quote). The schemas are ours and checked against the meta-schema by the tests.
const {ANSWER_SCHEMAS, answerValidatorName} = await import('../dist/zoom/answers/schemas.js')
const ANSWER_OPTIONS = {allErrors: false, strict: true, verbose: true, validateSchema: false}
const answers = new Ajv({...ANSWER_OPTIONS, code: {source: true, esm: true}})
const answerExports = {}
for (const [endpoint, schema] of Object.entries(ANSWER_SCHEMAS)) {
  const name = answerValidatorName(endpoint)
  if (name in answerExports) throw new Error(`build-validators: two endpoints' validators are both named ${name}`)
  answers.addSchema(schema, name)
  answerExports[name] = name
}
await writeStandalone(answers, answerExports, '../dist/zoom/answers/validators.js')

/**
 * The generated code require()s ajv's runtime helpers (and ajv-formats' formats): esbuild puts those (a few KB) in the
 * file, so loading the validators is one file, not a walk through node_modules for CommonJS packages.
 */
async function writeStandalone(compiler, names, outfile) {
  await build({
    stdin: {contents: standaloneCode.default(compiler, names), resolveDir: fileURLToPath(schemas), loader: 'js'},
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: fileURLToPath(new URL(outfile, import.meta.url)),
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
}
