// What `transfer plan` reads: the active users (the candidates and the account owner), the roles, the person
// leaving even when no longer active, and only the apps the inventory says they own — each list read once.
import {indexAccount} from '../ownership/account-index.js'
import type {Inventory} from '../inventory/types.js'
import {fetchAppsById} from '../snapshot/fetch-apps.js'
import {fetchNamedUsers} from '../snapshot/fetch-users.js'
import type {Snapshot} from '../snapshot/types.js'
import {appsOwnedBy} from '../transfer/plan.js'
import {loadAccount, type LiveFlagValues, type Note} from './account-source.js'

export async function loadOffboardingAccount(
  flags: {snapshot?: string} & LiveFlagValues,
  inventory: Inventory,
  from: string,
  note: Note,
): Promise<Snapshot> {
  // Live: users and roles first (apps: none yet), as the inventory may name the person by email or by id.
  const {snapshot, client} = await loadAccount(flags, {users: 'active', apps: {ids: []}}, note)
  if (!client) return snapshot
  let users = snapshot.users
  let leaving = indexAccount(snapshot).findUser(from)
  if (!leaving) {
    // Someone already deactivated still owns apps: one look-up by email or id (a 404 means not in the account).
    const [found] = await fetchNamedUsers(client, [from])
    if (found) {
      users = [...users, found]
      leaving = found
    }
  }
  const apps = await fetchAppsById(
    client,
    appsOwnedBy(inventory, from, leaving).map((a) => a.id),
  )
  return {...snapshot, users, apps}
}
