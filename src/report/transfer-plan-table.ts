// `transfer plan` for people: one block per app, within 80 columns. Pure: plan in, text out.
import type {PlanApp, TransferPlan} from '../transfer/plan.js'
import type {Style} from './style.js'
import {renderTable} from './text-table.js'
import {candidateMarks, outcomeSentence, personLine, plural, summarySentence} from './transfer-plan-text.js'

export interface PlanTableOptions {
  style: Style
  /** Candidates listed per app (the rest are counted). */
  limit?: number
}

const WIDTH = 80

/** Words to lines of at most `width` columns, later lines indented. */
export function wrapText(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = []
  let line = indent
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const bare = line.trim() === ''
    if (!bare && line.length + 1 + word.length > width) {
      lines.push(line)
      line = `${indent}  ${word}`
    } else line = bare ? `${line}${word}` : `${line} ${word}`
  }
  if (line.trim() !== '') lines.push(line)
  return lines
}

export function renderPlanTable(plan: TransferPlan, {style, limit = 5}: PlanTableOptions): string {
  const lines = [style.bold(`Offboarding ${plan.from.ref}: ${plural(plan.apps.length, 'app')} to hand over`)]
  lines.push(...wrapText(`Leaving: ${personLine(plan.from)}`, ''))
  if (plan.to) lines.push(...wrapText(`Handing everything to: ${personLine(plan.to)}`, ''))
  lines.push(
    ...wrapText(
      `Account owner (Zoom's default heir): ${plan.accountOwner ? plan.accountOwner.email : 'none active in the account'}`,
      '',
    ),
  )
  if (plan.from.user?.status && plan.from.user.status !== 'active')
    lines.push(...wrapText(`Note: ${plan.from.ref} is ${plan.from.user.status} and still owns these apps.`, ''))
  if (plan.apps.length === 0) lines.push('', `The inventory names no app owned by ${plan.from.ref}.`)
  for (const app of plan.apps) lines.push('', ...appBlock(app, plan, style, limit))
  lines.push('', ...wrapText(summarySentence(plan), ''))
  return lines.join('\n')
}

function appBlock(a: PlanApp, plan: TransferPlan, style: Style, limit: number): string[] {
  const lines = [style.bold(`${a.app.name} (${a.app.id})`)]
  if (!a.checked) {
    lines.push(...wrapText(`${style.red('Cannot check:')} ${a.blockers?.message ?? ''}`, '  '))
    return lines
  }
  lines.push(...wrapText(`Scopes: ${a.app.scopes.join(' ') || '(none)'}`, '  '))
  if (a.unmappedScopes.length > 0)
    lines.push(...wrapText(style.dim(`Cannot tell (no matrix rule): ${a.unmappedScopes.join(' ')}`), '  '))
  if (a.suggested) {
    const s = a.suggested
    lines.push(
      ...wrapText(
        `${style.green('Suggested:')} ${s.user.email}${candidateMarks(s)} (${s.user.roleName}, ${plural(s.excessPrivileges, 'excess privilege')})`,
        '  ',
      ),
    )
  } else {
    lines.push(...wrapText(`${style.red('No eligible candidate.')} ${a.blockers?.message ?? ''}`, '  '))
  }
  if (a.candidates.length > 0) {
    const shown = a.candidates.slice(0, limit)
    // The account owner is always shown, even past the limit.
    const owner = a.candidates.find((c) => c.accountOwner)
    if (owner && !shown.includes(owner)) shown.push(owner)
    const rows = shown.map((c) => [c.user.email + candidateMarks(c), c.user.roleName, String(c.excessPrivileges)])
    lines.push(renderTable(['CANDIDATE', 'ROLE', 'EXCESS'], rows, {indent: '  ', maxCellWidth: 48}))
    if (shown.length < a.candidates.length)
      lines.push(`  … ${plural(a.candidates.length - shown.length, 'more candidate')} (--json lists all).`)
  }
  if (a.accountOwner && !a.candidates.some((c) => c.accountOwner))
    lines.push(...wrapText(`Account owner ${a.accountOwner.user.email}: ${outcomeSentence(a.accountOwner)}`, '  '))
  if (a.to) {
    const verdict = a.to.eligible ? style.green('eligible') : style.red('NOT eligible')
    lines.push(...wrapText(`To ${plan.to?.ref}: ${verdict}: ${outcomeSentence(a.to)}`, '  '))
  }
  return lines
}
