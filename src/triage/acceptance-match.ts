// Which findings an accepted-findings entry covers, and how to name the entry in a sentence.
import type {Finding} from '../audit/types.js'
import {patternMatches} from '../matrix/matrix.js'
import type {Acceptance} from './types.js'

export function acceptanceMatches(acceptance: Acceptance, finding: Finding): boolean {
  const {id, app, kind, scope} = acceptance
  if (id !== undefined && id !== finding.id) return false
  if (app !== undefined && app !== '*' && app !== finding.appId) return false
  if (kind !== undefined && kind !== '*' && kind !== finding.kind) return false
  if (scope !== undefined && scope !== '*' && (finding.scope === null || !patternMatches(scope, finding.scope)))
    return false
  return true
}

/** What the entry matches, as written in the file: `id zsa-…`, or `app 123, kind *, scope meeting:read:*`. */
export function acceptanceTarget(acceptance: Acceptance): string {
  const parts = (['id', 'app', 'kind', 'scope'] as const)
    .filter((key) => acceptance[key] !== undefined)
    .map((key) => `${key} ${acceptance[key]}`)
  return parts.join(', ')
}

/** The entry in words, for notes and the expired-acceptance finding: its target, reason, ticket and end. */
export function describeAcceptance(acceptance: Acceptance): string {
  const extra = [acceptance.ticket && `ticket ${acceptance.ticket}`, acceptance.by && `by ${acceptance.by}`]
    .filter(Boolean)
    .join(', ')
  return `the acceptance of ${acceptanceTarget(acceptance)} ("${acceptance.reason}"${extra ? `, ${extra}` : ''})`
}
