// People's views of the matrix commands' results.
import type {ScopeExplanation} from '../matrix/explain.js'
import type {PrivilegeListing} from '../matrix/privileges.js'
import type {FileValidation} from '../matrix/validate-files.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'

const list = (items: string[], labels: Record<string, string>) =>
  items.length === 0
    ? '(none)'
    : items.map((p) => (labels[p] && labels[p] !== p ? `${p} (${labels[p]})` : p)).join(', ')

export function renderExplanations(scopes: ScopeExplanation[], style: Style): string {
  return scopes
    .map((s) => {
      const kind = s.level === null || s.action === null ? 'malformed scope' : `${s.level}-level, ${s.action}`
      const lines = [style.bold(s.scope) + style.dim(`  ${kind}`)]
      if (s.matched === null) {
        lines.push(`  ${style.yellow(s.wellFormed ? 'unmapped' : 'malformed')}: ${s.note ?? ''}`)
      } else {
        const rows = [
          ['matched', s.matched === s.scope ? `${s.matched} (exact rule)` : `${s.matched} (pattern)`],
          ['file', s.file ?? ''],
          ['requires', list(s.requires, s.labels)],
          ['partial', list(s.partial, s.labels)],
          ['confidence', s.confidence ?? ''],
        ]
        if (s.operations !== null)
          rows.push(['operations', String(s.operations) + (s.products.length > 0 ? ` (${s.products.join(', ')})` : '')])
        for (const [i, source] of s.sources.entries()) rows.push([i === 0 ? 'sources' : '', source])
        if (s.note) rows.push(['note', s.note])
        if (s.granularEquivalents) {
          if (s.granularEquivalents.length === 0) rows.push(['granular', "(none of its level in Zoom's data)"])
          for (const [i, g] of s.granularEquivalents.entries())
            rows.push([
              i === 0 ? 'granular' : '',
              `${g.scope} (${g.operations} operation${g.operations === 1 ? '' : 's'})`,
            ])
        }
        if (s.satisfiedBy)
          rows.push([
            'roles that hold it',
            s.satisfiedBy.length === 0 ? '(none in this account)' : s.satisfiedBy.map((r) => r.name).join(', '),
          ])
        lines.push(renderTable(['', ''], rows, {indent: '  ', maxCellWidth: 20}).split('\n').slice(1).join('\n'))
      }
      return lines.join('\n')
    })
    .join('\n\n')
}

/** Problems shown per file and kind; the rest are counted ("and N more"), and --json lists them all. */
export const SHOWN_PROBLEMS = 50

export function renderValidation(files: FileValidation[], style: Style): string {
  return files
    .map((f) => {
      const head = f.valid ? `${style.green('valid')}  ${f.file}` : `${style.red('invalid')}  ${f.file}`
      const lines = [head]
      for (const e of f.errors.slice(0, SHOWN_PROBLEMS))
        lines.push(`  ${style.red('error')}    ${e.place} ${e.message}`)
      if (f.errors.length > SHOWN_PROBLEMS) lines.push(`  ${moreLine(f.errors.length - SHOWN_PROBLEMS, 'error')}`)
      for (const w of f.warnings.slice(0, SHOWN_PROBLEMS))
        lines.push(`  ${style.yellow('warning')}  ${w.place} ${w.message}`)
      if (f.warnings.length > SHOWN_PROBLEMS) lines.push(`  ${moreLine(f.warnings.length - SHOWN_PROBLEMS, 'warning')}`)
      return lines.join('\n')
    })
    .join('\n')
}

function moreLine(count: number, kind: string): string {
  return `… and ${count} more ${kind}${count === 1 ? '' : 's'} (matrix validate --json lists them all)`
}

export interface MatrixRuleRow {
  scope: string
  requires: string[]
  partial: string[]
  confidence: string
  file: string
}

export function renderMatrixRules(rules: MatrixRuleRow[], header: string): string {
  const rows = rules.map((r) => [
    r.scope,
    r.requires.join(', ') || '(none)',
    r.partial.join(', '),
    r.confidence,
    r.file,
  ])
  return `${header}\n\n${renderTable(['SCOPE', 'REQUIRES', 'PARTIAL', 'CONFIDENCE', 'FILE'], rows, {maxCellWidth: 50})}`
}

/** "2 errors in 1 file(s)." — stderr, after the listing. */
export function validationSummaryLine(files: FileValidation[]): string {
  const count = files.reduce((n, f) => n + f.errors.length, 0)
  return `${count} error${count === 1 ? '' : 's'} in ${files.filter((f) => !f.valid).length} file(s).`
}

/** One heading per portal section, then the privilege to write, its label and how many rules use it. */
export function renderPrivileges(privileges: PrivilegeListing[]): string {
  if (privileges.length === 0) return 'The matrix knows no privileges.'
  const rows = privileges.map((p) => [
    p.privilege,
    p.label === null ? '(no label)' : p.label + (p.derived ? ' *' : ''),
    `${p.requiredBy} rule${p.requiredBy === 1 ? '' : 's'}` + (p.partialIn > 0 ? `, ${p.partialIn} partial` : ''),
  ])
  const lines = renderTable(['PRIVILEGE', 'PORTAL LABEL', 'USED BY'], rows, {indent: '  '}).split('\n')
  const out = [lines[0]!]
  for (const [i, p] of privileges.entries()) {
    const section = p.section ?? '(no label in any layer)'
    if (i === 0 || section !== (privileges[i - 1]!.section ?? '(no label in any layer)')) out.push('', section)
    out.push(lines[i + 1]!)
  }
  if (privileges.some((p) => p.derived))
    out.push('', "* label made from the privilege name, not confirmed in Zoom's portal.")
  return out.join('\n')
}
