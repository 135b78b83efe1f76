// `migrate preview` for a ticket or a wiki page: the same facts as the table view. Pure.
import type {MigrationPreview} from '../migrate/preview.js'
import {migrationHeading, migrationSentences} from './migrate-text.js'

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
const code = (text: string) => (text ? `\`${text}\`` : '')

export function renderMigrationMarkdown(preview: MigrationPreview): string {
  const lines = ['# Migrating to granular scopes', '', `**${cell(migrationHeading(preview))}**`, '']
  if (preview.scopes.length === 0) lines.push('The app has no classic scopes: nothing to migrate.', '')
  else {
    const checked = preview.wouldDeactivate !== undefined
    const lost = new Map((preview.wouldDeactivate ?? []).map((s) => [s.scope, s]))
    const owner = (scope: string, mapped: boolean) => {
      const missing = lost.get(scope)?.missingPrivileges
      if (missing) return `**lost**: needs ${missing.map((p) => preview.labels[p] ?? p).join(', ')}`
      return mapped ? 'kept' : 'cannot tell'
    }
    lines.push(
      `| Classic | Granular | Requires | Operations |${checked ? ' Owner |' : ''}`,
      `|---|---|---|---|${checked ? '---|' : ''}`,
    )
    for (const a of preview.scopes) {
      if (a.granular.length === 0)
        lines.push(
          `| ${code(a.classic)} | ${a.known ? 'none of its level' : "not in Zoom's data"} | | |${checked ? ' |' : ''}`,
        )
      for (const g of a.granular) {
        const requires = g.mapped ? g.requires.map(code).join(', ') || 'none' : 'cannot tell'
        lines.push(
          `| ${code(a.classic)} | ${code(g.scope)} | ${requires} | ${g.operations.length} |${checked ? ` ${owner(g.scope, g.mapped)} |` : ''}`,
        )
      }
    }
    lines.push('')
  }
  for (const section of migrationSentences(preview)) {
    lines.push(`## ${cell(section.title)}`, '', ...section.lines.map((line) => `- ${cell(line)}`), '')
  }
  return lines.join('\n')
}
