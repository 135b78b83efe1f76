// stderr notes about accepted findings: which acceptances ran out, which no longer match anything.
import {acceptanceTarget, describeAcceptance} from '../triage/acceptance-match.js'
import type {Acceptance} from '../triage/types.js'
import {plural} from '../words.js'
import {terminalSafe, terminalSafeDeep} from './escape.js'

export function triageNotes(r: {expired: Acceptance[]; stale: Acceptance[]}, acceptFile: string | undefined): string[] {
  // Ids, patterns and dates come from a file anyone may have written: shown with control characters escaped. Only the
  // acceptances are escaped: `r` may be a whole triage result, report included, of which nothing is printed here.
  r = {expired: terminalSafeDeep(r.expired), stale: terminalSafeDeep(r.stale)}
  acceptFile = acceptFile === undefined ? undefined : terminalSafe(acceptFile)
  const notes = r.expired.map(
    (a) =>
      `Note: ${describeAcceptance(a)} ended on ${a.until}; it no longer applies (see its expired-acceptance finding).`,
  )
  if (r.stale.length > 0) {
    notes.push(
      `Note: ${plural(r.stale.length, 'accepted-findings entry', 'accepted-findings entries')} no longer ${r.stale.length === 1 ? 'matches' : 'match'} any finding (${r.stale.map((a) => acceptanceTarget(a)).join('; ')}): remove ${r.stale.length === 1 ? 'it' : 'them'} from ${acceptFile}.`,
    )
  }
  return notes
}
