// Zoom's answers are checked here, at the boundary, before anything reads them: a body that does not fit the
// schema of its endpoint (schemas.ts) fails the run with one sentence naming the endpoint and the JSON pointer,
// rather than becoming empty or wrong data further in.
import {createRequire} from 'node:module'

import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import type * as AjvModule from 'ajv'

import {ZoomError} from '../../errors.js'
import {ANSWER_SCHEMAS, answerValidatorName, type AnswerEndpoint} from './schemas.js'

/**
 * Validators compiled by the build (scripts/build-validators.mjs → dist/zoom/answers/validators.js): a live run then
 * never loads ajv, whose loading and compiling sat between the token and the first API call. Absent when running
 * from src/ (tests): then ajv compiles on first use, with the same options.
 */
const prebuilt: Record<string, ValidateFunction> = await import(new URL('./validators.js', import.meta.url).href).then(
  (module: Record<string, ValidateFunction>) => module,
  () => ({}),
)

let ajv: Ajv | undefined
const compiled = new Map<AnswerEndpoint, ValidateFunction>()

function validator(endpoint: AnswerEndpoint): ValidateFunction {
  let validate = compiled.get(endpoint) ?? prebuilt[answerValidatorName(endpoint)]
  if (!validate) {
    // Compiled once, on first use: a run that never reads an endpoint never compiles its schema. The schemas are
    // ours and checked against JSON Schema's meta-schema by the tests: not again on each run, where compiling the
    // meta-schema costs more than all the answers' schemas. ajv is CommonJS: required synchronously, only here.
    const {Ajv: Compiler} = createRequire(import.meta.url)('ajv') as typeof AjvModule
    ajv ??= new Compiler({allErrors: false, strict: true, verbose: true, validateSchema: false})
    validate = ajv.compile(ANSWER_SCHEMAS[endpoint])
  }
  compiled.set(endpoint, validate)
  return validate
}

/** The body, typed, when it fits the endpoint's schema; otherwise a ZoomError (exit 3) naming the place. */
export function checkAnswer<T>(endpoint: AnswerEndpoint, body: unknown): T {
  const validate = validator(endpoint)
  if (validate(body)) return body as T
  const error = validate.errors?.[0]
  const {pointer, problem} = error ? describe(error) : {pointer: '', problem: 'does not have the expected shape'}
  throw new ZoomError(`Zoom's answer to ${endpoint} ${problem}.`, {
    code: 'zoom_bad_answer',
    endpoint,
    ...(pointer ? {pointer} : {}),
  })
}

/** A body that is not JSON at all. */
export function notJsonError(endpoint: string, contentType: string | undefined, text: string): ZoomError {
  const start = text
    .trim()
    .slice(0, 40)
    .replace(/[^\x20-\x7e]/g, '?')
  const what = text.trim() === '' ? 'empty' : `not JSON${contentType ? ` (${contentType.split(';')[0]})` : ''}`
  return new ZoomError(`Zoom's answer to ${endpoint} is ${what}${start ? `: "${start}…"` : ''}.`, {
    code: 'zoom_bad_answer',
    endpoint,
  })
}

function describe(error: ErrorObject): {pointer: string; problem: string} {
  const pointer = error.instancePath
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required': {
      const missing = `${pointer}/${String(params.missingProperty)}`
      const schema = (error.parentSchema?.properties as Record<string, {type?: unknown}> | undefined)?.[
        String(params.missingProperty)
      ]
      const expected = schema?.type === undefined ? '' : `; expected ${typeName(schema.type)}`
      return {pointer: missing, problem: `has no ${missing}${expected}`}
    }
    case 'type': {
      const actual = kindOf(error.data)
      const expected = typeName(params.type)
      if (pointer === '') return {pointer, problem: `is ${actual}; expected ${expected}`}
      return {pointer, problem: `has ${pointer} as ${actual}; expected ${expected}`}
    }
    case 'minLength':
      return {pointer, problem: `has ${pointer} empty; expected a non-empty string`}
    case 'minimum':
      return {pointer, problem: `has ${pointer} negative; expected a count`}
    default:
      return {pointer, problem: `has ${pointer || 'a body'} that ${error.message ?? 'is invalid'}`}
  }
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
}

function typeName(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).map(String).filter((t) => t !== 'null')
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (Number.isInteger(value)) return 'a number'
  return TYPE_NAMES[typeof value] ?? typeof value
}
