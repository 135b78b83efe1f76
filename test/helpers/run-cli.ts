// Runs the built CLI (bin/run.js → dist/) as a real subprocess. Asynchronous on purpose: a fake Zoom API
// may be serving from this same process, and a synchronous spawn would block it.
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const bin = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
/** Tells a fake Zoom which of its 429s the CLI had received when it sent each request (see that file). */
const clientProbe = new URL('../fake-zoom/client-probe.mjs', import.meta.url).href

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function runCli(
  args: string[],
  options: {env?: NodeJS.ProcessEnv; cwd?: string; input?: string} = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {...process.env, OCLIF_COLUMNS: '500', NO_COLOR: '1', ...options.env}
    // Only what a test sets: no credentials, endpoints, proxies or CI flags leak in from the machine running it.
    const machineOnly = [
      'ZOOM_ACCOUNT_ID',
      'ZOOM_CLIENT_ID',
      'ZOOM_CLIENT_SECRET',
      'ZOOM_API_URL',
      'ZOOM_OAUTH_URL',
      'DEBUG',
    ]
    const proxies = [
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'NO_PROXY',
      'http_proxy',
      'https_proxy',
      'no_proxy',
      'ALL_PROXY',
      'all_proxy',
    ]
    for (const key of [...machineOnly, ...proxies]) {
      if (!options.env || !(key in options.env)) delete env[key]
    }
    const child = spawn(process.execPath, ['--import', clientProbe, bin, ...args], {
      cwd: options.cwd ?? projectRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}

/** A run whose stdout is the command's --json output, parsed. `T` is the shape the test relies on. */
export interface CliJsonResult<T> extends CliResult {
  json: T
}

/** runCli, then stdout parsed as JSON; a run whose stdout is not JSON fails the test with both streams shown. */
export async function runCliJson<T>(
  args: string[],
  options: {env?: NodeJS.ProcessEnv; cwd?: string; input?: string} = {},
): Promise<CliJsonResult<T>> {
  const result = await runCli(args, options)
  try {
    return {...result, json: JSON.parse(result.stdout) as T}
  } catch {
    throw new Error(
      `zoom-scope-audit ${args.join(' ')} (exit ${result.code}) printed no JSON.\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
    )
  }
}

/** No stack trace frames ("    at foo (file:…)") in the text. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]/m.test(text)
}
