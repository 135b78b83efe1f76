// Run by `npm run build`: compiles every JSON Schema of schemas/ into standalone validator code (ajv's
// "standalone" mode) at dist/input/validators.js, so commands validate documents without loading and running
// ajv's compiler at start-up. src/input/schema-check.ts falls back to compiling at run time when the file is
// absent (tests run from src/). Same ajv options in both places: the answers are identical.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {URL} from 'node:url'

import {Ajv2020} from 'ajv/dist/2020.js'
import {_} from 'ajv/dist/compile/codegen/index.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'

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
// The generated code calls require() for ajv's runtime helpers and the formats: give the ES module one.
const code = `import {createRequire} from 'node:module'\nconst require = createRequire(import.meta.url)\n${standaloneCode.default(ajv, exports)}`
writeFileSync(new URL('../dist/input/validators.js', import.meta.url), code)
