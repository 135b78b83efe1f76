// Where a command gets the account: a snapshot file, or live from Zoom. Commands never do HTTP themselves.
import {Flags} from '@oclif/core'

import type {Inventory} from '../inventory/types.js'
import {loadSnapshot} from '../snapshot/load.js'
import type {Snapshot} from '../snapshot/types.js'

export const accountFlags = {
  snapshot: Flags.string({description: 'Read the account from a snapshot file instead of Zoom.', helpValue: 'FILE'}),
}

export async function loadAccount(flags: {snapshot?: string}, _needs: {inventory?: Inventory; users: 'all' | 'owners'}): Promise<Snapshot> {
  if (flags.snapshot) return loadSnapshot(flags.snapshot)
  throw new Error('live mode is not wired yet')
}
