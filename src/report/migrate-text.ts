// People's view of `migrate preview`: the classic → granular table, then what it means for the owner. Pure.
import type {MigrationOwner, MigrationPreview, PrivilegeUse} from '../migrate/preview.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'

export interface MigrateTextOptions {
  style: Style
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const named = (p: PrivilegeUse) => (p.label !== p.privilege ? `${p.label} (${p.privilege})` : p.privilege)

export function migrationHeading(preview: MigrationPreview): string {
  const classic = preview.scopes.length
  const what = `${plural(classic, 'classic scope')} → ${plural(preview.granularSet.length - preview.alreadyGranular.length, 'granular scope')}`
  if (!preview.app) return `Scopes given: ${what}`
  const from =
    preview.app.scopesFrom === 'flag'
      ? ', as given with --scopes'
      : preview.app.scopesFrom === 'inventory'
        ? ', from the inventory'
        : ''
  return `${preview.app.name} (${preview.app.id}): ${what}${from}`
}

export function ownerText(owner: MigrationOwner): string {
  if (!owner.user.email) return owner.ref
  const details = [
    owner.user.name,
    owner.user.roleName ?? (owner.user.roleId ? `role ${owner.user.roleId}` : null),
  ].filter(Boolean)
  const status = owner.user.status && owner.user.status !== 'active' ? `, ${owner.user.status}` : ''
  return `${owner.user.email}${details.length > 0 ? ` (${details.join(', ')}${status})` : ''}`
}

/** The sentences both the table and Markdown views end with, in order. */
export function migrationSentences(preview: MigrationPreview): {title: string; lines: string[]}[] {
  const sections: {title: string; lines: string[]}[] = []
  const needs = preview.privileges.map(
    (p) => `${named(p)}${preview.newlyRequired.includes(p.privilege) ? ' — new' : ''}`,
  )
  sections.push({title: 'The granular scopes need', lines: needs.length > 0 ? needs : ['no role privilege']})
  if (preview.unmapped.length > 0) {
    sections[0]!.lines.push(
      `cannot tell for ${plural(preview.unmapped.length, 'granular scope')} no matrix rule covers (${preview.unmapped.join(', ')})`,
    )
  }

  const owner: string[] = []
  if (preview.scopes.length === 0) {
    owner.push('Nothing to migrate: the owner is not checked (the audit checks the granular scopes the app has).')
  } else if (!preview.owner) {
    owner.push(
      preview.app
        ? "No owner known: give --inventory with the app's owner to check what they could hold."
        : 'No app and no owner (--scopes alone): nothing to check against.',
    )
  } else if (preview.owner.problem) {
    owner.push(`${ownerText(preview.owner)}: ${preview.owner.problem}`)
  } else {
    const lost = preview.wouldDeactivate ?? []
    owner.push(
      lost.length === 0
        ? `${ownerText(preview.owner)} could hold every granular scope.`
        : `${ownerText(preview.owner)} lacks ${preview.delta!.lacking.map(named).join(', ')}: Zoom would deactivate ${plural(lost.length, 'granular scope')} after the migration.`,
    )
    if (preview.owner.lostToday.length > 0)
      owner.push(`Already today the owner cannot hold ${preview.owner.lostToday.join(', ')}.`)
    const released = preview.delta!.noLongerNeeded
    owner.push(
      released.length === 0
        ? 'No privilege becomes unnecessary.'
        : `No longer needed after the migration: ${released.map(named).join(', ')}.`,
    )
  }
  sections.push({title: 'Owner', lines: owner})

  if (preview.dropCandidates.length > 0) {
    sections.push({
      title:
        'Candidates to remove or make optional before Production (only these operations need them, and they need privileges the classic scopes did not)',
      lines: preview.dropCandidates.map(
        (c) => `${c.scope} (${c.privileges.map((p) => preview.labels[p] ?? p).join(', ')}): ${c.operations.join(', ')}`,
      ),
    })
  }
  const unknown = preview.scopes.filter((s) => !s.known).map((s) => s.classic)
  const notes = [preview.tokenNote, preview.events]
  if (unknown.length > 0)
    notes.unshift(
      `Zoom's operation data does not list ${unknown.join(', ')}: what Zoom would assign for ${unknown.length === 1 ? 'it' : 'them'} cannot be told.`,
    )
  if (preview.alreadyGranular.length > 0)
    notes.unshift(`Already granular, kept as they are: ${preview.alreadyGranular.join(', ')}.`)
  sections.push({title: 'Notes', lines: notes})
  return sections
}

/** The OWNER column's cell for a granular scope, when the owner was checked. */
function ownerCell(preview: MigrationPreview, style: Style): ((scope: string, mapped: boolean) => string) | null {
  if (!preview.wouldDeactivate) return null
  const lost = new Map(preview.wouldDeactivate.map((s) => [s.scope, s]))
  return (scope, mapped) => {
    const scopeLost = lost.get(scope)
    if (!scopeLost) return mapped ? style.green('kept') : style.yellow('cannot tell')
    const limited = scopeLost.missingPrivileges.filter((p) => p in scopeLost.groupLimited)
    const plain = scopeLost.missingPrivileges.filter((p) => !(p in scopeLost.groupLimited))
    const label = (ps: string[]) => ps.map((p) => preview.labels[p] ?? p).join(', ')
    const parts = [
      plain.length > 0 ? `needs ${label(plain)}` : '',
      limited.length > 0 ? `${label(limited)} only for some groups` : '',
    ]
    return style.red(`LOST: ${parts.filter(Boolean).join('; ')}`)
  }
}

export function renderMigrationTable(preview: MigrationPreview, {style}: MigrateTextOptions): string {
  const lines = [style.bold(migrationHeading(preview)), '']
  if (preview.scopes.length === 0) lines.push('The app has no classic scopes: nothing to migrate.')
  else {
    const owner = ownerCell(preview, style)
    const rows: string[][] = []
    for (const assignment of preview.scopes) {
      if (assignment.granular.length === 0)
        rows.push([assignment.classic, assignment.known ? '(none of its level)' : "(not in Zoom's data)", '', ''])
      for (const [i, g] of assignment.granular.entries()) {
        const requires = g.mapped ? g.requires.join(', ') || '(none)' : style.yellow('cannot tell')
        rows.push([
          i === 0 ? assignment.classic : '',
          g.scope,
          requires,
          String(g.operations.length),
          ...(owner ? [owner(g.scope, g.mapped)] : []),
        ])
      }
    }
    lines.push(
      renderTable(['CLASSIC', 'GRANULAR', 'REQUIRES', 'OPERATIONS', ...(owner ? ['OWNER'] : [])], rows, {
        maxCellWidth: 70,
      }),
    )
  }
  for (const section of migrationSentences(preview)) {
    lines.push('', `${section.title}:`, ...section.lines.map((line) => `  ${line}`))
  }
  return lines.join('\n')
}
