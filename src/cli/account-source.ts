// Where a command gets the account: a snapshot file, or live from Zoom through the client.
// Commands never do HTTP themselves; they say what they need and get a Snapshot.
import {Flags} from '@oclif/core'

import type {Inventory} from '../inventory/types.js'
import {loadSnapshot} from '../snapshot/load.js'
import type {Snapshot} from '../snapshot/types.js'
import type {ZoomClient} from '../zoom/client.js'
import {resolveZoomConfig, type ZoomFlagValues} from '../zoom/config.js'
import {
  DEFAULT_PLAN,
  DEFAULT_RATE_BUDGET_PERCENT,
  describeLabelBudget,
  rateBudget,
  type RateBudget,
  type ZoomPlan,
} from '../zoom/rate-plans.js'
import {concurrencyFor} from '../zoom/client-defaults.js'
import {now} from './clock.js'
import {planFlag, zoomFlags} from './flags.js'
import {createProgress, disabledProgress, shouldShowProgress, type Progress} from './progress.js'

const budgetExample = describeLabelBudget(rateBudget(DEFAULT_PLAN, DEFAULT_RATE_BUDGET_PERCENT).MEDIUM)

/** Flags of every command that talks to Zoom: where Zoom is, and how much of the account's rate limits to use. */
export const liveFlags = {
  ...zoomFlags,
  plan: planFlag(),
  'rate-budget': Flags.integer({
    description: `Use at most this percentage of the plan's rate limits (1–100), leaving the rest to the account's other integrations; ${DEFAULT_RATE_BUDGET_PERCENT} on business allows ${budgetExample} for Medium endpoints.`,
    min: 1,
    max: 100,
    default: DEFAULT_RATE_BUDGET_PERCENT,
    helpValue: 'PERCENT',
  }),
}

export const accountFlags = {
  snapshot: Flags.string({
    description: 'Read the account from a snapshot file instead of Zoom (no credentials needed).',
    helpValue: 'FILE',
  }),
  ...liveFlags,
}

export interface LiveFlagValues extends ZoomFlagValues {
  plan?: ZoomPlan
  'rate-budget'?: number
  timeout?: number
  'max-body-mb'?: number
  /** oclif's --json: no progress line. */
  json?: boolean
}

export interface AccountNeeds {
  inventory?: Inventory
  /** Users of every status, only active ones, only the inventory's owners, or only the named users (email or id). */
  users: 'all' | 'active' | 'owners' | {refs: string[]}
  /** Every app of the account (default), or only these ids. */
  apps?: 'all' | {ids: string[]}
  /** False when the command needs no roles (saves 1 + roles calls). */
  roles?: boolean
}

export interface LoadedAccount {
  snapshot: Snapshot
  /** Present when the account came live from Zoom. */
  client?: ZoomClient
  seconds: number
}

/**
 * A command's note (BaseCommand.note): a sentence on stderr that --json output also carries, in `notes`. The Zoom
 * client's notices (a long wait, an ignored api_url, a listing shorter than announced) go through it.
 */
export type Note = (text: string) => void

/** A live run's client, made, with its token on the way (`token` settles when the token is had or cannot be). */
export interface LiveConnection {
  client: ZoomClient
  token: Promise<unknown>
}

/**
 * For a live run (no --snapshot): the client, already asking for its token. A command starts this before it loads
 * its own files, so the token is on its way meanwhile; no API call is made before loadAccount. Its failure is
 * reported by loadAccount, after the command's own input errors.
 */
export function connectLive(
  flags: {snapshot?: string} & LiveFlagValues,
  note: Note,
): Promise<LiveConnection> | undefined {
  if (flags.snapshot) return undefined
  const connection = createLiveClient(flags, note).then((client) => {
    const token = client.token()
    token.catch(() => undefined)
    return {client, token}
  })
  connection.catch(() => undefined)
  return connection
}

export async function loadAccount(
  flags: {snapshot?: string} & LiveFlagValues,
  needs: AccountNeeds,
  note: Note,
  connection: Promise<LiveConnection> | undefined = connectLive(flags, note),
): Promise<LoadedAccount> {
  const started = Date.now()
  if (flags.snapshot) return {snapshot: await loadSnapshot(flags.snapshot), seconds: (Date.now() - started) / 1000}
  const progress = shouldShowProgress({isTTY: process.stderr.isTTY, json: flags.json, env: process.env})
    ? createProgress(process.stderr)
    : disabledProgress
  try {
    const {client, token} = await connection!
    // Loaded only for live runs: the client brings got (start-up time of offline commands). The token is asked for
    // meanwhile, and awaited before the fetch, so a token that cannot be had fails the run once (each of the
    // fetch's first calls would otherwise ask again).
    const {fetchSnapshot} = await import('../snapshot/fetch.js')
    await token
    const snapshot = await fetchSnapshot(client, {
      ...needs,
      now,
      budget: liveBudget(flags),
      onProgress: (event) => progress.update(event),
    })
    return {snapshot, client, seconds: (Date.now() - started) / 1000}
  } finally {
    progress.done()
  }
}

/** The progress line of a live fetch, on stderr when it is a terminal (never with --json). */
export function liveProgress(flags: LiveFlagValues): Progress {
  return shouldShowProgress({isTTY: process.stderr.isTTY, json: flags.json, env: process.env})
    ? createProgress(process.stderr)
    : disabledProgress
}

/** Where the live flags/env send the token request (doctor names it). */
export function liveTokenUrl(flags: LiveFlagValues): string {
  return resolveZoomConfig(process.env, flags).oauthUrl
}

/** The rate budget per label for --plan and --rate-budget. */
export function liveBudget(flags: LiveFlagValues): RateBudget {
  return rateBudget(flags.plan ?? DEFAULT_PLAN, flags['rate-budget'] ?? DEFAULT_RATE_BUDGET_PERCENT)
}

/**
 * The Zoom client for the live flags: credentials and URLs from the env/flags, the plan's rate budget, proxies from
 * the env. Its modules (got among them) are imported here, so offline commands never load them.
 */
export async function createLiveClient(flags: LiveFlagValues, note: Note): Promise<ZoomClient> {
  const [{createZoomClient}, {RateLimiter}] = await Promise.all([
    import('../zoom/client.js'),
    import('../zoom/rate-limiter.js'),
  ])
  const budget = liveBudget(flags)
  const limiter = new RateLimiter(budget)
  return createZoomClient(resolveZoomConfig(process.env, flags), {
    limiter: limiter.limiter,
    concurrency: concurrencyFor(budget),
    ...(flags.timeout === undefined ? {} : {requestTimeoutMs: flags.timeout * 1000}),
    ...(flags['max-body-mb'] === undefined ? {} : {maxBodyBytes: flags['max-body-mb'] * 1024 * 1024}),
    // Long waits, an ignored api_url, a listing shorter than announced: one note each (stderr, and --json's notes).
    onNotice: (message) => note(`Warning: ${message}`),
  })
}
