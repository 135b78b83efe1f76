// The offline benchmark's accounts: 10 000 apps × 50 scopes, 100 000 users, the example account's roles.
//
// `typical` is the target: like a real account, most owners hold a role that covers their apps (here the example's
// widest role, and each of those apps takes its 50 scopes from the scopes that role keeps in full), and one app in
// twenty is owned by someone whose role falls short (a Member, or the narrow IT Support role) of the same kind of
// scopes, so the report has findings without being all findings.
// `every app at risk` is the worst case, shown for its cost, not a target: each app takes its scopes from every
// scope of the built-in matrix (sub-account master scopes, phone, …), so no role of the example covers any app.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {loadBuiltinMatrix} from '../src/matrix/load.js'
import {buildMatrix} from '../src/matrix/matrix.js'
import {checkScope, rolePrivileges} from '../src/ownership/eligibility.js'
import type {SnapshotRole} from '../src/snapshot/types.js'

export type OfflineCase = 'typical' | 'every app at risk'
export const OFFLINE_CASES: OfflineCase[] = ['typical', 'every app at risk']

const APPS = 10_000
const SCOPES_PER_APP = 50
const USERS = 100_000
const root = fileURLToPath(new URL('..', import.meta.url))

/** Writes the snapshot and inventory of one case into `dir`; returns their paths. */
export async function writeOfflineFixture(
  dir: string,
  which: OfflineCase,
): Promise<{snapshot: string; inventory: string}> {
  const matrix = buildMatrix([await loadBuiltinMatrix()])
  const example = JSON.parse(readFileSync(join(root, 'examples/snapshot.json'), 'utf8')) as {roles: SnapshotRole[]}
  const roles = example.roles
  const widest = roles.reduce((a, b) => (b.privileges.length > a.privileges.length ? b : a))
  const byName = (name: string) => roles.find((r) => r.name === name)!
  const narrow = [byName('Member'), byName('IT Support')]
  const allScopes = [...new Set(matrix.rules.map((r) => r.rule.scope))].sort()
  const privileges = rolePrivileges(widest, matrix)
  const covered = allScopes.filter((scope) => checkScope(matrix, privileges, scope).status === 'ok')
  const pool = which === 'typical' ? covered : allScopes

  // Users take the roles in turn; the owners of the apps are picked by role below.
  const users = Array.from({length: USERS}, (_, i) => ({
    id: `u${i}`,
    email: `user${i}@big.example`,
    status: 'active',
    roleId: roles[i % roles.length]!.id,
  }))
  const userWith = (role: SnapshotRole, k: number) =>
    users[roles.indexOf(role) + roles.length * (k % Math.floor(USERS / roles.length))]!
  const apps = Array.from({length: APPS}, (_, i) => ({
    id: `app${i}`,
    name: `App ${i}`,
    type: 'OAuthApp',
    status: 'PUBLISHED',
    scopes: [
      ...new Set(Array.from({length: SCOPES_PER_APP}, (_, k) => pool[(i * SCOPES_PER_APP + k * 7) % pool.length]!)),
    ].sort(),
  }))
  // One app in twenty: an owner whose role falls short (Member and IT Support in turn).
  const shortOwner = (i: number) => i % 20 === 0
  const ownerOf = (i: number) => (shortOwner(i) ? userWith(narrow[(i / 20) % 2]!, i) : userWith(widest, i))
  const snapshot = join(dir, `offline-${which.replaceAll(' ', '-')}-snapshot.json`)
  const inventory = join(dir, `offline-${which.replaceAll(' ', '-')}-inventory.json`)
  writeFileSync(snapshot, JSON.stringify({...example, users, apps}))
  writeFileSync(inventory, JSON.stringify({apps: apps.map((a, i) => ({id: a.id, owner: ownerOf(i).email}))}))
  return {snapshot, inventory}
}
