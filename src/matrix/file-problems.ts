// Problems one matrix file has on its own, after it fits the schema. Errors make the file unusable;
// warnings are listed by `matrix validate` only.
import {isWellFormedPrivilege} from './privilege-name.js'
import {privilegesLabelled} from './privileges.js'
import {isWellFormedPattern, isWellFormedScope} from './scope.js'
import type {WrittenMatrixFile} from './types.js'

export interface Problem {
  file: string
  /** JSON pointer into the file. */
  place: string
  message: string
}

/** `labels`: portal label → privileges, over the layers this file is checked with (a label in `requires` is an error
 * that names the privilege to write). */
export function fileErrors(
  matrix: WrittenMatrixFile,
  file: string,
  labels: Map<string, string[]> = new Map(),
): Problem[] {
  const problems: Problem[] = []
  const at = (place: string, message: string) => problems.push({file, place, message})
  const seen = new Map<string, number>()

  for (const [index, rule] of matrix.rules.entries()) {
    const place = `/rules/${index}`
    const scope = rule.scope.trim()
    if (!isWellFormedPattern(scope)) {
      at(
        `${place}/scope`,
        `"${rule.scope}" is not a scope or pattern (lowercase [a-z0-9_] segments joined by ":", or "*" for one whole segment)`,
      )
    }
    const first = seen.get(scope)
    if (first === undefined) seen.set(scope, index)
    else at(`${place}/scope`, `duplicate rule for "${scope}" (first at /rules/${first})`)
    for (const [key, list] of [
      ['requires', rule.requires],
      ['partial', rule.partial ?? []],
    ] as const) {
      for (const [i, privilege] of list.entries()) {
        if (!isWellFormedPrivilege(privilege)) at(`${place}/${key}/${i}`, privilegeMessage(privilege, labels))
      }
    }
    for (const privilege of rule.partial ?? []) {
      if (rule.requires.includes(privilege)) at(`${place}/partial`, `"${privilege}" is both required and partial`)
    }
  }

  for (const privilege of Object.keys(matrix.privileges ?? {})) {
    if (!isWellFormedPrivilege(privilege)) at(`/privileges/${escapePointer(privilege)}`, privilegeMessage(privilege))
  }
  for (const [privilege, implied] of Object.entries(matrix.implies ?? {})) {
    if (!isWellFormedPrivilege(privilege)) at(`/implies/${escapePointer(privilege)}`, privilegeMessage(privilege))
    for (const [i, other] of implied.entries()) {
      if (!isWellFormedPrivilege(other)) at(`/implies/${escapePointer(privilege)}/${i}`, privilegeMessage(other))
    }
  }
  for (const scope of Object.keys(matrix.unmapped ?? {})) {
    if (!isWellFormedScope(scope.trim()))
      at(`/unmapped/${escapePointer(scope)}`, `"${scope}" is not a well-formed scope`)
  }
  return problems
}

function privilegeMessage(privilege: string, labels: Map<string, string[]> = new Map()): string {
  const named = privilegesLabelled(labels, privilege)
  if (named.length > 0) {
    const write = named.map((p) => `"${p}"`).join(' or ')
    return `"${privilege}" is a portal label, not a role privilege: write ${write} (see "zoom-scope-audit matrix privileges")`
  }
  return `"${privilege}" is not a role privilege (expected Resource:Read or Resource:Edit, e.g. User:Read)`
}

/** RFC 6901: "~" → "~0", "/" → "~1". */
export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}
