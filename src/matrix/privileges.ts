// Privileges as people meet them: the portal label ("Users: View") and its section ("Users"), and the way back
// from a label someone wrote in `requires` to the privilege string Zoom's role API uses.
import {compareText} from '../text-order.js'
import type {Matrix} from './matrix.js'
import type {PrivilegeInfo} from './types.js'

export interface PrivilegeListing {
  privilege: string
  /** Portal label, or null when no layer names one. */
  label: string | null
  /** Portal section: the matrix's own, else the label's part before ": " ("Users: View" → "Users"). */
  section: string | null
  /** The label was made from the privilege name, not confirmed in Zoom's portal. */
  derived: boolean
  /** How many effective rules require it, and how many list it as partial. */
  requiredBy: number
  partialIn: number
}

export function sectionOf(info: PrivilegeInfo): string {
  if (info.section) return info.section
  const colon = info.label.lastIndexOf(': ')
  return colon > 0 ? info.label.slice(0, colon) : info.label
}

/** Every privilege the matrix knows — labelled, implied, required or partial somewhere — by section, then label. */
export function listPrivileges(matrix: Matrix): PrivilegeListing[] {
  const required = new Map<string, number>()
  const partial = new Map<string, number>()
  const count = (counts: Map<string, number>, privilege: string) =>
    counts.set(privilege, (counts.get(privilege) ?? 0) + 1)
  for (const {rule} of matrix.rules) {
    for (const privilege of rule.requires) count(required, privilege)
    for (const privilege of rule.partial ?? []) count(partial, privilege)
  }
  const names = new Set<string>([...Object.keys(matrix.privileges), ...required.keys(), ...partial.keys()])
  for (const [privilege, implied] of Object.entries(matrix.implies)) {
    names.add(privilege)
    for (const other of implied) names.add(other)
  }
  const listing = [...names].map((privilege): PrivilegeListing => {
    const info = Object.hasOwn(matrix.privileges, privilege) ? matrix.privileges[privilege] : undefined
    return {
      privilege,
      label: info?.label ?? null,
      section: info ? sectionOf(info) : null,
      derived: info?.derived === true,
      requiredBy: required.get(privilege) ?? 0,
      partialIn: partial.get(privilege) ?? 0,
    }
  })
  return listing.sort(
    (a, b) =>
      compareText(a.section ?? '\uffff', b.section ?? '\uffff') ||
      compareText(a.label ?? a.privilege, b.label ?? b.privilege) ||
      compareText(a.privilege, b.privilege),
  )
}

/** "Users: View", " users:view ", "User and Permission Management → Users: View" all read the same. */
function labelKey(text: string): string {
  const last = text.split(/→|>/).pop() ?? text
  return last.toLowerCase().replace(/\s+/g, '')
}

/** Portal label → the privileges that carry it, over every given `privileges` map. */
export function labelIndex(maps: Iterable<Record<string, PrivilegeInfo> | undefined>): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const map of maps) {
    for (const [privilege, info] of Object.entries(map ?? {})) {
      const key = labelKey(info.label)
      const known = index.get(key) ?? []
      if (!known.includes(privilege)) index.set(key, [...known, privilege].sort(compareText))
    }
  }
  return index
}

/** The privileges whose portal label `text` is; empty when it is no label. */
export function privilegesLabelled(index: Map<string, string[]>, text: string): string[] {
  return index.get(labelKey(text)) ?? []
}
