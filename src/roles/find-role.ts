// A role named on the command line: by id, or by name whatever its case.
import {InputError} from '../errors.js'
import type {Snapshot, SnapshotRole} from '../snapshot/types.js'
import {compareText} from '../text-order.js'

export function findRole(snapshot: Snapshot, raw: string): SnapshotRole {
  const ref = raw.trim()
  const byId = snapshot.roles.find((r) => r.id === ref)
  if (byId) return byId
  const byName = snapshot.roles.filter((r) => r.name.trim().toLowerCase() === ref.toLowerCase())
  if (byName.length === 1) return byName[0]!
  if (byName.length > 1) {
    throw new InputError(`${byName.length} roles are named "${ref}" (ids ${byName.map((r) => r.id).join(', ')}).`, {
      code: 'ambiguous_role',
      actions: ['Name the role by its id.'],
    })
  }
  const names = [...snapshot.roles]
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()))
    .map((r) => `"${r.name}"`)
  throw new InputError(`no role "${ref}" in the account (by id or name). Roles: ${names.join(', ') || '(none)'}.`, {
    code: 'role_not_found',
  })
}
