// One access token per run: minted on first use, reused until shortly before it expires, minted again when Zoom
// says it expired (401 code 124). Concurrent callers share one mint.
import {ZoomError} from '../errors.js'
import type {ZoomTokenResponse} from './types.js'

export interface AccessToken {
  value: string
  /** ms since epoch (by the client's clock) after which we mint a new one instead of using this. */
  renewAt: number
  scopes: string[]
  /** Regional API host from the token response (no `/v2`), when Zoom sent a usable one. */
  apiUrl?: string
}

/** Zoom documents 3600 s; observed 3599. We renew a minute early (a tenth early for short-lived tokens). */
const RENEW_MARGIN_MS = 60_000
const DEFAULT_TTL_S = 3600

export class TokenSource {
  private token?: AccessToken
  private minting?: Promise<AccessToken>

  constructor(
    private readonly mint: () => Promise<ZoomTokenResponse>,
    private readonly now: () => number,
    private readonly onMinted: (token: AccessToken) => void,
  ) {}

  async current(): Promise<AccessToken> {
    if (this.token && this.now() < this.token.renewAt) return this.token
    return this.mintOnce()
  }

  /** Zoom rejected `rejected` as expired: mint again, unless another call already replaced it. */
  async renew(rejected: string | undefined): Promise<AccessToken> {
    if (this.token && this.token.value !== rejected) return this.token
    this.token = undefined
    return this.mintOnce()
  }

  private mintOnce(): Promise<AccessToken> {
    this.minting ??= this.mint()
      .then((response) => {
        const token = toAccessToken(response, this.now())
        this.token = token
        this.onMinted(token)
        return token
      })
      .finally(() => {
        this.minting = undefined
      })
    return this.minting
  }
}

function toAccessToken(response: ZoomTokenResponse, now: number): AccessToken {
  if (typeof response?.access_token !== 'string' || response.access_token === '') {
    throw new ZoomError('Zoom answered the access-token request without an access_token.', {code: 'zoom_auth_failed'})
  }
  const ttlMs = (typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in : DEFAULT_TTL_S) * 1000
  const scopes = typeof response.scope === 'string' ? response.scope.split(/\s+/).filter(Boolean) : []
  return {
    value: response.access_token,
    renewAt: now + ttlMs - Math.min(RENEW_MARGIN_MS, ttlMs / 10),
    scopes: [...new Set(scopes)].sort(),
    ...(usableApiUrl(response.api_url) ? {apiUrl: response.api_url!.replace(/\/+$/, '')} : {}),
  }
}

function usableApiUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
