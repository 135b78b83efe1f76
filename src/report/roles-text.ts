// People's views of `roles list`, `roles show` and `roles suggest`. Pure: results in, text out.
import type {RolesListResult} from '../roles/list.js'
import type {RoleShowResult} from '../roles/show.js'
import type {RolesSuggestResult} from '../roles/suggest.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'
import {plural} from '../words.js'
import {terminalSafeDeep} from './escape.js'

export interface RolesTextOptions {
  style: Style
}

/** At most `max` names, then how many more (--json has them all). */
function shortList(items: string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … and ${items.length - max} more`
}

export function renderRolesList(input: RolesListResult, {style}: RolesTextOptions): string {
  const result = terminalSafeDeep(input)
  const rows = result.roles.map((r) => [
    r.name,
    r.id,
    String(r.members),
    String(r.activeMembers),
    String(r.privileges),
    r.groupLimited > 0 ? style.yellow(String(r.groupLimited)) : '0',
  ])
  const lines = [renderTable(['ROLE', 'ID', 'MEMBERS', 'ACTIVE', 'PRIVILEGES', 'GROUP-LIMITED'], rows)]
  lines.push(
    '',
    `${plural(result.roles.length, 'role')}. GROUP-LIMITED: privileges Zoom grants only for some groups (they do not cover admin-level scopes).`,
  )
  for (const u of result.unknownRoles) {
    lines.push(
      style.yellow(
        `${plural(u.members, 'user')} ${u.members === 1 ? 'has' : 'have'} role id ${u.roleId}, which is not among the account's roles (deleted?).`,
      ),
    )
  }
  return lines.join('\n')
}

export function renderRoleShow(input: RoleShowResult, {style}: RolesTextOptions): string {
  const result = terminalSafeDeep(input)
  const {role} = result
  const lines = [style.bold(`${role.name} (${role.id})`) + (role.description ? ` — ${role.description}` : '')]
  if (result.privileges.length === 0) lines.push('', 'No privileges.')
  else {
    const rows = result.privileges.map((p) => [
      p.privilege,
      p.label,
      p.groups ? style.yellow(`only groups ${p.groups.join(', ')}`) : 'account-wide',
    ])
    lines.push('', renderTable(['PRIVILEGE', 'PORTAL LABEL', 'WHERE'], rows))
  }
  if (result.implied.length > 0)
    lines.push(
      '',
      `Also held through the matrix's implies: ${result.implied.map((p) => `${p.label} (${p.privilege})`).join(', ')}`,
    )

  const apps = result.apps
  const source = result.appsFrom === 'inventory' ? "the inventory's apps" : "the account's apps"
  lines.push(
    '',
    style.bold(`Which of ${source} its members could own (${apps.filter((a) => a.canOwn).length} of ${apps.length}):`),
  )
  if (apps.length === 0) lines.push('  (no apps)')
  else {
    const rows = apps.map((a) => {
      const verdict = a.canOwn === null ? style.yellow('cannot tell') : a.canOwn ? style.green('yes') : style.red('no')
      const notes: string[] = []
      if (a.canOwn === null)
        notes.push('no scopes known: the account does not show the app and the inventory lists none')
      for (const lost of a.deactivatedScopes) {
        const limited = lost.missingPrivileges.filter((p) => p in lost.groupLimited)
        const plain = lost.missingPrivileges.filter((p) => !(p in lost.groupLimited))
        const parts = [
          plain.length > 0 ? `needs ${plain.map((p) => a.labels[p] ?? p).join(', ')}` : '',
          limited.length > 0 ? `${limited.map((p) => a.labels[p] ?? p).join(', ')} only for some groups` : '',
        ]
        notes.push(`loses ${lost.scope} (${parts.filter(Boolean).join('; ')})`)
      }
      if (a.unmappedScopes.length > 0) notes.push(`cannot tell: ${a.unmappedScopes.join(', ')}`)
      return [a.name, a.id, verdict, notes.join('; ')]
    })
    lines.push(renderTable(['APP', 'ID', 'CAN OWN', 'NOTES'], rows, {indent: '  '}))
  }
  return lines.join('\n')
}

export function renderRolesSuggest(input: RolesSuggestResult, {style}: RolesTextOptions): string {
  const result = terminalSafeDeep(input)
  const what = result.app ? `${result.app.name} (${result.app.id})` : 'these scopes'
  const lines = [
    style.bold(`The least privileges an owner of ${what} needs (${plural(result.scopes.length, 'scope')}):`),
  ]
  if (result.requires.length === 0) lines.push('', '  No privilege: the mapped scopes need none.')
  else {
    const rows = result.requires.map((n) => [
      n.privilege,
      result.labels[n.privilege] ?? n.privilege,
      n.accountWide ? 'account-wide' : 'a group is enough',
      n.scopes.join(', '),
    ])
    lines.push('', renderTable(['PRIVILEGE', 'PORTAL LABEL', 'WHERE', 'NEEDED BY'], rows, {indent: '  '}))
  }
  if (result.partial.length > 0) {
    const rows = result.partial.map((n) => [
      n.privilege,
      result.labels[n.privilege] ?? n.privilege,
      n.scopes.join(', '),
    ])
    const note = result.includePartial
      ? 'required here, as --partial asks'
      : 'not required; add --partial to require them'
    lines.push(
      '',
      `Only some operations of a scope use these (${note}):`,
      renderTable(['PRIVILEGE', 'PORTAL LABEL', 'USED BY'], rows, {indent: '  '}),
    )
  }
  if (result.unmappedScopes.length > 0)
    lines.push('', style.yellow(`No matrix rule (cannot tell what they need): ${result.unmappedScopes.join(', ')}`))

  const covering = result.roles.filter((r) => r.covers)
  lines.push('')
  if (covering.length === 0) lines.push('No existing role covers it.')
  else {
    lines.push('Existing roles that cover it, least excess first:')
    const rows = covering.map((r) => [
      r.name,
      r.id,
      String(r.excessPrivileges.length),
      shortList(r.excessPrivileges) || '(none: exactly the set)',
    ])
    lines.push(renderTable(['ROLE', 'ID', 'EXCESS', 'EXCESS PRIVILEGES'], rows, {indent: '  ', maxCellWidth: 40}))
  }
  const closest = result.roles.filter((r) => !r.covers).slice(0, 3)
  if (closest.length > 0) {
    lines.push('', covering.length === 0 ? 'Closest roles:' : 'Closest roles that do not:')
    const rows = closest.map((r) => [
      r.name,
      r.id,
      r.missingPrivileges
        .map((p) => (p in r.groupLimited ? `${result.labels[p] ?? p} (only for some groups)` : (result.labels[p] ?? p)))
        .join(', '),
    ])
    lines.push(renderTable(['ROLE', 'ID', 'LACKS'], rows, {indent: '  ', maxCellWidth: 40}))
  }

  const set = [...result.requires, ...(result.includePartial ? result.partial : [])].map(
    (n) => result.labels[n.privilege] ?? n.privilege,
  )
  const best = covering[0]
  lines.push('')
  if (set.length === 0) lines.push('Suggestion: any role will do (Member included).')
  else if (best && best.excessPrivileges.length === 0)
    lines.push(`Suggestion: ${best.name} holds exactly what is needed.`)
  else {
    lines.push(
      `Suggestion: a role with exactly ${set.join(', ')}${best ? ` — or, with what exists, ${best.name} (${plural(best.excessPrivileges.length, 'privilege')} more than needed)` : ''}.`,
    )
  }
  return lines.join('\n')
}
