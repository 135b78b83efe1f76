// A role as the snapshot keeps it, from GET /roles/{roleId}. Its own module so that fetches which do not build a
// whole snapshot (transfer candidates) share it without loading the snapshot's schema check.
import {compareText} from '../text-order.js'
import type {ZoomRole} from '../zoom/types.js'
import type {SnapshotRole} from './types.js'

export function toSnapshotRole(role: ZoomRole, listedId: string, listedName: string | undefined): SnapshotRole {
  // Privilege names are Zoom's data: collected in a Map, so "__proto__" or "constructor" is a name like any other.
  const groupsOf = new Map<string, Set<string>>()
  const limits = [...(role.privilege_scopes ?? [])].sort((a, b) => compareText(a.permission_id, b.permission_id))
  for (const {permission_id: privilege, group_ids: groups} of limits) {
    const set = groupsOf.get(privilege) ?? new Set<string>()
    for (const group of groups ?? []) set.add(group)
    groupsOf.set(privilege, set)
  }
  const privilegeScopes = Object.fromEntries([...groupsOf].map(([privilege, set]) => [privilege, [...set].sort()]))
  const description = role.description?.trim()
  return {
    // Keyed by the id we listed: one role, one entry, whatever the answer's body says.
    id: listedId,
    name: role.name ?? listedName ?? '',
    privileges: [...new Set(role.privileges ?? [])].sort(),
    privilegeScopes,
    ...(description ? {description} : {}),
  }
}
