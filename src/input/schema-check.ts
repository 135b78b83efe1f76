// The one boundary where documents meet their JSON Schemas. Errors become one readable line per problem,
// each with its JSON pointer: "/rules/1/requires must be array".
import {readFileSync} from 'node:fs'

import type {ErrorObject, ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

import {InputError} from '../errors.js'

export type SchemaName = 'privilege-matrix' | 'snapshot' | 'inventory' | 'report' | 'acceptances'

const ajv = new Ajv2020({allErrors: true, strict: true})
addFormats.default(ajv)
const compiled = new Map<SchemaName, ValidateFunction>()

export function schemaPath(name: SchemaName): URL {
  return new URL(`../../schemas/${name}.schema.json`, import.meta.url)
}

function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name)
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object)
    compiled.set(name, validate)
  }
  return validate
}

/** Problems as "<pointer> <what was expected>", most useful first; empty when valid. */
export function schemaProblems(name: SchemaName, document: unknown): string[] {
  const validate = validator(name)
  if (validate(document)) return []
  return dedupe((validate.errors ?? []).map(describe))
}

/** Throws an InputError naming the file and the first few places when the document does not fit. */
export function assertSchema<T>(name: SchemaName, document: unknown, file: string, what: string): T {
  const problems = schemaProblems(name, document)
  if (problems.length === 0) return document as T
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
