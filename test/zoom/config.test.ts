import {expect} from 'chai'

import {InputError} from '../../src/errors.js'
import {zoomFlags} from '../../src/cli/flags.js'
import {DEFAULT_API_URL, DEFAULT_OAUTH_URL, resolveZoomConfig} from '../../src/zoom/config.js'

const CREDENTIALS = {ZOOM_ACCOUNT_ID: 'acct-1', ZOOM_CLIENT_ID: 'client-1', ZOOM_CLIENT_SECRET: 'very-secret-value'}

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).to.be.instanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('zoom config', () => {
  for (const name of ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const) {
    it(`names ${name} when it is missing or empty (exit 2)`, () => {
      for (const value of [undefined, '', '   ']) {
        const error = inputErrorOf(() => resolveZoomConfig({...CREDENTIALS, [name]: value}))
        expect(error.message.startsWith(`${name} is not set`)).to.equal(true)
        expect(error.exitCode).to.equal(2)
        expect(error.details.place).to.equal(name)
      }
    })
  }

  it('uses the documented endpoints by default, and lets the token api_url apply', () => {
    const config = resolveZoomConfig(CREDENTIALS)
    expect(config).to.include({apiUrl: DEFAULT_API_URL, oauthUrl: DEFAULT_OAUTH_URL, apiUrlExplicit: false})
    expect(DEFAULT_API_URL).to.equal('https://api.zoom.us/v2')
    expect(DEFAULT_OAUTH_URL).to.equal('https://zoom.us/oauth/token')
  })

  it('takes ZOOM_API_URL / ZOOM_OAUTH_URL, and the flags over them; an explicit API URL is used as given', () => {
    const env = {
      ...CREDENTIALS,
      ZOOM_API_URL: 'https://api-eu.zoom.us/v2/',
      ZOOM_OAUTH_URL: 'https://zoom.example/oauth/token',
    }
    expect(resolveZoomConfig(env)).to.include({
      apiUrl: 'https://api-eu.zoom.us/v2',
      apiUrlExplicit: true,
      oauthUrl: 'https://zoom.example/oauth/token',
    })
    const flagged = resolveZoomConfig(env, {
      'api-url': 'http://127.0.0.1:9/v2',
      'oauth-url': 'http://127.0.0.1:9/oauth/token',
    })
    expect(flagged).to.include({
      apiUrl: 'http://127.0.0.1:9/v2',
      apiUrlExplicit: true,
      oauthUrl: 'http://127.0.0.1:9/oauth/token',
    })
    expect(resolveZoomConfig(CREDENTIALS, {'api-url': 'https://api-us.zoom.us/v2'})).to.include({apiUrlExplicit: true})
  })

  it('rejects a malformed URL naming the flag or variable', () => {
    expect(inputErrorOf(() => resolveZoomConfig({...CREDENTIALS, ZOOM_API_URL: 'api.zoom.us'})).message).to.match(
      /^ZOOM_API_URL /,
    )
    expect(inputErrorOf(() => resolveZoomConfig(CREDENTIALS, {'oauth-url': 'ftp://zoom.us/x'})).message).to.match(
      /^--oauth-url /,
    )
  })

  it('keeps the client secret out of serialised config', () => {
    const config = resolveZoomConfig(CREDENTIALS)
    expect(config.clientSecret).to.equal('very-secret-value')
    expect(JSON.stringify(config)).not.to.contain('very-secret-value')
  })

  it('exports --api-url and --oauth-url flag definitions for commands to spread', () => {
    expect(Object.keys(zoomFlags)).to.deep.equal(['api-url', 'oauth-url', 'timeout', 'max-body-mb'])
    expect(zoomFlags['api-url'].type).to.equal('option')
  })
})
