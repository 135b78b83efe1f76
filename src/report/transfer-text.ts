// People's views of `transfer check` and `transfer candidates`. Pure: results in, text out.
import type {CandidatesResult} from '../transfer/candidates.js'
import type {CandidateOutcome, TransferCheckResult} from '../transfer/check.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'

export interface TransferTextOptions {
  style: Style
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
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
  if (!c.user.email) return c.ref
  const details = [c.user.name, c.user.roleName ?? (c.user.roleId ? `role ${c.user.roleId}` : null)]
    .filter(Boolean)
    .join(', ')
  return details ? `${c.user.email} (${details})` : c.user.email
}

function cell(c: CandidateOutcome, scope: string, style: Style): string {
  if (!c.user.email) return '-'
  if (c.unmappedScopes.includes(scope)) return style.yellow('cannot tell')
  const lost = c.deactivatedScopes.find((s) => s.scope === scope)
  if (lost) {
    const limited = lost.missingPrivileges.filter((p) => p in lost.groupLimited)
    const plain = lost.missingPrivileges.filter((p) => !(p in lost.groupLimited))
    const parts = [
      plain.length > 0 ? `needs ${labelled(plain, c.labels)}` : '',
      limited.length > 0 ? `${labelled(limited, c.labels)} only for some groups` : '',
    ]
    return style.red(`LOST: ${parts.filter(Boolean).join('; ')}`)
  }
  const partial = c.partialScopes.find((s) => s.scope === scope)
  if (partial) return `kept (partly: lacks ${labelled(partial.missingPrivileges, c.labels)})`
  if (c.keptScopes.includes(scope)) return style.green('kept')
  return 'unknown role'
}

function verdict(c: CandidateOutcome, total: number, style: Style): string {
  if (c.eligible) {
    const unmapped =
      c.unmappedScopes.length > 0 ? `; ${plural(c.unmappedScopes.length, 'scope')} cannot be checked` : ''
    return `${style.green('eligible')}      ${who(c)}: keeps all ${plural(total - c.unmappedScopes.length, 'mapped scope')}${unmapped}.`
  }
  return `${style.red('NOT eligible')}  ${who(c)}: ${c.reason ?? ''}`
}

export function renderTransferCheck(result: TransferCheckResult, {style}: TransferTextOptions): string {
  const {app} = result
  const lines = [style.bold(appLine(app))]
  const columns: Array<{title: string; outcome: CandidateOutcome}> = []
  if (result.currentOwner)
    columns.push({
      title: `${result.currentOwner.user.email ?? result.currentOwner.ref} (current owner)`,
      outcome: result.currentOwner,
    })
  for (const c of result.candidates) columns.push({title: c.user.email ?? `${c.ref} (no such user)`, outcome: c})

  if (app.scopes.length === 0) lines.push('', 'The app has no scopes: any active user keeps all of them.')
  else {
    const mustKeep = app.mustKeep.length > 0
    const headers = ['SCOPE', ...(mustKeep ? ['MUST KEEP'] : []), ...columns.map((c) => c.title)]
    const rows = app.scopes.map((scope) => [
      scope,
      ...(mustKeep ? [app.mustKeep.includes(scope) ? 'yes' : ''] : []),
      ...columns.map((c) => cell(c.outcome, scope, style)),
    ])
    lines.push('', renderTable(headers, rows, {maxCellWidth: 60}))
  }

  lines.push('')
  if (result.currentOwner) lines.push(`Current owner: ${verdict(result.currentOwner, app.scopes.length, style)}`)
  for (const c of result.candidates) lines.push(verdict(c, app.scopes.length, style))
  const unmapped = result.candidates[0]?.unmappedScopes ?? result.currentOwner?.unmappedScopes ?? []
  if (unmapped.length > 0) {
    lines.push(
      '',
      style.dim(
        `No matrix rule for ${unmapped.join(', ')}: nobody can tell what ${unmapped.length === 1 ? 'it needs' : 'they need'}; ${result.strict ? '--strict counts that against every candidate' : 'not held against candidates (--strict to require every scope be checked)'}.`,
      ),
    )
  }
  const eligible = result.candidates.filter((c) => c.eligible).length
  lines.push('', `${eligible} of ${plural(result.candidates.length, 'candidate')} eligible.`)
  return lines.join('\n')
}

export function renderCandidates(result: CandidatesResult, {style}: TransferTextOptions): string {
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
            x.required.map((r) => [r.privilege, r.label, r.heldBy.join(', ') || style.red('(none)')]),
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
  return `Note: --scopes ignored: the account shows ${app.name}'s own scopes.`
}
