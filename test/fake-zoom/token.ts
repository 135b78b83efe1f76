// Zoom's answer to a Server-to-Server OAuth token request (docs/zoom-api.md §Access token): POST, HTTP Basic
// client_id:client_secret, an x-www-form-urlencoded body grant_type=account_credentials&account_id=…; refusals are
// {reason, error}, not the API's {code, message}. The fake Zoom and the conformance mock's router both judge token
// requests with it, so they cannot drift apart.

export interface TokenCredentials {
  accountId: string
  clientId: string
  clientSecret: string
}

export interface TokenRequest {
  method: string
  authorization?: string | undefined
  contentType?: string | undefined
  body: string
}

export interface TokenRefusal {
  status: number
  body: {reason: string; error: string}
}

/** Why Zoom refuses this token request; undefined when it grants a token. */
export function tokenRefusal(request: TokenRequest, credentials: TokenCredentials): TokenRefusal | undefined {
  const refuse = (reason: string, error: string, status = 400) => ({status, body: {reason, error}})
  if (request.method !== 'POST') return refuse('Method not allowed', 'invalid_request', 405) // [I]
  const auth = /^Basic\s+(\S+)\s*$/i.exec(request.authorization ?? '')
  const decoded = auth ? Buffer.from(auth[1]!, 'base64').toString('utf8') : ''
  const colon = decoded.indexOf(':')
  const [clientId, clientSecret] = colon >= 0 ? [decoded.slice(0, colon), decoded.slice(colon + 1)] : []
  // §Access token [C3]: bad client id/secret → 400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"}
  if (clientId !== credentials.clientId || clientSecret !== credentials.clientSecret)
    return refuse('Invalid client_id or client_secret', 'invalid_client')
  // §Access token: params in an x-www-form-urlencoded body; only in the query string → 400 (FORUM-124925).
  const form = (request.contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')
    ? new URLSearchParams(request.body)
    : new URLSearchParams()
  const grant = form.get('grant_type')
  if (!grant) return refuse('Missing grant type', 'invalid_request') // OAuth error table (§Access token) 4706 [I: shape]
  if (grant !== 'account_credentials') return refuse('Unsupported grant type', 'unsupported_grant_type') // [I: exact JSON]
  const accountId = form.get('account_id')
  if (!accountId) return refuse('Missing account_id', 'invalid_request') // [I]
  if (accountId !== credentials.accountId) return refuse('Invalid account_id', 'invalid_request') // [I]
  return undefined
}
