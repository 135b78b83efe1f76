// Reading Zoom's bodies: bounded and parsed once. got fetches them raw (decompress off) so that the size can be
// counted both on the wire (the handler in http.ts cancels past the cap) and after decompression (zlib stops at
// `maxOutputLength`): a small compressed body that inflates to gigabytes ends as an error, not out of memory.
import {promisify} from 'node:util'
import zlib from 'node:zlib'

import type {Response} from 'got'

import {ZoomError} from '../errors.js'

const inflaters = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
} as const

/** What a body turned out to be: JSON (any value, null included) or text that is not JSON. */
export type Answer = {json: unknown} | {text: string; contentType?: string}

const answers = new WeakMap<object, Answer>()

/** What a response holds as its body once read: nothing reads the bytes again. */
const READ = Buffer.alloc(0)

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * Decompress (within `maxBytes`) and parse once; later callers (hooks, retry rules, errors) get the same answer. The
 * response lets go of its bytes here: a page of 300 users is ~400 KB, and a response that outlived two minor
 * collections (a download spans several) is in the old generation, where it would keep them until a full one.
 */
export async function readAnswer(response: Response, maxBytes: number, endpoint: string): Promise<Answer> {
  const known = answers.get(response)
  if (known) return known
  const raw = Buffer.isBuffer(response.rawBody) ? response.rawBody : Buffer.alloc(0)
  const encoding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase()
  let bytes = raw
  if (encoding in inflaters) {
    try {
      bytes = await inflaters[encoding as keyof typeof inflaters](raw, {maxOutputLength: maxBytes})
    } catch (error) {
      if ((error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeError(endpoint, maxBytes)
      throw new ZoomError(`Zoom's answer to ${endpoint} could not be decompressed (${encoding}).`, {
        code: 'zoom_bad_answer',
        endpoint,
      })
    }
  }
  if (bytes.length > maxBytes) throw tooLargeError(endpoint, maxBytes)
  const text = bytes.toString('utf8')
  let answer: Answer
  try {
    answer = {json: JSON.parse(text) as unknown}
  } catch {
    const contentType = response.headers['content-type']
    answer = {text, ...(contentType ? {contentType} : {})}
  }
  answers.set(response, answer)
  response.rawBody = READ
  response.body = READ
  return answer
}

/**
 * The answer, handed over to the one reader of a successful response and forgotten here: kept in the map, the parsed
 * page would live as long as the response does (see readAnswer), not just as long as its reader needs it.
 */
export function takeAnswer(response: object): Answer | undefined {
  const answer = answers.get(response)
  answers.delete(response)
  return answer
}

/** The answer already read for this response (error paths run after the afterResponse hook read it). */
export function answerOf(response: object | undefined): Answer | undefined {
  return response ? answers.get(response) : undefined
}

/** Zoom's error body: `{code, message}` under /v2, `{reason, error}` from the token endpoint; text otherwise. */
export interface ZoomErrorFacts {
  code?: number
  message?: string
  reason?: string
  error?: string
  text?: string
}

export function errorFacts(answer: Answer | undefined): ZoomErrorFacts {
  if (!answer) return {}
  if ('text' in answer) return answer.text.trim() ? {text: answer.text.trim()} : {}
  const body = answer.json
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {}
  const {code, message, reason, error} = body as Record<string, unknown>
  return {
    ...(typeof code === 'number' ? {code} : {}),
    ...(typeof message === 'string' ? {message} : {}),
    ...(typeof reason === 'string' ? {reason} : {}),
    ...(typeof error === 'string' ? {error} : {}),
  }
}

export function tooLargeError(endpoint: string, maxBytes: number): ZoomError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  return new ZoomError(`Zoom's answer to ${endpoint} is larger than ${mb} MB; stopped reading it.`, {
    code: 'zoom_answer_too_large',
    endpoint,
    maxBytes,
    actions: ['If the account really is that large, raise the limit with --max-body-mb.'],
  })
}
