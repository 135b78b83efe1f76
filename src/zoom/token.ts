// One access token per run: minted on first use, reused until shortly before it expires, minted again when Zoom
// says it expired (401 code 124). Concurrent callers share one mint.
import {ZoomError} from '../errors.js'
import type {ZoomTokenResponse} from './types.js'

export interface AccessToken {
  value: string
  /** 1 for the run's first token, then 2, …: lets a call say which token Zoom rejected without keeping it. */
  generation: number
  /** ms since epoch (by the client's clock) after which we mint a new one instead of using this. */
  renewAt: number
  scopes: string[]
  /** The token response's `api_url` as Zoom sent it (trailing slashes removed); the client decides whether to use it. */
  apiUrl?: string
}

/** Zoom documents 3600 s; observed 3599. We renew a minute early (a tenth early for short-lived tokens). */
const RENEW_MARGIN_MS = 60_000
const DEFAULT_TTL_S = 3600

export class TokenSource {
  private token?: AccessToken
  private minting?: Promise<AccessToken>
  private generation = 0
  /** Zoom refused the credentials: asking again cannot help, and failed requests count against the app. */
  private refused?: unknown

  constructor(
    private readonly mint: () => Promise<ZoomTokenResponse>,
    private readonly now: () => number,
    private readonly onMinted: (token: AccessToken) => void,
  ) {}

  async current(): Promise<AccessToken> {
    if (this.token && this.now() < this.token.renewAt) return this.token
    return this.mintOnce()
  }

  /** Zoom rejected token `generation` as expired: mint again, unless another call already replaced it. */
  async renew(generation: number | undefined): Promise<AccessToken> {
    if (this.token && this.token.generation !== generation) return this.token
    this.token = undefined
    return this.mintOnce()
  }

  private mintOnce(): Promise<AccessToken> {
    if (this.refused) return Promise.reject(this.refused)
    this.minting ??= this.mint()
      .then((response) => {
        const token = toAccessToken(response, this.now(), ++this.generation)
        this.token = token
        this.onMinted(token)
        return token
      })
      .catch((error: unknown) => {
        if (isRefusal(error)) this.refused = error
        throw error
      })
      .finally(() => {
        this.minting = undefined
      })
    return this.minting
  }
}

/** A 4xx from the token endpoint (bad credentials, deactivated app); 429 and 5xx may pass. */
function isRefusal(error: unknown): boolean {
  const status = error instanceof ZoomError ? error.details.status : undefined
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429
}

function toAccessToken(response: ZoomTokenResponse, now: number, generation: number): AccessToken {
  const ttlMs =
    (typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in : DEFAULT_TTL_S) * 1000
  const scopes = typeof response.scope === 'string' ? response.scope.split(/\s+/).filter(Boolean) : []
  const apiUrl = response.api_url?.trim().replace(/\/+$/, '')
  return {
    value: response.access_token,
    generation,
    renewAt: now + ttlMs - Math.min(RENEW_MARGIN_MS, ttlMs / 10),
    scopes: [...new Set(scopes)].sort(),
    ...(apiUrl ? {apiUrl} : {}),
  }
}
