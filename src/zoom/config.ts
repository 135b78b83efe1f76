// Where to reach Zoom and with which credentials. Pure: reads only the env and flag values it is given.
import {InputError} from '../errors.js'

export const DEFAULT_API_URL = 'https://api.zoom.us/v2'
export const DEFAULT_OAUTH_URL = 'https://zoom.us/oauth/token'

export interface ZoomConfig {
  accountId: string
  clientId: string
  /** Non-enumerable: a config that gets logged or serialised does not carry the secret along. */
  clientSecret: string
  /** Base of every API call, without a trailing slash. */
  apiUrl: string
  /** True when ZOOM_API_URL or --api-url chose apiUrl; only otherwise may the token's `api_url` replace it. */
  apiUrlExplicit: boolean
  oauthUrl: string
}

export interface ZoomFlagValues {
  'api-url'?: string
  'oauth-url'?: string
}

const CREDENTIAL_VARIABLES = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const

export function resolveZoomConfig(env: Record<string, string | undefined>, flags: ZoomFlagValues = {}): ZoomConfig {
  const [accountId, clientId, clientSecret] = CREDENTIAL_VARIABLES.map((name) => {
    const value = env[name]?.trim()
    if (!value) {
      throw new InputError(`${name} is not set.`, {
        code: 'missing_credentials',
        place: name,
        actions: [
          "Give the Server-to-Server OAuth app's Account ID, Client ID and Client Secret in ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.",
        ],
      })
    }
    return value
  }) as [string, string, string]

  const apiUrlSource = pickSource(flags['api-url'], '--api-url', env.ZOOM_API_URL, 'ZOOM_API_URL')
  const oauthUrlSource = pickSource(flags['oauth-url'], '--oauth-url', env.ZOOM_OAUTH_URL, 'ZOOM_OAUTH_URL')

  const config = {
    accountId,
    clientId,
    apiUrl: apiUrlSource ? checkedUrl(apiUrlSource.value, apiUrlSource.place) : DEFAULT_API_URL,
    apiUrlExplicit: apiUrlSource !== undefined,
    oauthUrl: oauthUrlSource ? checkedUrl(oauthUrlSource.value, oauthUrlSource.place) : DEFAULT_OAUTH_URL,
  } as ZoomConfig
  Object.defineProperty(config, 'clientSecret', {value: clientSecret, enumerable: false})
  return config
}

/** The flag wins over the variable; an empty value counts as not given. */
function pickSource(
  flagValue: string | undefined,
  flagName: string,
  envValue: string | undefined,
  envName: string,
): {value: string; place: string} | undefined {
  if (flagValue?.trim()) return {value: flagValue.trim(), place: flagName}
  if (envValue?.trim()) return {value: envValue.trim(), place: envName}
  return undefined
}

function checkedUrl(value: string, place: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(`${place} is not a URL: ${value}`, {code: 'bad_url', place})
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`${place} must be an http(s) URL: ${value}`, {code: 'bad_url', place})
  }
  if (url.search || url.hash) {
    throw new InputError(`${place} must not carry a query or fragment: ${value}`, {code: 'bad_url', place})
  }
  return url.href.replace(/\/+$/, '')
}
