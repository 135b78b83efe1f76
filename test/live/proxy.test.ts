// End to end: HTTP_PROXY / HTTPS_PROXY / NO_PROXY and NODE_EXTRA_CA_CERTS, the CLI as a subprocess,
// a forward proxy and (for TLS) a TLS front of the fake Zoom API, all on 127.0.0.1.
import {readFileSync} from 'node:fs'
import {connect, type AddressInfo, type Socket} from 'node:net'
import {createServer as createTlsServer, type Server as TlsServer} from 'node:tls'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {startForwardProxy, type ForwardProxy} from '../helpers/forward-proxy.js'
import {liveEnv} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const auditArgs = ['audit', '--inventory', 'examples/inventory.json', '--json']
const TLS = new URL('../fixtures/tls/', import.meta.url)
const CA_FILE = new URL('ca-cert.pem', TLS).pathname

/** No proxy variable inherited from the machine running the tests; then the ones given. */
function proxyEnv(vars: Record<string, string>): Record<string, string> {
  const none = Object.fromEntries(
    ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'].map(
      (name) => [name, ''],
    ),
  )
  return {...none, ...vars}
}

/** What the fake received, as the proxy would have seen it (method and path, query left out). */
const received = (fake: FakeZoom) => fake.requests.map((r) => `${r.method} ${r.path}`).sort()
const withoutQuery = (lines: string[]) => lines.map((line) => line.replace(/\?.*$/, '')).sort()
const essence = (stdout: string) => {
  const report = JSON.parse(stdout)
  return {findings: report.findings, summary: report.summary}
}

describe('proxies and custom CAs (subprocess)', function () {
  this.timeout(60_000)
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  let proxy: ForwardProxy
  let direct: ReturnType<typeof essence>
  let fakeHost: string

  before(async () => {
    scenario = scenarioFromSnapshot(example, creds)
    fake = await startFakeZoom(scenario)
    proxy = await startForwardProxy()
    fakeHost = new URL(fake.url).host
    const run = await runCli(auditArgs, {env: {...liveEnv(fake, scenario), ...proxyEnv({})}})
    direct = essence(run.stdout)
  })
  beforeEach(() => {
    fake.reset()
    proxy.reset()
  })
  after(async () => {
    await proxy.close()
    await fake.close()
  })

  it('HTTP_PROXY: every request reaches Zoom through the proxy, with the same report', async () => {
    const {code, stdout, stderr} = await runCli(auditArgs, {
      env: {...liveEnv(fake, scenario), ...proxyEnv({HTTP_PROXY: proxy.url})},
    })
    expect(code, stderr).to.equal(1)
    expect(essence(stdout)).to.deep.equal(direct)
    expect(fake.requests.length).to.be.greaterThan(5)
    expect(proxy.connects.length).to.be.greaterThan(0)
    expect(new Set(proxy.connects)).to.deep.equal(new Set([fakeHost]))
    // The token POST and every GET: exactly what the fake received, no more, no less.
    expect(withoutQuery(proxy.requestLines())).to.deep.equal(received(fake))
    expect(proxy.requestLines()).to.include('POST /oauth/token')
  })

  it('lower-case http_proxy works too; NO_PROXY=127.0.0.1 sends nothing through the proxy', async () => {
    const lower = await runCli(auditArgs, {env: {...liveEnv(fake, scenario), ...proxyEnv({http_proxy: proxy.url})}})
    expect(essence(lower.stdout), lower.stderr).to.deep.equal(direct)
    expect(withoutQuery(proxy.requestLines())).to.deep.equal(received(fake))

    fake.reset()
    proxy.reset()
    const exempt = await runCli(auditArgs, {
      env: {...liveEnv(fake, scenario), ...proxyEnv({HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1'})},
    })
    expect(essence(exempt.stdout), exempt.stderr).to.deep.equal(direct)
    expect(fake.requests.length).to.be.greaterThan(5)
    expect(proxy.connects).to.deep.equal([])
    expect(proxy.requestLines()).to.deep.equal([])
  })

  it('HTTPS_PROXY alone does not apply to an http:// API (as curl), and is used for https:// (see the TLS test)', async () => {
    const {stdout, stderr} = await runCli(auditArgs, {
      env: {...liveEnv(fake, scenario), ...proxyEnv({HTTPS_PROXY: proxy.url})},
    })
    expect(essence(stdout), stderr).to.deep.equal(direct)
    expect(proxy.connects).to.deep.equal([])
  })

  describe('a proxy that wants credentials', () => {
    let guarded: ForwardProxy
    const password = 'pr0xy-Pa55word-never-shown'
    before(async () => {
      guarded = await startForwardProxy({auth: `auditor:${password}`})
    })
    beforeEach(() => guarded.reset())
    after(() => guarded.close())

    it('credentials in the proxy URL are sent (Basic) and work', async () => {
      const url = `http://auditor:${encodeURIComponent(password)}@127.0.0.1:${guarded.port}`
      const {stdout, stderr} = await runCli(auditArgs, {
        env: {...liveEnv(fake, scenario), ...proxyEnv({HTTP_PROXY: url})},
      })
      expect(essence(stdout), stderr).to.deep.equal(direct)
      expect(guarded.authorizations.length).to.be.greaterThan(0)
      expect(new Set(guarded.authorizations)).to.deep.equal(
        new Set([`Basic ${Buffer.from(`auditor:${password}`).toString('base64')}`]),
      )
      expect(stderr).not.to.include(password)
    })

    it('refused credentials → exit 3 naming the proxy without them, and the password is never printed', async () => {
      const wrong = `${password}-but-wrong`
      const url = `http://auditor:${wrong}@127.0.0.1:${guarded.port}`
      for (const json of [[], ['--json']]) {
        const args = ['audit', '--inventory', 'examples/inventory.json', ...json]
        const {code, stdout, stderr} = await runCli(args, {
          env: {...liveEnv(fake, scenario), ...proxyEnv({HTTP_PROXY: url}), DEBUG: '*'},
        })
        expect(code, stderr).to.equal(3)
        const all = stdout + stderr
        expect(all).to.include(`through the proxy http://***@127.0.0.1:${guarded.port}`)
        expect(all).to.include(
          'the proxy answered HTTP 407. The proxy did not accept the user and password in the proxy URL.',
        )
        expect(all).not.to.include(wrong)
        expect(all).not.to.include(Buffer.from(`auditor:${wrong}`).toString('base64'))
        expect(hasStackTrace(stderr)).to.equal(false)
      }
      expect(fake.requests).to.deep.equal([])
    })
  })

  describe('TLS with a private CA (NODE_EXTRA_CA_CERTS)', () => {
    let front: TlsServer
    let frontUrl: string
    const sockets = new Set<Socket>()
    before(async () => {
      // A TLS front for the fake: https://127.0.0.1:PORT → the fake's plain HTTP.
      front = createTlsServer(
        {key: readFileSync(new URL('server-key.pem', TLS)), cert: readFileSync(new URL('server-cert.pem', TLS))},
        (tls) => {
          const plain = connect(Number(new URL(fake.url).port), '127.0.0.1')
          for (const s of [tls, plain]) {
            sockets.add(s)
            s.on('close', () => sockets.delete(s))
            s.on('error', () => (s === tls ? plain : tls).destroy())
          }
          tls.pipe(plain).pipe(tls)
        },
      )
      await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
      frontUrl = `https://127.0.0.1:${(front.address() as AddressInfo).port}`
    })
    after(async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => front.close(() => resolve()))
    })
    const tlsEnv = (vars: Record<string, string>) => ({
      ...liveEnv(fake, scenario, {ZOOM_API_URL: `${frontUrl}/v2`, ZOOM_OAUTH_URL: `${frontUrl}/oauth/token`}),
      ...proxyEnv(vars),
    })

    it('without the CA: exit 3, and the message says to set NODE_EXTRA_CA_CERTS', async () => {
      const {code, stderr} = await runCli(['audit', '--inventory', 'examples/inventory.json'], {
        env: tlsEnv({NODE_EXTRA_CA_CERTS: ''}),
      })
      expect(code, stderr).to.equal(3)
      expect(stderr).to.match(/UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE/)
      expect(stderr).to.include('NODE_EXTRA_CA_CERTS')
      expect(fake.requests).to.deep.equal([])
    })

    it('with NODE_EXTRA_CA_CERTS: the same report, directly and through HTTPS_PROXY (CONNECT tunnel, TLS end to end)', async () => {
      const plain = await runCli(auditArgs, {env: tlsEnv({NODE_EXTRA_CA_CERTS: CA_FILE})})
      expect(essence(plain.stdout), plain.stderr).to.deep.equal(direct)
      expect(proxy.connects).to.deep.equal([])
      const count = fake.requests.length

      fake.reset()
      const tunnelled = await runCli(auditArgs, {env: tlsEnv({NODE_EXTRA_CA_CERTS: CA_FILE, HTTPS_PROXY: proxy.url})})
      expect(essence(tunnelled.stdout), tunnelled.stderr).to.deep.equal(direct)
      expect(fake.requests).to.have.length(count)
      expect(new Set(proxy.connects)).to.deep.equal(new Set([new URL(frontUrl).host]))
      // Encrypted inside the tunnel: the proxy saw no request line.
      expect(proxy.requestLines()).to.deep.equal([])
    })
  })
})
