// Lookups over a snapshot: users by id or lower-cased email (pending users have no id), roles by id.
import type {Snapshot, SnapshotRole, SnapshotUser, UserStatus} from '../snapshot/types.js'

export interface AccountIndex {
  /** By Zoom user id, or by email whatever its case, whatever the user's status. */
  findUser(ref: string): SnapshotUser | undefined
  role(id: string): SnapshotRole | undefined
}

/**
 * `only`: the references findUser will be asked about; users none of them names are left out of the index (an audit
 * looks up its 10 000 owners among 100 000 users), and findUser finds nobody for any other reference.
 */
export function indexAccount(snapshot: Snapshot, {only}: {only?: Iterable<string>} = {}): AccountIndex {
  const byId = new Map<string, SnapshotUser>()
  const byEmail = new Map<string, SnapshotUser>()
  const wanted =
    only === undefined ? undefined : new Set([...only].flatMap((ref) => [ref.trim(), ref.trim().toLowerCase()]))
  for (const user of snapshot.users) {
    if (user.id && (!wanted || wanted.has(user.id))) byId.set(user.id, user)
    const email = user.email.toLowerCase()
    if (!wanted || wanted.has(email)) byEmail.set(email, user)
  }
  const roles = new Map(snapshot.roles.map((r) => [r.id, r]))
  return {
    findUser: (ref) => byId.get(ref.trim()) ?? byEmail.get(ref.trim().toLowerCase()),
    role: (id) => roles.get(id),
  }
}

/** How messages name a user. */
export function displayName(user: SnapshotUser): string {
  return user.name?.trim() || user.email
}

/** A user as results name them (null fields: not in the account, or unknown). */
export interface AccountUser {
  id: string | null
  email: string | null
  name: string | null
  status: UserStatus | null
  roleId: string | null
  roleName: string | null
}

export function accountUser(user: SnapshotUser | undefined, roleName: string | null): AccountUser {
  if (!user) return {id: null, email: null, name: null, status: null, roleId: null, roleName: null}
  return {
    id: user.id ?? null,
    email: user.email,
    name: user.name?.trim() || null,
    status: user.status,
    roleId: user.roleId || null,
    roleName,
  }
}
