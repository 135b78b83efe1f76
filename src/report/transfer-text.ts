// People's views of `transfer check` and `transfer candidates`. Pure: results in, text out. Names are shown with
// control characters escaped; `transfer check` gives each candidate a block of its own, so any number of candidates
// fits the width.
import type {CandidatesResult} from '../transfer/candidates.js'
import type {CandidateOutcome, TransferCheckResult} from '../transfer/check.js'
import {plural, possessive} from '../words.js'
import {terminalSafe, terminalSafeDeep} from './escape.js'
import type {Style} from './style.js'
import {layoutTable, renderTable, type Cell} from './text-table.js'
import {wrapIndented, wrapText} from './wrap.js'

export interface TransferTextOptions {
  style: Style
  /** Columns to fit in (the terminal's width, or 80). */
  width: number
}

const labelled = (privileges: string[], labels: Record<string, string>) =>
  privileges.map((p) => labels[p] ?? p).join(', ')
const withNames = (privileges: string[], labels: Record<string, string>) =>
  privileges.map((p) => (labels[p] && labels[p] !== p ? `${labels[p]} (${p})` : p)).join(', ')

function appLine(app: TransferCheckResult['app']): string {
  const from =
    app.scopesFrom === 'account' ? '' : app.scopesFrom === 'flag' ? ', as given with --scopes' : ', from the inventory'
  return `${app.name} (${app.id}): ${plural(app.scopes.length, 'scope')}${from}`
}

function who(c: CandidateOutcome): string {
  if (!c.user.email) return `${c.ref} (no such user)`
  const details = [c.user.name, c.user.roleName ?? (c.user.roleId ? `role ${c.user.roleId}` : null)]
    .filter(Boolean)
    .join(', ')
  return details ? `${c.user.email} (${details})` : c.user.email
}

function outcome(c: CandidateOutcome, scope: string, style: Style): Cell {
  if (c.unmappedScopes.includes(scope)) return {text: 'cannot tell (no matrix rule)', paint: style.yellow}
  const lost = c.deactivatedScopes.find((s) => s.scope === scope)
  if (lost) {
    const limited = lost.missingPrivileges.filter((p) => p in lost.groupLimited)
    const plain = lost.missingPrivileges.filter((p) => !(p in lost.groupLimited))
    const parts = [
      plain.length > 0 ? `needs ${labelled(plain, c.labels)}` : '',
      limited.length > 0 ? `${labelled(limited, c.labels)} only for some groups` : '',
    ]
    return {text: `LOST: ${parts.filter(Boolean).join('; ')}`, paint: style.red}
  }
  const partial = c.partialScopes.find((s) => s.scope === scope)
  if (partial) return {text: `kept (partly: lacks ${labelled(partial.missingPrivileges, c.labels)})`}
  if (c.keptScopes.includes(scope)) return {text: 'kept', paint: style.green}
  return {text: 'unknown role'}
}

/** A candidate's block: the verdict and who, why, then what happens to each scope. */
function candidateBlock(
  c: CandidateOutcome,
  app: TransferCheckResult['app'],
  current: boolean,
  {style, width}: TransferTextOptions,
): string[] {
  const verdict = c.eligible ? 'eligible' : 'NOT eligible'
  const title = `${verdict}${current ? ' (current owner)' : ''}: ${who(c)}`
  const [first = '', ...rest] = wrapText(title, width)
  const paint = c.eligible ? style.green : style.red
  const lines = [paint(style.bold(first.slice(0, verdict.length))) + style.bold(first.slice(verdict.length)), ...rest]
  const unmapped = c.unmappedScopes.length > 0 ? `; ${plural(c.unmappedScopes.length, 'scope')} cannot be checked` : ''
  const why = c.eligible
    ? `Keeps all ${plural(app.scopes.length - c.unmappedScopes.length, 'mapped scope')}${unmapped}.`
    : (c.reason ?? '')
  lines.push(...wrapIndented(why, width, '  '))
  if (c.user.email && app.scopes.length > 0) {
    const mustKeep = app.mustKeep.length > 0
    const rows = app.scopes.map((scope) => [
      scope,
      ...(mustKeep ? [app.mustKeep.includes(scope) ? 'yes' : ''] : []),
      outcome(c, scope, style),
    ])
    const headers = ['SCOPE', ...(mustKeep ? ['MUST KEEP'] : []), 'OUTCOME']
    const table = layoutTable(headers, rows, {indent: '  ', width})
    lines.push(style.dim(table.header), ...table.rows.flat())
  }
  return lines
}

export function renderTransferCheck(input: TransferCheckResult, options: TransferTextOptions): string {
  const result = terminalSafeDeep(input)
  const {style, width} = options
  const {app} = result
  const lines = wrapText(appLine(app), width).map((line) => style.bold(line))
  if (app.scopes.length === 0) lines.push('', 'The app has no scopes: any active user keeps all of them.')
  if (result.currentOwner) lines.push('', ...candidateBlock(result.currentOwner, app, true, options))
  for (const c of result.candidates) lines.push('', ...candidateBlock(c, app, false, options))

  const unmapped = result.candidates[0]?.unmappedScopes ?? result.currentOwner?.unmappedScopes ?? []
  if (unmapped.length > 0) {
    const note = `No matrix rule for ${unmapped.join(', ')}: nobody can tell what ${unmapped.length === 1 ? 'it needs' : 'they need'}; ${result.strict ? '--strict counts that against every candidate' : 'not held against candidates (--strict to require every scope be checked)'}.`
    lines.push('', ...wrapText(note, width).map((line) => style.dim(line)))
  }
  const eligible = result.candidates.filter((c) => c.eligible).length
  lines.push('', `${eligible} of ${plural(result.candidates.length, 'candidate')} eligible.`)
  return lines.join('\n')
}

export function renderCandidates(input: CandidatesResult, {style}: TransferTextOptions): string {
  const result = terminalSafeDeep(input)
  const {app} = result
  const lines = [style.bold(`Who could own ${app.name} (${app.id}) and keep all its scopes — least privilege first`)]
  const from =
    app.scopesFrom === 'flag'
      ? ' (as given with --scopes)'
      : app.scopesFrom === 'inventory'
        ? ' (from the inventory)'
        : ''
  lines.push(`Scopes${from}: ${app.scopes.join(', ') || '(none)'}`)
  lines.push(
    `Needs: ${result.requiredPrivileges.length > 0 ? withNames(result.requiredPrivileges, result.labels) : '(no privilege)'}`,
  )
  if (result.unmappedScopes.length > 0)
    lines.push(style.dim(`Cannot tell (no matrix rule, not held against anyone): ${result.unmappedScopes.join(', ')}`))
  lines.push('')

  if (result.total === 0) {
    lines.push(style.yellow('Nobody qualifies.'), '')
    const x = result.explanation
    if (x) {
      lines.push(x.message)
      if (x.required.length > 0) {
        lines.push(
          '',
          renderTable(
            ['REQUIRED PRIVILEGE', 'PORTAL LABEL', "ACTIVE USERS' ROLES THAT HOLD IT"],
            x.required.map((r) => [
              r.privilege,
              r.label,
              r.heldBy.length > 0 ? r.heldBy.join(', ') : {text: '(none)', paint: style.red},
            ]),
          ),
        )
      }
      if (x.closestRoles.length > 0) {
        const rows = x.closestRoles.map((r) => [
          r.name,
          String(r.activeMembers),
          r.missingPrivileges
            .map((p) =>
              p in r.groupLimited ? `${result.labels[p] ?? p} (only for some groups)` : (result.labels[p] ?? p),
            )
            .join(', ') || '(nothing)',
        ])
        lines.push('', 'Closest roles:', renderTable(['ROLE', 'ACTIVE MEMBERS', 'LACKS'], rows, {indent: '  '}))
      }
    }
    return lines.join('\n')
  }

  const rows = result.candidates.map((c) => [
    c.user.email + (c.currentOwner ? ' (current owner)' : ''),
    c.user.name ?? '',
    c.user.roleName,
    String(c.excessPrivileges),
  ])
  lines.push(renderTable(['EMAIL', 'NAME', 'ROLE', 'EXCESS PRIVILEGES'], rows))
  lines.push('')
  const n = result.candidates.length
  lines.push(
    n < result.total
      ? `${plural(result.total, 'active user')} qualify; showing the first ${n} (--limit N for more, --limit 0 for all).`
      : `${plural(result.total, 'active user')} ${result.total === 1 ? 'qualifies' : 'qualify'}. Excess privileges: role privileges none of the app's scopes needs.`,
  )
  return lines.join('\n')
}

/** Said on stderr when --scopes was given for an app whose own scopes the account shows. */
export function scopesIgnoredNote(app: {name: string}): string {
  return `Note: --scopes ignored: the account shows ${possessive(terminalSafe(app.name))} own scopes.`
}
