// What each command's --help says beyond its flags: the environment variables it reads and what its exit codes mean.
// Commands declare both as static properties (`environment`, `exitCodes`); src/cli/help.ts prints them as sections.
import {ExitCode} from '../errors.js'

/** [variable, what it does] */
export type HelpEntry = readonly [string, string]

/** Read by every command. */
export const COMMON_ENVIRONMENT: readonly HelpEntry[] = [
  ['NO_COLOR', 'Set (to anything) to turn colour off, as --no-color does.'],
  ['DEBUG', 'Set to print the stack trace of an internal error (exit 4).'],
]

/** Read by every command that talks to Zoom. */
export const ZOOM_ENVIRONMENT: readonly HelpEntry[] = [
  ['ZOOM_ACCOUNT_ID', "The Server-to-Server OAuth app's Account ID."],
  ['ZOOM_CLIENT_ID', "The app's Client ID."],
  ['ZOOM_CLIENT_SECRET', "The app's Client Secret (never printed)."],
  ['ZOOM_API_URL', 'Zoom API base URL (--api-url wins; default https://api.zoom.us/v2).'],
  ['ZOOM_OAUTH_URL', 'Zoom OAuth token URL (--oauth-url wins; default https://zoom.us/oauth/token).'],
  ['HTTPS_PROXY / HTTP_PROXY', 'Proxy for https:// / http:// URLs (lower-case names win; ALL_PROXY is the fallback).'],
  ['NO_PROXY', 'Comma-separated hosts to reach without the proxy.'],
  ['NODE_EXTRA_CA_CERTS', "A PEM file of extra CAs to trust (a TLS-inspecting proxy's CA)."],
]

export const SOURCE_DATE_EPOCH: HelpEntry = ['SOURCE_DATE_EPOCH', "Seconds since 1970: pins the report's time."]

/** The environment of a command that talks to Zoom, plus any variables of its own. */
export function zoomEnvironment(...own: HelpEntry[]): readonly HelpEntry[] {
  return [...ZOOM_ENVIRONMENT, ...own, ...COMMON_ENVIRONMENT]
}

/** The environment of a command that never talks to Zoom. */
export function offlineEnvironment(...own: HelpEntry[]): readonly HelpEntry[] {
  return [...own, ...COMMON_ENVIRONMENT]
}

const BAD_INPUT =
  'Bad input or usage: a file that is missing, not JSON / CSV or not its schema; an unknown flag or value.'
const ZOOM_FAILURE = 'Zoom API, authentication or network failure.'
const INTERNAL = 'Internal error (a bug: please report it; DEBUG=1 prints the stack).'

/**
 * A command's exit codes: what 0 (and 1, when it has a gate) means for it, then the shared 2/3/4. `zoom: false` for
 * commands that never talk to Zoom (they never exit 3).
 */
export function exitCodes(own: {ok: string; findings?: string; badInput?: string; zoom?: string | false}): HelpEntry[] {
  const entries: HelpEntry[] = [[String(ExitCode.ok), own.ok]]
  if (own.findings) entries.push([String(ExitCode.findings), own.findings])
  entries.push([String(ExitCode.badInput), own.badInput ?? BAD_INPUT])
  if (own.zoom !== false) entries.push([String(ExitCode.zoom), own.zoom ?? ZOOM_FAILURE])
  entries.push([String(ExitCode.internal), INTERNAL])
  return entries
}
