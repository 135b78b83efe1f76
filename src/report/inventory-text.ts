// stderr lines of `inventory init`: apps the account no longer shows, then what was written and what to do next.
import type {TemplateResult} from '../inventory/template.js'
import {plural} from '../words.js'
import {terminalSafe} from './escape.js'

/** What the template or merge did (TemplateResult without the inventory itself), and the run's figures. */
export interface InventoryInitFacts extends Omit<TemplateResult, 'inventory'> {
  output: string
  /** Entries written. */
  apps: number
  apiCalls: number
  seconds: number
}

export function inventoryInitNotes(r: InventoryInitFacts, mergeFile: string | undefined): string[] {
  const notes: string[] = []
  const n = r.gone.length
  if (n > 0) {
    notes.push(
      `${plural(n, 'app')} of ${terminalSafe(mergeFile ?? '')} ${n === 1 ? 'is' : 'are'} not among the account's apps (${terminalSafe(r.gone.join(', '))}): kept; the audit will report ${n === 1 ? 'it' : 'them'} as app-not-found.`,
    )
  }
  notes.push(summaryLine(r, mergeFile !== undefined))
  return notes
}

function summaryLine(r: InventoryInitFacts, merged: boolean): string {
  const apps = plural(r.apps, 'app')
  const how = merged ? ` (${r.added.length} new, ${r.kept.length} kept, ${r.gone.length} gone)` : ''
  const calls = r.apiCalls > 0 ? `, ${r.apiCalls} API calls, ${r.seconds} s` : ''
  const next =
    r.ownersMissing > 0
      ? `fill in ${r.ownersMissing === r.apps ? 'the owner column' : `the ${plural(r.ownersMissing, 'empty owner')}`}, then run audit --inventory ${r.output}`
      : `run audit --inventory ${r.output}`
  return `${apps}${how}${calls} → ${r.output}; ${next}`
}
