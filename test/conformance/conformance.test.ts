// Conformance with Zoom's official OpenAPI documents (data/zoom/openapi/): the real CLI, and every method of the
// Zoom client, against a mock generated from those documents (Prism, behind a small router; see zoom-mock.ts).
// Fails on any request Zoom's documents do not allow (parameter names, enums, page-size limits, paths, methods),
// and checks the commands survive Zoom's own example responses (exit 0/1, never 3/4).
import {join} from 'node:path'

import {expect} from 'chai'

import {loadInventory} from '../../src/inventory/load.js'
import {loadSnapshot} from '../../src/snapshot/load.js'
import {createZoomClient} from '../../src/zoom/client.js'
import {resolveZoomConfig} from '../../src/zoom/config.js'
import {ENDPOINT_LABELS} from '../../src/zoom/endpoints.js'
import type {ZoomAppListType} from '../../src/zoom/types.js'
import {AUDITOR_SCOPES} from '../fake-zoom/index.js'
import {hasStackTrace, runCli, type CliResult} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {
  DOCUMENTS,
  loadDocument,
  PRISM_START_TIMEOUT_MS,
  queryParameterValues,
  startConformanceMock,
  stopAllPrisms,
  type ConformanceMock,
} from './zoom-mock.js'

/** Zoom's example ids and emails (users.json / marketplace.json), for an inventory the examples can answer. */
const EXAMPLE_APP_ID = 'nqSreNVsQ2eGzUMGnA8AHA'
const EXAMPLE_USER_EMAIL = 'jchill@example.com'
/** Every app list `type` Zoom's marketplace document allows: the client is asked for each. */
const APP_LIST_TYPES = queryParameterValues('marketplace', '/marketplace/apps', 'type') as ZoomAppListType[]

describe("conformance with Zoom's OpenAPI documents (Prism mock)", function () {
  this.timeout(60_000)
  const tmp = makeTempDir('zsa-conformance-')
  let mock: ConformanceMock
  /** Endpoint templates (as in src/zoom/endpoints.ts) requested over the whole file. */
  const exercised = new Set<string>()

  const env = () => ({
    ZOOM_ACCOUNT_ID: mock.credentials.accountId,
    ZOOM_CLIENT_ID: mock.credentials.clientId,
    ZOOM_CLIENT_SECRET: mock.credentials.clientSecret,
    ZOOM_API_URL: mock.apiUrl,
    ZOOM_OAUTH_URL: mock.oauthUrl,
  })
  const noViolations = () => expect(mock.violations, JSON.stringify(mock.violations, null, 2)).to.deep.equal([])
  const survived = (result: CliResult, allowed: number[] = [0, 1]) => {
    expect(allowed, `exit ${result.code}\n${result.stderr}`).to.include(result.code)
    expect(hasStackTrace(result.stderr)).to.equal(false)
    expect(result.stdout + result.stderr).not.to.include(mock.credentials.clientSecret)
  }

  before(async function () {
    // Prism's start is bounded (a clear error naming the document if it does not come up); the hook waits longer.
    this.timeout(PRISM_START_TIMEOUT_MS + 30_000)
    mock = await startConformanceMock({tokenScope: AUDITOR_SCOPES.join(' ')})
  })
  beforeEach(() => mock.reset())
  afterEach(function () {
    for (const r of mock.requests) exercised.add(`${r.method} ${r.operation}`)
  })
  after(async () => {
    try {
      await mock?.close()
    } finally {
      // Also any Prism child of a start that failed or timed out: one left running would keep mocha from exiting.
      await stopAllPrisms()
      tmp.cleanup()
    }
  })

  it('the documents are the ones the client is written against: every endpoint it calls is a GET operation of them', () => {
    const paths = new Set(DOCUMENTS.flatMap((d) => Object.keys(loadDocument(d).paths)))
    for (const endpoint of Object.keys(ENDPOINT_LABELS))
      expect(paths, endpoint).to.include(endpoint.replace(/^GET /, ''))
    expect(APP_LIST_TYPES).to.include.members(['active_requests', 'account_created', 'approved_apps'])
  })

  it('doctor: no violation, every check passes on the examples (exit 0)', async () => {
    const result = await runCli(['doctor', '--json'], {env: env()})
    survived(result, [0])
    noViolations()
    const doctor = JSON.parse(result.stdout)
    expect(doctor.ok).to.equal(true)
    expect(doctor.endpoints.map((e: {status: string}) => e.status)).to.deep.equal(Array(6).fill('ok'))
  })

  it('doctor with a token whose `scope` Zoom left out: a warning, still exit 0', async () => {
    mock.setTokenScope(null)
    try {
      const result = await runCli(['doctor'], {env: env()})
      survived(result, [0])
      noViolations()
      expect(result.stdout).to.match(/^! Token scopes +Zoom did not say which scopes the token has/m)
      expect(result.stdout).to.include('Zoom sent the token without its list of scopes')
    } finally {
      mock.setTokenScope(AUDITOR_SCOPES.join(' '))
    }
  })

  it('snapshot: every user status paged, roles, apps; no violation; a valid snapshot of the examples', async () => {
    const file = join(tmp.dir, 'snap.json')
    const result = await runCli(['snapshot', '--output', file], {env: env()})
    survived(result, [0])
    noViolations()
    const users = mock.requests.filter((r) => r.operation === '/users')
    expect(users.map((r) => r.query.status).sort()).to.deep.equal([
      'active',
      'active',
      'inactive',
      'inactive',
      'pending',
      'pending',
    ])
    expect(users.filter((r) => r.query.next_page_token)).to.have.length(3)
    const snapshot = await loadSnapshot(file)
    expect(snapshot.users.map((u) => u.email)).to.include(EXAMPLE_USER_EMAIL)
    expect(snapshot.apps.map((a) => a.id)).to.include(EXAMPLE_APP_ID)
  })

  it('audit: owner lookups, roles, apps; no violation; a report (exit 0/1)', async () => {
    const inventory = join(tmp.dir, 'inventory.json')
    const unknownApp = 'notAnExampleAppId'
    tmp.write('inventory.json', {
      apps: [
        {id: EXAMPLE_APP_ID, owner: EXAMPLE_USER_EMAIL},
        {id: unknownApp, owner: 'KDcuGIm1QgePTO8WbOqwIQ'},
      ],
    })
    const result = await runCli(['audit', '--inventory', inventory, '--json'], {env: env()})
    survived(result)
    noViolations()
    const report = JSON.parse(result.stdout)
    expect(report.apps.map((a: {id: string}) => a.id)).to.include(EXAMPLE_APP_ID)
    expect(mock.requests.some((r) => r.operation === '/users/{userId}' || r.operation === '/users')).to.equal(true)
  })

  it('inventory init (live, CSV) and --merge: no violation; the template loads back', async () => {
    const file = join(tmp.dir, 'apps.csv')
    const result = await runCli(['inventory', 'init', '--output', file], {env: env()})
    survived(result, [0])
    noViolations()
    const inventory = await loadInventory(file)
    expect(inventory.apps.map((a) => a.id)).to.include(EXAMPLE_APP_ID)
    expect(mock.requests.filter((r) => r.operation.startsWith('/users'))).to.deep.equal([])

    const merged = await runCli(['inventory', 'init', '--merge', file, '--output', file], {env: env()})
    survived(merged, [0])
    noViolations()
  })

  it('every method of the Zoom client, every app list type, ids and emails in paths: no violation', async () => {
    const client = createZoomClient(resolveZoomConfig(env()), {retries: 0, requestTimeoutMs: 10_000})
    for (const status of ['active', 'inactive', 'pending'] as const) await client.listUsers(status).all()
    await client.getUser('KDcuGIm1QgePTO8WbOqwIQ')
    await client.getUser('Jill.Chill+audit@example.com')
    await client.getUserPermissions('KDcuGIm1QgePTO8WbOqwIQ')
    const roles = await client.listRoles().all()
    await client.getRole(roles[0]!.id)
    await client.listRoleMembers(roles[0]!.id).all()
    for (const type of APP_LIST_TYPES) await client.listApps(type).all()
    await client.getApp(EXAMPLE_APP_ID)
    noViolations()
    const sent = new Set(mock.requests.map((r) => `${r.method} ${r.operation}`))
    for (const endpoint of Object.keys(ENDPOINT_LABELS)) expect(sent, endpoint).to.include(endpoint)
    expect(
      new Set(mock.requests.filter((r) => r.operation === '/marketplace/apps').map((r) => r.query.type)),
    ).to.deep.equal(new Set(APP_LIST_TYPES))
  })

  it('the mock catches violations (so a clean run means something): bad enum, page size over the maximum, unknown parameter, unknown path, a write, a token request in the query string', async () => {
    const basic = `Basic ${Buffer.from(`${mock.credentials.clientId}:${mock.credentials.clientSecret}`).toString('base64')}`
    const form = new URLSearchParams({grant_type: 'account_credentials', account_id: mock.credentials.accountId})
    const token = (await (
      await fetch(mock.oauthUrl, {
        method: 'POST',
        headers: {authorization: basic, 'content-type': 'application/x-www-form-urlencoded'},
        body: form,
      })
    ).json()) as {access_token: string}
    expect(mock.violations).to.deep.equal([])
    const refused = await fetch(`${mock.oauthUrl}?${form}`, {method: 'POST', headers: {authorization: basic}})
    expect(refused.status).to.equal(400)
    expect(await refused.json()).to.deep.equal({reason: 'Missing grant type', error: 'invalid_request'})
    const get = (path: string, method = 'GET') =>
      fetch(`${mock.apiUrl}${path}`, {
        method,
        headers: {authorization: `Bearer ${token.access_token}`, accept: 'application/json'},
      })
    await get('/users?status=deleted&page_size=2001')
    await get('/marketplace/apps?type=account_created&page_size=301')
    await get('/roles?page_size=300')
    await get('/no/such/endpoint')
    await get('/roles/2', 'DELETE')
    const messages = mock.violations.map((v) => `${v.by}: ${v.message}`)
    expect(messages.join('\n')).to.match(
      /prism: Error: .*status must be equal to one of the allowed values: active, inactive, pending/,
    )
    expect(messages.join('\n')).to.match(/prism: Error: .*page_size must be <= 2000/)
    expect(messages.join('\n')).to.match(/prism: Error: .*page_size must be <= 300/)
    expect(messages).to.include('router: query parameter "page_size" is not a parameter of GET /roles (accounts.json)')
    expect(messages.join('\n')).to.match(/router: no GET operation in .* matches \/no\/such\/endpoint/)
    expect(messages).to.include('router: zoom-scope-audit must only read (GET)')
    expect(messages).to.include('router: token parameters belong in the form body, not the query string')
    expect(messages).to.include('router: Zoom refuses this token request: Missing grant type (invalid_request)')
  })

  it('over the whole file, the CLI and the client exercised every endpoint the client knows', () => {
    for (const endpoint of Object.keys(ENDPOINT_LABELS)) expect(exercised, endpoint).to.include(endpoint)
  })
})
