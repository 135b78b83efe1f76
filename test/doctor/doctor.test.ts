// `doctor`: scope logic (pure), the check run over a stub client, and the CLI against the fake Zoom API.
import {expect} from 'chai'

import {runDoctor, type DoctorClient} from '../../src/doctor/doctor.js'
import {checkTokenScopes, SCOPE_NEEDS} from '../../src/doctor/scopes.js'
import {ZoomError} from '../../src/errors.js'
import {renderDoctor} from '../../src/report/doctor-text.js'
import {createStyle} from '../../src/report/style.js'
import {emptyStats} from '../../src/zoom/stats.js'
import {
  AUDITOR_SCOPES,
  generateScenario,
  loadScenario,
  startFakeZoom,
  type FakeZoom,
  type FakeZoomScenario,
} from '../fake-zoom/index.js'
import {liveEnv, onlyReads} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'

const CLASSIC = ['user:read:admin', 'role:read:admin', 'marketplace_app:read:admin']

describe('doctor: token scopes (pure)', () => {
  it('the granular auditor scopes and the classic ones each cover every need', () => {
    expect(checkTokenScopes([...AUDITOR_SCOPES])).to.include({status: 'ok'})
    expect(checkTokenScopes(CLASSIC)).to.deep.equal({
      status: 'ok',
      granted: [...CLASSIC].sort(),
      missing: [],
      writeScopes: [],
    })
    // Mixed: classic users, granular roles and apps.
    expect(
      checkTokenScopes([
        'user:read:admin',
        'role:read:list_roles:admin',
        'role:read:role:admin',
        'marketplace:read:list_apps:admin',
        'marketplace:read:app:admin',
      ]).status,
    ).to.equal('ok')
  })

  it('names each missing need with its classic and granular alternatives', () => {
    const check = checkTokenScopes(
      AUDITOR_SCOPES.filter((s) => s !== 'role:read:role:admin' && s !== 'marketplace:read:list_apps:admin'),
    )
    expect(check.status).to.equal('missing')
    expect(check.missing).to.deep.equal([
      {
        what: 'read a role',
        endpoint: 'GET /roles/{roleId}',
        classic: 'role:read:admin',
        granular: 'role:read:role:admin',
      },
      {
        what: 'list apps',
        endpoint: 'GET /marketplace/apps',
        classic: 'marketplace_app:read:admin',
        granular: 'marketplace:read:list_apps:admin',
      },
    ])
  })

  it('user-level scopes do not count for the admin reads', () => {
    const check = checkTokenScopes(['user:read', 'role:read:list_roles', 'marketplace:read:app'])
    expect(check.missing).to.have.length(SCOPE_NEEDS.length)
  })

  it('a token without scope is unknown, not missing', () => {
    expect(checkTokenScopes([])).to.deep.equal({status: 'unknown', granted: [], missing: [], writeScopes: []})
    expect(checkTokenScopes(['', ' ']).status).to.equal('unknown')
  })

  it('write scopes satisfy the reads Zoom accepts them for, and are pointed out', () => {
    const check = checkTokenScopes([
      'user:write:admin',
      'role:write:admin',
      'marketplace_app:read:admin',
      'user:update:user:admin',
    ])
    expect(check.status).to.equal('ok')
    expect(check.writeScopes).to.deep.equal(['role:write:admin', 'user:update:user:admin', 'user:write:admin'])
  })
})

/** A client that answers from lists; `fail` maps an endpoint to the error it throws. */
function stubClient(
  opts: {scopes?: string[]; fail?: Record<string, Error>; tokenError?: Error; users?: number} = {},
): DoctorClient & {calls: string[]} {
  const calls: string[] = []
  const stats = emptyStats()
  const call = async <T>(endpoint: string, value: T): Promise<T> => {
    calls.push(endpoint)
    stats.apiCalls++
    const error = opts.fail?.[endpoint]
    if (error) throw error
    return value
  }
  const listing = <T>(endpoint: string, items: T[], totalRecords?: number) => ({
    pages: async function* () {
      yield {
        items: await call(endpoint, items),
        number: 1,
        received: items.length,
        more: totalRecords !== undefined && totalRecords > items.length,
        ...(totalRecords === undefined ? {} : {totalRecords}),
      }
      throw new Error('doctor asked for a second page')
    },
  })
  const users = Array.from({length: opts.users ?? 2}, (_, i) => ({id: `u${i}`, email: `u${i}@x.example`}))
  return {
    calls,
    accountId: 'acct-1',
    async token() {
      if (opts.tokenError) throw opts.tokenError
      return {scopes: opts.scopes ?? [...AUDITOR_SCOPES]}
    },
    apiUrl: async () => 'https://api.zoom.us/v2',
    listUsers: () => listing('GET /users', users, 4321) as never,
    getUser: (id: string) => call('GET /users/{userId}', {id, email: 'x'}),
    listRoles: () => listing('GET /roles', [{id: 'r1'}]) as never,
    getRole: (id: string) => call('GET /roles/{roleId}', {id}),
    listApps: () => listing('GET /marketplace/apps', [] as Array<{app_id: string}>) as never,
    getApp: (id: string) => call('GET /marketplace/apps/{appId}', {app_id: id}),
    get stats() {
      return {...stats}
    },
  }
}

describe('doctor: checks over a client (stub)', () => {
  const base = {tokenUrl: 'https://zoom.us/oauth/token', plan: 'business' as const, rateBudgetPercent: 50}

  it('all good: one page per list, one item per family, an empty app list skips the app read', async () => {
    const client = stubClient()
    const result = await runDoctor({...base, client})
    expect(result.ok).to.equal(true)
    expect(client.calls).to.have.members([
      'GET /users',
      'GET /users/{userId}',
      'GET /roles',
      'GET /roles/{roleId}',
      'GET /marketplace/apps',
    ])
    expect(result.endpoints.map((e) => [e.endpoint, e.status])).to.deep.equal([
      ['GET /users', 'ok'],
      ['GET /users/{userId}', 'ok'],
      ['GET /roles', 'ok'],
      ['GET /roles/{roleId}', 'ok'],
      ['GET /marketplace/apps', 'ok'],
      ['GET /marketplace/apps/{appId}', 'skipped'],
    ])
    expect(result.endpoints[0]!.detail).to.equal('2 active users on the first page, 4321 in all')
    expect(result.plan).to.deep.equal({
      name: 'business',
      rateBudgetPercent: 50,
      budget: {LIGHT: '40 req/s', MEDIUM: '30 req/s', HEAVY: '20 req/s', RESOURCE_INTENSIVE: '10 req/min'},
    })
    expect(result.apiCalls).to.equal(5)
  })

  it('a token without scope: a warning, the calls decide (exit 0 when they work)', async () => {
    const result = await runDoctor({...base, client: stubClient({scopes: []})})
    expect(result.ok).to.equal(true)
    expect(result.scopes.status).to.equal('unknown')
    expect(result.warnings.join(' ')).to.match(/without its list of scopes/)
    expect(renderDoctor(result, createStyle(false))).to.match(/^! Token scopes +Zoom did not say which scopes/m)
  })

  it('refused credentials: no calls, every endpoint skipped, not ok', async () => {
    const client = stubClient({
      tokenError: new ZoomError(
        'Zoom refused the access-token request (HTTP 400, invalid_client): Invalid client_id or client_secret.',
        {code: 'zoom_auth_failed', status: 400},
      ),
    })
    const result = await runDoctor({...base, client})
    expect(result.ok).to.equal(false)
    expect(client.calls).to.deep.equal([])
    expect(result.credentials).to.deep.include({status: 'failed'})
    expect(result.scopes.status).to.equal('skipped')
    expect(result.endpoints.every((e) => e.status === 'skipped')).to.equal(true)
  })

  it('a failed list fails its check and skips its item; other families still run', async () => {
    const client = stubClient({
      fail: {
        'GET /roles': new ZoomError('Zoom API error on GET /roles (HTTP 403, code 200): No permission.', {
          status: 403,
          zoomCode: 200,
        }),
      },
    })
    const result = await runDoctor({...base, client})
    expect(result.ok).to.equal(false)
    const roles = result.endpoints.filter((e) => e.family === 'roles')
    expect(roles.map((e) => e.status)).to.deep.equal(['failed', 'skipped'])
    expect(roles[0]!.error).to.deep.equal({
      code: 'zoom_api_error',
      message: 'Zoom API error on GET /roles (HTTP 403, code 200): No permission.',
      status: 403,
      zoomCode: 200,
    })
    expect(client.calls).to.include('GET /users/{userId}')
  })

  it('anything but a Zoom failure is a bug and propagates', async () => {
    const client = stubClient({fail: {'GET /users': new TypeError('boom')}})
    let caught: unknown
    await runDoctor({...base, client}).catch((error: unknown) => (caught = error))
    expect(caught).to.be.instanceOf(TypeError)
  })
})

describe('doctor against the fake Zoom API (subprocess)', function () {
  this.timeout(60_000)
  const secret = (s: FakeZoomScenario) => s.credentials.clientSecret
  const withFake = async (scenario: FakeZoomScenario, body: (fake: FakeZoom) => Promise<void>) => {
    const fake = await startFakeZoom(scenario)
    try {
      await body(fake)
    } finally {
      await fake.close()
    }
  }

  it('all checks pass with the granular auditor scopes: exit 0, ≤ 6 calls, one token, only reads', async () => {
    const scenario = loadScenario('test/fixtures/scenarios/small-account.json')
    await withFake(scenario, async (fake) => {
      const {code, stdout, stderr} = await runCli(['doctor'], {env: liveEnv(fake, scenario)})
      expect(code, stdout + stderr).to.equal(0)
      expect(stdout).to.match(/^✓ Credentials +access token minted/m)
      expect(stdout).to.match(/^✓ Token scopes +every read scope the audit needs/m)
      for (const endpoint of [
        'GET /users',
        'GET /users/{userId}',
        'GET /roles',
        'GET /roles/{roleId}',
        'GET /marketplace/apps',
        'GET /marketplace/apps/{appId}',
      ]) {
        expect(stdout).to.match(new RegExp(`^✓ ${endpoint.replace(/[{}/]/g, '\\$&')} `, 'm'))
      }
      expect(stdout).to.include(`API URL   ${fake.apiUrl}`)
      expect(stdout).to.include('Plan      business, rate budget 50 % (Light 40 req/s, Medium 30 req/s')
      expect(stdout).to.match(/^6 API calls in \d+\.\d s\. Ready/m)
      expect(fake.requests.filter((r) => r.endpoint === 'POST /oauth/token')).to.have.length(1)
      expect(fake.requests).to.have.length(7)
      expect(onlyReads(fake)).to.equal(true)
      expect(fake.violations).to.deep.equal([])
      expect(stdout + stderr).not.to.include(secret(scenario))
    })
  })

  it('classic scopes pass too', async () => {
    const scenario = loadScenario('test/fixtures/scenarios/classic-token.json')
    await withFake(scenario, async (fake) => {
      const {code, stdout} = await runCli(['doctor'], {env: liveEnv(fake, scenario)})
      expect(code, stdout).to.equal(0)
    })
  })

  it('names the missing scope with its classic and granular alternative, fails the call, exit 3', async () => {
    const scenario = loadScenario('test/fixtures/scenarios/no-role-scopes.json')
    await withFake(scenario, async (fake) => {
      const {code, stdout, stderr} = await runCli(['doctor'], {env: liveEnv(fake, scenario)})
      expect(code, stderr).to.equal(3)
      expect(stdout).to.match(/^✗ Token scopes +missing for 2 of the 6 reads/m)
      expect(stdout).to.include('list roles (GET /roles): role:read:admin or role:read:list_roles:admin')
      expect(stdout).to.include('read a role (GET /roles/{roleId}): role:read:admin or role:read:role:admin')
      expect(stdout).to.match(
        /^✗ GET \/roles +Zoom refused GET \/roles: the auditor's app lacks one of the scopes role:read:list_roles, role:read:list_roles:admin/m,
      )
      expect(stdout).to.match(/^– GET \/roles\/\{roleId\} +skipped: the roles list failed/m)
      expect(stdout).to.match(/^✓ GET \/users /m)
      expect(stdout).to.match(/2 checks failed/)

      const json = await runCli(['doctor', '--json'], {env: liveEnv(fake, scenario)})
      expect(json.code).to.equal(3)
      const result = JSON.parse(json.stdout)
      expect(result.ok).to.equal(false)
      expect(result.scopes.missing.map((m: {granular: string}) => m.granular)).to.deep.equal([
        'role:read:list_roles:admin',
        'role:read:role:admin',
      ])
      const roles = result.endpoints.find((e: {endpoint: string}) => e.endpoint === 'GET /roles')
      expect(roles).to.deep.include({status: 'failed', family: 'roles'})
      expect(roles.error).to.deep.include({
        code: 'zoom_missing_scopes',
        status: 400,
        zoomCode: 4700,
        scopes: ['role:read:list_roles', 'role:read:list_roles:admin'],
      })
    })
  })

  it("refused credentials: credentials ✗ with Zoom's reason, one token request, no secret anywhere, exit 3", async () => {
    const scenario = loadScenario('test/fixtures/scenarios/small-account.json')
    await withFake(scenario, async (fake) => {
      const wrong = 'wrong-sEcReT-77'
      for (const args of [['doctor'], ['doctor', '--json']]) {
        fake.reset()
        const {code, stdout, stderr} = await runCli(args, {
          env: liveEnv(fake, scenario, {ZOOM_CLIENT_SECRET: wrong, DEBUG: '*'}),
        })
        expect(code).to.equal(3)
        expect(stdout).to.include('Invalid client_id or client_secret')
        expect(fake.requests).to.have.length(1)
        for (const leaked of [wrong, Buffer.from(`${scenario.credentials.clientId}:${wrong}`).toString('base64')])
          expect(stdout + stderr).not.to.include(leaked)
        expect(hasStackTrace(stderr)).to.equal(false)
      }
      const result = JSON.parse(
        (await runCli(['doctor', '--json'], {env: liveEnv(fake, scenario, {ZOOM_CLIENT_SECRET: wrong})})).stdout,
      )
      expect(result.credentials.status).to.equal('failed')
      expect(result.credentials.error.code).to.equal('zoom_auth_failed')
      expect(result.endpoints.map((e: {status: string}) => e.status)).to.deep.equal(Array(6).fill('skipped'))
    })
  })

  it('never prints the access token', async () => {
    const scenario = loadScenario('test/fixtures/scenarios/small-account.json')
    await withFake(scenario, async (fake) => {
      const {stdout, stderr} = await runCli(['doctor', '--json'], {env: liveEnv(fake, scenario)})
      const bearer = fake.requests
        .find((r) => r.headers.authorization?.startsWith('Bearer '))!
        .headers.authorization!.slice(7)
      expect(bearer.length).to.be.greaterThan(8)
      expect(stdout + stderr).not.to.include(bearer)
    })
  })

  it('reads only the first page of a long list, and prints the plan and budget given', async () => {
    const scenario = generateScenario({users: 700, apps: 5, seed: 3})
    await withFake(scenario, async (fake) => {
      const {code, stdout} = await runCli(['doctor', '--plan', 'pro', '--rate-budget', '25', '--json'], {
        env: liveEnv(fake, scenario),
      })
      expect(code).to.equal(0)
      expect(fake.requests.filter((r) => r.endpoint === 'GET /v2/users')).to.have.length(1)
      const result = JSON.parse(stdout)
      expect(result.plan).to.deep.equal({
        name: 'pro',
        rateBudgetPercent: 25,
        budget: {LIGHT: '7 req/s', MEDIUM: '5 req/s', HEAVY: '2 req/s', RESOURCE_INTENSIVE: '2 req/min'},
      })
      expect(result.endpoints[0].detail).to.match(/^300 active users on the first page, \d+ in all$/)
      expect(result.apiUrl).to.equal(fake.apiUrl)
      expect(result.apiCalls).to.equal(6)
    })
  })

  it("a Zoom error on one endpoint names it with Zoom's line; the others are still checked", async () => {
    const scenario = loadScenario('test/fixtures/scenarios/small-account.json')
    await withFake(scenario, async (fake) => {
      fake.inject({
        match: {endpoint: 'GET /v2/marketplace/apps/{appId}'},
        fault: {kind: 'status', status: 403, body: {code: 200, message: 'No permission.'}},
      })
      const {code, stdout} = await runCli(['doctor'], {env: liveEnv(fake, scenario)})
      expect(code).to.equal(3)
      expect(stdout).to.match(
        /^✗ GET \/marketplace\/apps\/\{appId\} +Zoom API error on GET \/marketplace\/apps\/\{appId\} \(HTTP 403, code 200\): No permission\./m,
      )
      expect(stdout).to.match(/^✓ GET \/roles\/\{roleId\} /m)
      expect(stdout).to.match(/1 check failed/)
    })
  })

  it('missing credentials are bad input (exit 2), before any request', async () => {
    const scenario = loadScenario('test/fixtures/scenarios/small-account.json')
    await withFake(scenario, async (fake) => {
      const {code, stderr} = await runCli(['doctor'], {env: liveEnv(fake, scenario, {ZOOM_CLIENT_ID: ''})})
      expect(code).to.equal(2)
      expect(stderr).to.include('ZOOM_CLIENT_ID is not set')
      expect(fake.requests).to.have.length(0)
    })
  })
})
