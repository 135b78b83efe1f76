// Run by `npm run build`: compiles every JSON Schema of schemas/ into standalone validator code (ajv's
// "standalone" mode) at dist/input/validators.js, so commands validate documents without loading and running
// ajv's compiler at start-up. src/input/schema-check.ts falls back to compiling at run time when the file is
// absent (tests run from src/). Same ajv options in both places: the answers are identical.
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath, URL} from 'node:url'

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
// The generated code require()s ajv's runtime helpers and ajv-formats' formats: esbuild puts those (a few KB) in the
// file, so loading the validators is one file, not a walk through node_modules for two CommonJS packages.
await build({
  stdin: {contents: standaloneCode.default(ajv, exports), resolveDir: fileURLToPath(schemas), loader: 'js'},
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: fileURLToPath(new URL('../dist/input/validators.js', import.meta.url)),
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
})
