// stderr notes about accepted findings: which acceptances ran out, which no longer match anything.
import type {Acceptance} from '../triage/types.js'

export function triageNotes(r: {expired: Acceptance[]; stale: Acceptance[]}, acceptFile: string | undefined): string[] {
  const notes = r.expired.map((a) => `Note: the acceptance of ${a.id} ended on ${a.until}; the finding counts again.`)
  if (r.stale.length > 0) {
    notes.push(
      `Note: ${r.stale.length} accepted finding(s) no longer occur (${r.stale.map((a) => a.id).join(', ')}): remove them from ${acceptFile}.`,
    )
  }
  return notes
}
