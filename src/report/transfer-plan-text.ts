// Words shared by the people's and the ticket's views of `transfer plan`. Pure.
import type {CandidateOutcome} from '../transfer/check.js'
import type {PlanCandidate, PlanPerson, TransferPlan} from '../transfer/plan.js'

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function personLine(person: PlanPerson): string {
  const u = person.user
  if (!u?.email) return `${person.ref} (not in the account)`
  const role = u.roleName ?? (u.roleId ? `role ${u.roleId}` : 'no role')
  return `${u.name ? `${u.name} ` : ''}<${u.email}>: ${u.status ?? 'unknown status'}, ${role}`
}

export function candidateMarks(c: PlanCandidate): string {
  const marks = [c.accountOwner ? 'account owner' : '', c.leaving ? 'leaving' : ''].filter(Boolean)
  return marks.length > 0 ? ` (${marks.join(', ')})` : ''
}

/** One sentence on handing the app to a named person (the account owner, or --to). */
export function outcomeSentence(o: CandidateOutcome): string {
  if (o.eligible) {
    const n = o.unmappedScopes.length
    return `keeps every mapped scope${n > 0 ? ` (${plural(n, 'scope')} cannot be checked)` : ''}.`
  }
  return o.reason ?? 'not eligible.'
}

export function summarySentence(plan: TransferPlan): string {
  const s = plan.summary
  const parts = [
    `${plural(s.apps, 'app')}`,
    `${s.withSuggestion} with a suggested new owner`,
    `${s.withoutCandidate} with no eligible candidate`,
  ]
  if (s.onlyAccountOwner > 0) parts.push(`${s.onlyAccountOwner} only the account owner could take`)
  if (s.toLosesScopes !== null && plan.to) parts.push(`${plan.to.ref} would lose scopes on ${s.toLosesScopes}`)
  return `${parts.join(', ')}.`
}
