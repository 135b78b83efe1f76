// A mock of Zoom generated from Zoom's own OpenAPI documents (data/zoom/openapi/), for the conformance test.
//
// Three Prism mock servers (@stoplight/prism-cli, one per document: users, accounts, marketplace) validate each
// request against its operation — path, parameter types, enums, minimum/maximum, required parameters, security —
// and answer with the operation's documented example response (Zoom's own examples; static, so deterministic).
// In front of them, on 127.0.0.1, a small router:
//  - serves the S2S token (POST /oauth/token is in none of the documents) the way docs/zoom-api.md §Access token describes;
//  - under /v2, finds the operation among the three documents, records a violation for a method other than GET,
//    a path no document has, or a query parameter the operation does not declare (Prism accepts unknown query
//    parameters silently), then forwards to that document's Prism and records every violation Prism reports
//    (its `sl-violations` header);
//  - ends pagination: Zoom's examples always carry a `next_page_token`, so an answer to a request that already
//    carries one gets `next_page_token: ""` (the page token itself is still validated by Prism on the way in).
import {spawn, type ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {tokenRefusal} from '../fake-zoom/token.js'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const OPENAPI_DIR = join(projectRoot, 'data/zoom/openapi')
export const DOCUMENTS = ['users', 'accounts', 'marketplace'] as const
export type DocumentName = (typeof DOCUMENTS)[number]

export interface Violation {
  /** What was sent, e.g. `GET /v2/users?status=active&page_size=3000`. */
  request: string
  /** `prism` (Prism's request validation) or `router` (method, unknown path or parameter, token request). */
  by: 'prism' | 'router'
  message: string
}

export interface MockRequest {
  method: string
  /** The document's path template, e.g. `/users/{userId}`; the raw path when no operation matched. */
  operation: string
  document?: DocumentName
  query: Record<string, string>
  status: number
}

export interface ConformanceMock {
  apiUrl: string
  oauthUrl: string
  credentials: {accountId: string; clientId: string; clientSecret: string}
  violations: Violation[]
  requests: MockRequest[]
  tokenRequests: number
  /** The `scope` of tokens minted from now on; null leaves `scope` out of the token answer. */
  setTokenScope(scope: string | null): void
  reset(): void
  close(): Promise<void>
}

interface Operation {
  document: DocumentName
  template: string
  pattern: RegExp
  /** Literal segments: a more literal template wins (`/users/summary` over `/users/{userId}`). */
  literals: number
  queryParameters: Set<string>
}

type OpenApiParameter = {name?: string; in?: string; $ref?: string; schema?: {enum?: string[]}}
type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, {parameters?: OpenApiParameter[]} | OpenApiParameter[]> & {parameters?: OpenApiParameter[]}
  >
  components?: {parameters?: Record<string, OpenApiParameter>}
}

export function loadDocument(name: DocumentName): OpenApiDocument {
  return JSON.parse(readFileSync(join(OPENAPI_DIR, `${name}.json`), 'utf8')) as OpenApiDocument
}

/** The values a query parameter of a GET operation may take, as the document lists them (its schema's enum). */
export function queryParameterValues(document: DocumentName, template: string, name: string): string[] {
  const doc = loadDocument(document)
  const operation = doc.paths[template]?.get as {parameters?: OpenApiParameter[]} | undefined
  const resolve = (p: OpenApiParameter) => (p.$ref ? doc.components?.parameters?.[p.$ref.split('/').at(-1)!] : p)
  const parameter = (operation?.parameters ?? []).map(resolve).find((p) => p?.in === 'query' && p.name === name)
  return parameter?.schema?.enum ?? []
}

/** Every GET operation of the three documents. */
export function getOperations(): Operation[] {
  const operations: Operation[] = []
  for (const document of DOCUMENTS) {
    const doc = loadDocument(document)
    const resolve = (p: OpenApiParameter): OpenApiParameter =>
      p.$ref ? (doc.components?.parameters?.[p.$ref.replace('#/components/parameters/', '')] ?? {}) : p
    for (const [template, item] of Object.entries(doc.paths)) {
      const get = item.get as {parameters?: OpenApiParameter[]} | undefined
      if (!get) continue
      const parameters = [...(item.parameters ?? []), ...(get.parameters ?? [])].map(resolve)
      const segments = template.split('/').filter(Boolean)
      operations.push({
        document,
        template,
        pattern: new RegExp(`^/${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/')}$`),
        literals: segments.filter((s) => !s.startsWith('{')).length,
        queryParameters: new Set(parameters.filter((p) => p.in === 'query' && p.name).map((p) => p.name!)),
      })
    }
  }
  return operations.sort((a, b) => b.literals - a.literals)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface PrismServer {
  port: number
  child: ChildProcess
  output: () => string
}

function prismBin(): string {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json')
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {bin: {prism: string}}
  return join(dirname(pkgPath), pkg.bin.prism)
}

/** How long one Prism may take to say it is listening (three start at once; a busy 2-core machine is slow). */
export const PRISM_START_TIMEOUT_MS = 30_000
/** How long a stopped Prism has to exit on SIGTERM before it is killed. */
const PRISM_STOP_GRACE_MS = 3_000

/**
 * Every Prism child this process started that has not exited yet. mocha runs without --exit, so one left running
 * keeps the run from ending: startConformanceMock stops what it started when it fails, and stopAllPrisms (in the
 * test's after hook) stops whatever is left, e.g. children of a start that was still under way when a hook timed out.
 */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Static mode (Zoom's examples), loopback, a free port; resolves once Prism says it is listening. */
function startPrism(document: DocumentName, timeoutMs = PRISM_START_TIMEOUT_MS): Promise<PrismServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // One process per Prism (its --multiprocess forks a server child when NODE_ENV is production): one to stop.
      [
        prismBin(),
        'mock',
        '--no-multiprocess',
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        join(OPENAPI_DIR, `${document}.json`),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
      },
    )
    running.add(child)
    child.once('exit', () => running.delete(child))
    let output = ''
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void stopChild(child).then(() => reject(error))
    }
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `Prism (the conformance mock of ${document}.json) did not start within ${timeoutMs / 1000} s; ` +
              `its output:\n${output.slice(-2000)}`,
          ),
        ),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const port = /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]
      if (port && !settled) {
        settled = true
        clearTimeout(timer)
        resolve({port: Number(port), child, output: () => output})
      }
      // Keep only the tail: Prism logs every request.
      if (output.length > 200_000) output = output.slice(-100_000)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('error', (error) => fail(error))
    child.on('exit', (code, signal) =>
      fail(new Error(`Prism exited (${code ?? signal}) for ${document}.json:\n${output.slice(-2000)}`)),
    )
  })
}

function stopPrism(server: PrismServer): Promise<void> {
  return stopChild(server.child)
}

/** SIGTERM, then SIGKILL if it has not exited within PRISM_STOP_GRACE_MS; resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), PRISM_STOP_GRACE_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Stops every Prism child still running (a backstop for after hooks: nothing started here outlives the tests). */
export async function stopAllPrisms(): Promise<void> {
  await Promise.all([...running].map(stopChild))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers})
  res.end(text)
}

function forward(
  port: number,
  req: IncomingMessage,
  path: string,
): Promise<{status: number; headers: Record<string, string | string[] | undefined>; body: string}> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {}
    for (const name of ['authorization', 'accept', 'user-agent']) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const out = httpRequest({host: '127.0.0.1', port, method: req.method, path, headers}, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body}))
      res.on('error', reject)
    })
    out.on('error', reject)
    out.end()
  })
}

export async function startConformanceMock(options: {tokenScope?: string | null} = {}): Promise<ConformanceMock> {
  const operations = getOperations()
  const prisms = new Map<DocumentName, PrismServer>()
  // allSettled: when one fails, the others may still be starting; every one that did start is stopped.
  const started = await Promise.allSettled(DOCUMENTS.map(async (d) => prisms.set(d, await startPrism(d))))
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failure) {
    await Promise.all([...prisms.values()].map(stopPrism))
    throw failure.reason
  }

  const credentials = {
    accountId: 'confAcct-1',
    clientId: 'confClientId',
    clientSecret: `conf-secret-${randomBytes(6).toString('hex')}`,
  }
  let tokenScope: string | null = options.tokenScope === undefined ? null : options.tokenScope
  const tokens = new Set<string>()
  const mock = {
    violations: [] as Violation[],
    requests: [] as MockRequest[],
    tokenRequests: 0,
  }
  const violation = (request: string, by: Violation['by'], message: string) =>
    mock.violations.push({request, by, message})

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const shown = `${method} ${url.pathname}${url.search}`
    const body = await readBody(req)

    if (url.pathname === '/oauth/token') {
      mock.tokenRequests++
      // Judged as the fake Zoom judges it (docs/zoom-api.md §Access token); every refusal is the client's fault here.
      if (url.search) violation(shown, 'router', 'token parameters belong in the form body, not the query string')
      const refusal = tokenRefusal(
        {method, authorization: req.headers.authorization, contentType: req.headers['content-type'], body},
        credentials,
      )
      if (refusal) {
        violation(shown, 'router', `Zoom refuses this token request: ${refusal.body.reason} (${refusal.body.error})`)
        return send(res, refusal.status, refusal.body)
      }
      const accessToken = `conf-token-${randomBytes(12).toString('hex')}`
      tokens.add(accessToken)
      return send(res, 200, {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: 3599,
        ...(tokenScope === null ? {} : {scope: tokenScope}),
      })
    }

    if (!url.pathname.startsWith('/v2/')) {
      violation(shown, 'router', 'not under the API base /v2')
      return send(res, 404, {code: 2300, message: 'This API endpoint is not recognized.'})
    }
    const path = url.pathname.slice('/v2'.length)
    const query = Object.fromEntries(url.searchParams)
    const operation = operations.find((op) => op.pattern.test(path))
    const record: MockRequest = {
      method,
      operation: operation?.template ?? path,
      query,
      status: 0,
      ...(operation ? {document: operation.document} : {}),
    }
    mock.requests.push(record)

    if (method !== 'GET') {
      violation(shown, 'router', 'zoom-scope-audit must only read (GET)')
      record.status = 405
      return send(res, 405, {code: 405, message: 'Method not allowed.'})
    }
    if (!operation) {
      violation(shown, 'router', `no GET operation in ${DOCUMENTS.map((d) => `${d}.json`).join(', ')} matches ${path}`)
      record.status = 404
      return send(res, 404, {code: 2300, message: 'This API endpoint is not recognized.'})
    }
    for (const name of url.searchParams.keys()) {
      if (!operation.queryParameters.has(name)) {
        violation(
          shown,
          'router',
          `query parameter "${name}" is not a parameter of GET ${operation.template} (${operation.document}.json)`,
        )
      }
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '')
    if (!bearer || !tokens.has(bearer))
      violation(shown, 'router', 'no access token from this mock in the Authorization header')

    const answer = await forward(prisms.get(operation.document)!.port, req, `${path}${url.search}`)
    record.status = answer.status
    const reported = answer.headers['sl-violations']
    if (typeof reported === 'string' && reported) {
      for (const v of JSON.parse(reported) as Array<{message: string; severity?: string}>)
        violation(shown, 'prism', `${v.severity ?? 'Error'}: ${v.message}`)
    }
    if (answer.status === 404 && answer.body.includes('NO_PATH_MATCHED_ERROR'))
      violation(shown, 'prism', `Prism found no operation for ${path}`)

    let text = answer.body
    if (answer.status === 200 && url.searchParams.has('next_page_token')) {
      const parsed = JSON.parse(text) as Record<string, unknown>
      if ('next_page_token' in parsed) text = JSON.stringify({...parsed, next_page_token: ''})
    }
    const contentType = answer.headers['content-type']
    send(res, answer.status, text, typeof contentType === 'string' ? {'content-type': contentType} : {})
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violation(`${req.method} ${req.url}`, 'router', `mock failure: ${(error as Error).message}`)
      if (!res.headersSent) send(res, 500, {code: 500, message: 'conformance mock failure'})
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    apiUrl: `${base}/v2`,
    oauthUrl: `${base}/oauth/token`,
    credentials,
    get violations() {
      return mock.violations
    },
    get requests() {
      return mock.requests
    },
    get tokenRequests() {
      return mock.tokenRequests
    },
    setTokenScope(scope) {
      tokenScope = scope
    },
    reset() {
      mock.violations = []
      mock.requests = []
      mock.tokenRequests = 0
    },
    async close() {
      try {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      } finally {
        await Promise.all([...prisms.values()].map(stopPrism))
      }
    },
  }
}
