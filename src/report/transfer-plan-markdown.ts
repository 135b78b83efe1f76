// `transfer plan` for an offboarding ticket. Pure: plan in, Markdown out.
import type {PlanApp, TransferPlan} from '../transfer/plan.js'
import {candidateMarks, outcomeSentence, personLine, summarySentence} from './transfer-plan-text.js'

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

export function renderPlanMarkdown(plan: TransferPlan): string {
  const lines = [`# Offboarding ${cell(plan.from.ref)}: app hand-over`, '']
  lines.push(`- Leaving: ${cell(personLine(plan.from))}`)
  if (plan.to) lines.push(`- Handing everything to: ${cell(personLine(plan.to))}`)
  lines.push(
    `- Account owner (Zoom's default heir): ${plan.accountOwner ? `\`${plan.accountOwner.email}\`` : 'none active'}`,
  )
  lines.push('', `**${summarySentence(plan)}**`)
  for (const app of plan.apps) lines.push('', ...appSection(app, plan))
  return `${lines.join('\n')}\n`
}

function appSection(a: PlanApp, plan: TransferPlan): string[] {
  const lines = [`## ${cell(a.app.name)} (\`${a.app.id}\`)`, '']
  if (!a.checked) return [...lines, `Cannot check: ${cell(a.blockers?.message ?? '')}`]
  lines.push(`Scopes: ${a.app.scopes.map((s) => `\`${s}\``).join(', ') || '(none)'}`, '')
  if (a.unmappedScopes.length > 0) lines.push(`Cannot tell (no matrix rule): ${a.unmappedScopes.join(', ')}`, '')
  lines.push(
    a.suggested
      ? `- [ ] Hand over to **${a.suggested.user.email}**${candidateMarks(a.suggested)} (${cell(a.suggested.user.roleName)})`
      : `- **No eligible candidate.** ${cell(a.blockers?.message ?? '')}`,
  )
  if (a.to)
    lines.push(
      `- To ${cell(plan.to?.ref ?? '')}: ${a.to.eligible ? 'eligible' : '**NOT eligible**'}: ${cell(outcomeSentence(a.to))}`,
    )
  if (a.accountOwner && !a.candidates.some((c) => c.accountOwner))
    lines.push(`- Account owner ${a.accountOwner.user.email}: ${cell(outcomeSentence(a.accountOwner))}`)
  if (a.candidates.length > 0) {
    lines.push('', '| Candidate | Role | Excess privileges |', '|---|---|---|')
    for (const c of a.candidates)
      lines.push(`| ${cell(c.user.email + candidateMarks(c))} | ${cell(c.user.roleName)} | ${c.excessPrivileges} |`)
  }
  return lines
}
