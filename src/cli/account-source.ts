// Where a command gets the account: a snapshot file, or live from Zoom through the client.
// Commands never do HTTP themselves; they say what they need and get a Snapshot.
import {Flags} from '@oclif/core'

import type {Inventory} from '../inventory/types.js'
import {fetchSnapshot} from '../snapshot/fetch.js'
import {loadSnapshot} from '../snapshot/load.js'
import type {Snapshot} from '../snapshot/types.js'
import {createZoomClient, type ZoomClient} from '../zoom/client.js'
import {resolveZoomConfig, zoomFlags, type ZoomFlagValues} from '../zoom/config.js'
import {now} from './clock.js'

export const accountFlags = {
  snapshot: Flags.string({description: 'Read the account from a snapshot file instead of Zoom (no credentials needed).', helpValue: 'FILE'}),
  ...zoomFlags,
}

export interface AccountNeeds {
  inventory?: Inventory
  /** Users of every status, only active ones, only the inventory's owners, or only the named users (email or id). */
  users: 'all' | 'active' | 'owners' | {refs: string[]}
  /** Every app of the account (default), or only these ids. */
  apps?: 'all' | {ids: string[]}
}

export interface LoadedAccount {
  snapshot: Snapshot
  /** Present when the account came live from Zoom. */
  client?: ZoomClient
  seconds: number
}

export async function loadAccount(flags: {snapshot?: string} & ZoomFlagValues, needs: AccountNeeds): Promise<LoadedAccount> {
  const started = Date.now()
  if (flags.snapshot) return {snapshot: await loadSnapshot(flags.snapshot), seconds: (Date.now() - started) / 1000}
  const client = createZoomClient(resolveZoomConfig(process.env, flags))
  const snapshot = await fetchSnapshot(client, {...needs, now})
  return {snapshot, client, seconds: (Date.now() - started) / 1000}
}
