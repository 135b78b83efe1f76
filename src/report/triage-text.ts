// stderr notes about accepted findings: which acceptances ran out, which no longer match anything.
import type {Acceptance} from '../triage/types.js'
import {plural} from '../words.js'
import {terminalSafe, terminalSafeDeep} from './escape.js'

export function triageNotes(r: {expired: Acceptance[]; stale: Acceptance[]}, acceptFile: string | undefined): string[] {
  // Ids and dates come from a file anyone may have written: shown with control characters escaped.
  r = terminalSafeDeep(r)
  acceptFile = acceptFile === undefined ? undefined : terminalSafe(acceptFile)
  const notes = r.expired.map((a) => `Note: the acceptance of ${a.id} ended on ${a.until}; the finding counts again.`)
  if (r.stale.length > 0) {
    notes.push(
      `Note: ${plural(r.stale.length, 'accepted finding')} no longer ${r.stale.length === 1 ? 'occurs' : 'occur'} (${r.stale.map((a) => a.id).join(', ')}): remove ${r.stale.length === 1 ? 'it' : 'them'} from ${acceptFile}.`,
    )
  }
  return notes
}
