// which requests go through which proxy (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY), and
// that proxy credentials never show. The end-to-end proof (a real proxy) is test/live/proxy.test.ts.
import {expect} from 'chai'

import {startFakeZoom, type FakeZoom} from '../fake-zoom/index.js'
import {InputError, ZoomError} from '../../src/errors.js'
import {displayProxy, proxyRoutingFromEnv} from '../../src/zoom/proxy.js'
import {clientFor, everythingIn, rejectionOf, smallAccount} from './support.js'

const VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'no_proxy',
  'NO_PROXY',
]

/** Set exactly these proxy variables in process.env (proxy-from-env reads process.env only); returns the undo. */
function setEnv(vars: Record<string, string>): () => void {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of VARIABLES) delete process.env[name]
  Object.assign(process.env, vars)
  return () => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  }
}

function withEnv<T>(vars: Record<string, string>, body: () => T): T {
  const restore = setEnv(vars)
  try {
    return body()
  } finally {
    restore()
  }
}

async function withEnvAsync<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const restore = setEnv(vars)
  try {
    return await body()
  } finally {
    restore()
  }
}

const API = new URL('https://api.zoom.us/v2/users')
const OAUTH = new URL('https://zoom.us/oauth/token')
const via = (vars: Record<string, string>, url: URL) => withEnv(vars, () => proxyRoutingFromEnv().route(url)?.display)

describe('proxy routing from the environment', () => {
  it('no variables: direct', () => {
    expect(via({}, API)).to.equal(undefined)
  })

  it('https:// targets use HTTPS_PROXY, http:// ones HTTP_PROXY; lower case wins; ALL_PROXY is the fallback', () => {
    expect(via({HTTPS_PROXY: 'http://secure.corp:3128'}, API)).to.equal('http://secure.corp:3128')
    expect(via({HTTPS_PROXY: 'http://secure.corp:3128'}, new URL('http://127.0.0.1:9/v2'))).to.equal(undefined)
    expect(via({HTTP_PROXY: 'http://plain.corp:8080'}, API)).to.equal(undefined)
    expect(via({HTTP_PROXY: 'http://plain.corp:8080'}, new URL('http://127.0.0.1:9/v2'))).to.equal(
      'http://plain.corp:8080',
    )
    expect(via({https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2'}, API)).to.equal('http://lower:1')
    expect(via({ALL_PROXY: 'http://all.corp:8080'}, API)).to.equal('http://all.corp:8080')
    expect(via({ALL_PROXY: 'http://all.corp:8080', HTTPS_PROXY: 'http://secure.corp:3128'}, API)).to.equal(
      'http://secure.corp:3128',
    )
  })

  it('a proxy without a scheme is http:// (as curl), also for https:// targets', () => {
    expect(via({HTTPS_PROXY: 'proxy.corp:3128'}, API)).to.equal('http://proxy.corp:3128')
    expect(via({HTTPS_PROXY: 'https://tls-proxy.corp:443'}, API)).to.equal('https://tls-proxy.corp')
  })

  it('NO_PROXY: exact hosts, .suffix / *.suffix, host:port, and *', () => {
    const proxy = {HTTPS_PROXY: 'http://proxy.corp:3128'}
    expect(via({...proxy, NO_PROXY: 'api.zoom.us'}, API)).to.equal(undefined)
    expect(via({...proxy, NO_PROXY: 'api.zoom.us'}, OAUTH)).to.equal('http://proxy.corp:3128')
    // proxy-from-env (like Go and Python, unlike curl) reads a bare domain as that host only: say `.zoom.us`.
    expect(via({...proxy, NO_PROXY: 'zoom.us'}, API)).to.equal('http://proxy.corp:3128')
    expect(via({...proxy, NO_PROXY: '.zoom.us'}, API)).to.equal(undefined)
    expect(via({...proxy, NO_PROXY: '*.zoom.us'}, API)).to.equal(undefined)
    expect(via({...proxy, NO_PROXY: 'zoom.us,.zoom.us'}, OAUTH)).to.equal(undefined)
    expect(via({...proxy, no_proxy: 'api.zoom.us:443'}, API)).to.equal(undefined)
    expect(via({...proxy, NO_PROXY: 'api.zoom.us:8443'}, API)).to.equal('http://proxy.corp:3128')
    expect(via({...proxy, NO_PROXY: '*'}, API)).to.equal(undefined)
  })

  it('reuses one pair of keep-alive agents per proxy', () => {
    withEnv({HTTPS_PROXY: 'http://proxy.corp:3128'}, () => {
      const routing = proxyRoutingFromEnv()
      const a = routing.route(API)!
      const b = routing.route(OAUTH)!
      expect(a.agent).to.equal(b.agent)
      expect((a.agent.https as unknown as {keepAlive: boolean}).keepAlive).to.equal(true)
    })
  })

  it('credentials are masked in what is shown, and listed as secrets for the redactor', () => {
    expect(displayProxy('http://auditor:s3cr3t-Passw0rd@proxy.corp:8080')).to.equal('http://***@proxy.corp:8080')
    expect(displayProxy('http://auditor@proxy.corp:8080')).to.equal('http://***@proxy.corp:8080')
    expect(displayProxy('proxy.corp:8080')).to.equal('http://proxy.corp:8080')
    expect(displayProxy('http://[nonsense')).to.equal('(an unparseable proxy URL)')
    const secrets = withEnv(
      {HTTPS_PROXY: 'http://auditor:s3cr3t%40Passw0rd@proxy.corp:8080'},
      () => proxyRoutingFromEnv().secrets,
    )
    expect(secrets).to.include('s3cr3t@Passw0rd')
    expect(secrets).to.include(Buffer.from('auditor:s3cr3t@Passw0rd').toString('base64'))
  })

  it('a bad or unsupported proxy URL is bad input (exit 2) naming the variable, never its credentials', () => {
    for (const [value, said] of [
      ['http://[nonsense', /HTTPS_PROXY is not a valid proxy URL/],
      [
        'socks5://user:hunter2-secret@127.0.0.1:1080',
        /HTTPS_PROXY names a socks5 proxy \(socks5:\/\/\*\*\*@127\.0\.0\.1:1080\); only http:\/\/ and https:\/\//,
      ],
    ] as Array<[string, RegExp]>) {
      const error = withEnv({HTTPS_PROXY: value}, () => {
        try {
          proxyRoutingFromEnv().route(API)
        } catch (caught) {
          return caught
        }
        throw new Error('expected an error')
      })
      expect(error).to.be.instanceOf(InputError)
      expect((error as InputError).exitCode).to.equal(2)
      expect((error as InputError).message).to.match(said)
      expect(everythingIn(error)).not.to.include('hunter2-secret')
    }
  })
})

describe('proxy in the client (fake Zoom)', () => {
  let fake: FakeZoom
  before(async () => {
    fake = await startFakeZoom(smallAccount())
  })
  after(() => fake.close())

  it('an unreachable proxy: exit 3 naming the proxy without its credentials', async () => {
    // The routing reads the variables when a request is routed (proxy-from-env reads process.env then).
    const error = await withEnvAsync({HTTP_PROXY: 'http://auditor:n0t-for-your-eyes@127.0.0.1:1'}, () =>
      rejectionOf(clientFor(fake, {retries: 0}).listRoles().all()),
    )
    expect(error).to.be.instanceOf(ZoomError)
    expect((error as ZoomError).message).to.equal(
      `Could not reach Zoom at ${new URL(fake.url).host} through the proxy http://***@127.0.0.1:1 for POST /oauth/token: ECONNREFUSED.`,
    )
    expect((error as ZoomError).actions).to.deep.equal([
      'Check HTTPS_PROXY / HTTP_PROXY (or exempt the host with NO_PROXY).',
    ])
    expect((error as ZoomError).details).to.include({proxy: 'http://***@127.0.0.1:1'})
    expect(everythingIn(error)).not.to.include('n0t-for-your-eyes')
    expect(fake.requests).to.deep.equal([])
  })

  it('proxy: false connects directly whatever the environment says', async () => {
    const roles = await withEnvAsync({HTTP_PROXY: 'http://127.0.0.1:1'}, () =>
      clientFor(fake, {retries: 0, proxy: false}).listRoles().all(),
    )
    expect(roles).to.have.length.greaterThan(0)
  })
})
