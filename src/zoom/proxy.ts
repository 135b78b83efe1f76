// Corporate proxies: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, lower or upper case (lower wins), read the
// way curl reads them. got does not look at these variables by itself, nor does Node's http(s) module.
//  - proxy-from-env decides whether a URL is proxied at all (NO_PROXY: host names, `.suffix` / `*.suffix`,
//    `host:port`, `*`); it is the library axios and others rely on for exactly that.
//  - hpagent provides the agents (CONNECT tunnels, keep-alive, Basic credentials from the proxy URL); it has no
//    dependencies and is the proxy agent got's documentation points to.
// The proxy URL may carry credentials (`http://user:pass@proxy:8080`): they are never shown; messages name the
// proxy as `http://***@proxy:8080`.
import type {Agent as HttpAgent} from 'node:http'
import type {Agent as HttpsAgent} from 'node:https'

import {HttpProxyAgent, HttpsProxyAgent} from 'hpagent'
import {getProxyForUrl} from 'proxy-from-env'

import {InputError} from '../errors.js'

export interface ProxyRoute {
  /** For got's `agent` option. */
  agent: {http: HttpAgent; https: HttpsAgent}
  /** The proxy without credentials, e.g. `http://***@proxy.corp:8080`. */
  display: string
}

export interface ProxyRouting {
  /** How to reach `url`: through a proxy (its agents), or undefined for a direct connection. */
  route(url: URL): ProxyRoute | undefined
  /** Values that must never appear in output (passwords of proxy URLs in the environment, and their Basic form). */
  readonly secrets: string[]
}

/**
 * Proxy routing from process.env (proxy-from-env reads nothing else), read when a request is routed; credentials
 * are collected as secrets when the routing is created. A proxy URL without a scheme is taken as
 * http:// (as curl does). Only http:// and https:// proxies are supported; a bad proxy URL fails the first request
 * that would use it (exit 2), naming the variable but not its value.
 */
export function proxyRoutingFromEnv(): ProxyRouting {
  const env = process.env
  const routes = new Map<string, ProxyRoute>()
  const secrets: string[] = []
  for (const name of VARIABLES) {
    const value = env[name]?.trim()
    if (!value) continue
    const url = safeParse(withScheme(value))
    if (!url) continue
    const user = decodeURIComponent(url.username)
    const password = decodeURIComponent(url.password)
    if (password) secrets.push(password, `${user}:${password}`, Buffer.from(`${user}:${password}`).toString('base64'))
    if (user || password) secrets.push(value)
  }

  return {
    secrets,
    route(target) {
      const scheme = target.protocol.replace(/:$/, '')
      const chosen = chosenVariable(env, scheme)
      if (!chosen) return undefined
      // NO_PROXY (and whether any proxy applies to this scheme at all).
      if (getProxyForUrl(target.href) === '') return undefined
      const cached = routes.get(chosen.value)
      if (cached) return cached
      const route = makeRoute(chosen.name, chosen.value)
      routes.set(chosen.value, route)
      return route
    },
  }
}

/** `http://user:pass@host:port` → `http://***@host:port`. Unparseable input gives a placeholder, never the input. */
export function displayProxy(value: string): string {
  const url = safeParse(withScheme(value.trim()))
  if (!url) return '(an unparseable proxy URL)'
  return `${url.protocol}//${url.username || url.password ? '***@' : ''}${url.host}`
}

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'] as const

/** The variable proxy-from-env takes for this scheme: `<scheme>_proxy`, then `all_proxy`; lower case first. */
function chosenVariable(env: NodeJS.ProcessEnv, scheme: string): {name: string; value: string} | undefined {
  for (const base of [`${scheme}_proxy`, 'all_proxy']) {
    for (const name of [base.toLowerCase(), base.toUpperCase()]) {
      const value = env[name]?.trim()
      if (value) return {name, value}
    }
  }
  return undefined
}

function makeRoute(variable: string, value: string): ProxyRoute {
  const display = displayProxy(value)
  const url = safeParse(withScheme(value))
  if (!url || !url.hostname) {
    throw new InputError(
      `${variable} is not a valid proxy URL${url ? ` (${display})` : ''}; expected e.g. http://proxy.example.com:8080.`,
      {
        code: 'bad_proxy',
        place: variable,
      },
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      `${variable} names a ${url.protocol.replace(/:$/, '')} proxy (${display}); only http:// and https:// proxies are supported.`,
      {
        code: 'bad_proxy',
        place: variable,
      },
    )
  }
  const options = {proxy: url, keepAlive: true}
  return {agent: {http: new HttpProxyAgent(options), https: new HttpsProxyAgent(options)}, display}
}

function withScheme(value: string): string {
  return value.includes('://') ? value : `http://${value}`
}

function safeParse(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}
