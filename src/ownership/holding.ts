// Which roles of an account can hold a scope (for `matrix explain --snapshot/--live`). Pure; the decision is
// eligibility.ts's.
import {checkScope, rolePrivileges} from './eligibility.js'
import type {Matrix} from '../matrix/matrix.js'
import type {SnapshotRole} from '../snapshot/types.js'
import {compareText} from '../text-order.js'

/** Roles whose members would keep the scope (all required privileges held where needed; partial ones not needed). */
export function rolesHoldingScope(
  matrix: Matrix,
  roles: SnapshotRole[],
  scope: string,
): Array<{id: string; name: string}> {
  return roles
    .filter((role) => {
      const status = checkScope(matrix, rolePrivileges(role, matrix), scope).status
      return status === 'ok' || status === 'partial'
    })
    .map((role) => ({id: role.id, name: role.name}))
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id))
}
