// The one boundary where documents meet their JSON Schemas. Errors become one readable line per problem,
// each with its JSON pointer: "/rules/1/requires must be array".
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

import type {ErrorObject, ValidateFunction} from 'ajv'
import type {Ajv2020} from 'ajv/dist/2020.js'
import type * as AjvModule from 'ajv/dist/2020.js'
import type addFormatsPlugin from 'ajv-formats'

import {InputError} from '../errors.js'

export type SchemaName = 'privilege-matrix' | 'snapshot' | 'inventory' | 'report' | 'acceptances'

/**
 * Validators compiled by the build (scripts/build-validators.mjs → dist/input/validators.js): loading them costs a
 * fraction of loading ajv and compiling the schemas. Absent when running from src/ (tests): then ajv compiles on
 * first use, with the same options.
 */
const prebuilt: Record<string, ValidateFunction> = await import(new URL('./validators.js', import.meta.url).href).then(
  (module: Record<string, ValidateFunction>) => module,
  () => ({}),
)

/** The TypeScript type of a document that fits each schema, by schema name: what assertSchema returns. The module
 * that owns each type adds its entry (declaration merging, see snapshot/types.ts), so input/ imports none of them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface SchemaTypes {}
const compiled = new Map<SchemaName, ValidateFunction>()
let ajv: Ajv2020 | undefined

function runtimeAjv(): Ajv2020 {
  if (ajv) return ajv
  // ajv is CommonJS: required synchronously, and only when a schema has no prebuilt validator.
  const require = createRequire(import.meta.url)
  const {Ajv2020: Ajv} = require('ajv/dist/2020.js') as typeof AjvModule
  const addFormats = require('ajv-formats') as typeof addFormatsPlugin.default
  ajv = new Ajv({allErrors: true, strict: true})
  addFormats(ajv)
  return ajv
}

export function schemaPath(name: SchemaName): URL {
  return new URL(`../../schemas/${name}.schema.json`, import.meta.url)
}

function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name)
  validate ??= prebuilt[name.replace(/-/g, '_')]
  if (!validate) {
    validate = runtimeAjv().compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object)
  }
  compiled.set(name, validate)
  return validate
}

/** Problems as "<pointer> <what was expected>", most useful first; empty when valid. */
export function schemaProblems(name: SchemaName, document: unknown): string[] {
  const validate = validator(name)
  if (validate(document)) return []
  return dedupe((validate.errors ?? []).map(describe))
}

/** Throws an InputError naming the file and the first few places when the document does not fit. */
export function assertSchema<N extends SchemaName & keyof SchemaTypes>(
  name: N,
  document: unknown,
  file: string,
  what: string,
): SchemaTypes[N] {
  const problems = schemaProblems(name, document)
  // The schema was checked just above: the document is what the schema describes.
  if (problems.length === 0) return document as SchemaTypes[N]
  const shown = problems.slice(0, 5)
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : ''
  throw new InputError(`${file}: not a valid ${what}: ${shown.join('; ')}${more}`, {
    code: 'schema_invalid',
    file,
    place: shown[0]?.split(' ')[0],
    problems,
  })
}

function describe(error: ErrorObject): string {
  const pointer = error.instancePath === '' ? '/' : error.instancePath
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return `${pointer} has unknown property "${String(params.additionalProperty)}"`
    case 'required':
      return `${pointer} must have required property "${String(params.missingProperty)}"`
    case 'enum':
      return `${pointer} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'format':
      return params.format === 'date'
        ? `${pointer} must be a date written YYYY-MM-DD`
        : `${pointer} must be a ${String(params.format)}`
    case 'const':
      return `${pointer} must be ${JSON.stringify(params.allowedValue)}`
    default:
      return `${pointer} ${error.message ?? 'is invalid'}`
  }
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)]
}
