// `roles list`: each role with its members and privilege counts. Pure.
import type {Snapshot} from '../snapshot/types.js'
import {compareText} from '../text-order.js'

export interface RoleSummary {
  id: string
  name: string
  description: string | null
  /** Users of the account (any status, as far as the snapshot lists them) with this role. */
  members: number
  activeMembers: number
  /** Privileges the role lists. */
  privileges: number
  /** Of those, how many Zoom limits to some groups. */
  groupLimited: number
}

export interface RolesListResult {
  roles: RoleSummary[]
  /** Users whose role id is not among the account's roles (e.g. a deleted role). */
  unknownRoles: Array<{roleId: string; members: number}>
}

export function listRoles(snapshot: Snapshot): RolesListResult {
  const members = new Map<string, {all: number; active: number}>()
  for (const user of snapshot.users) {
    const count = members.get(user.roleId) ?? {all: 0, active: 0}
    count.all++
    if (user.status === 'active') count.active++
    members.set(user.roleId, count)
  }
  const known = new Set(snapshot.roles.map((r) => r.id))
  const roles = snapshot.roles
    .map((role) => ({
      id: role.id,
      name: role.name,
      description: role.description?.trim() || null,
      members: members.get(role.id)?.all ?? 0,
      activeMembers: members.get(role.id)?.active ?? 0,
      privileges: new Set(role.privileges).size,
      groupLimited: Object.keys(role.privilegeScopes).length,
    }))
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id))
  const unknownRoles = [...members.entries()]
    .filter(([id]) => !known.has(id))
    .map(([roleId, count]) => ({roleId, members: count.all}))
    .sort((a, b) => compareText(a.roleId, b.roleId))
  return {roles, unknownRoles}
}
