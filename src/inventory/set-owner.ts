// `inventory set-owner`: the inventory's text with only the owner cells of some apps changed. Pure: text in, text out.
// Everything else — key order, spacing, comments of style, quoting of other CSV cells, line endings — stays as it was,
// so the file's history shows exactly the hand-over.
import {applyEdits, modify} from 'jsonc-parser'

import {InputError} from '../errors.js'
import type {Inventory} from './types.js'

export interface SetOwnerInput {
  /** The file's text, as read. */
  text: string
  /** The same file, parsed and checked (loadInventory): where the apps are. */
  inventory: Inventory
  format: 'json' | 'csv'
  appIds: string[]
  owner: string
  /** For messages. */
  file: string
}

export interface SetOwnerResult {
  text: string
  /** Per app: the owner cell before (trimmed) — the same as the new owner when nothing changed. */
  changes: Array<{id: string; from: string; to: string}>
}

export function setOwner(input: SetOwnerInput): SetOwnerResult {
  const owner = input.owner.trim()
  if (!owner || /[\r\n]/.test(owner)) {
    throw new InputError('--owner must be an email or a Zoom user id on one line.', {code: 'usage', place: '--owner'})
  }
  const ids = [...new Set(input.appIds.map((id) => id.trim()).filter(Boolean))]
  const unknown = ids.filter((id) => !input.inventory.apps.some((a) => a.id === id))
  if (unknown.length > 0) {
    const list = unknown.map((id) => `"${id}"`).join(', ')
    throw new InputError(
      `${input.file}: no app ${list} in the inventory (--app takes the app_id as the inventory lists it).`,
      {code: 'unknown_app', file: input.file, appIds: unknown},
    )
  }
  const changes = ids.map((id) => ({id, from: input.inventory.apps.find((a) => a.id === id)!.owner, to: owner}))
  const text =
    input.format === 'json'
      ? setJsonOwners(input.text, input.inventory, ids, owner)
      : setCsvOwners(input.text, ids, owner)
  return {text, changes}
}

function setJsonOwners(text: string, inventory: Inventory, ids: string[], owner: string): string {
  let out = text
  for (const id of ids) {
    const index = inventory.apps.findIndex((a) => a.id === id)
    // Replaces the value in place; the indentation options only matter if the key had to be added.
    const edits = modify(out, ['apps', index, 'owner'], owner, {formattingOptions: {insertSpaces: true, tabSize: 2}})
    out = applyEdits(out, edits)
  }
  return out
}

interface CsvField {
  start: number
  end: number
  value: string
}

/** RFC 4180 fields with where each one sits in the text (records of only empty lines skipped, as the loader does). */
export function scanCsv(text: string): CsvField[][] {
  const records: CsvField[][] = []
  let record: CsvField[] = []
  let i = text.startsWith('\uFEFF') ? 1 : 0
  for (;;) {
    const start = i
    let value = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) break
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"'
            i += 2
            continue
          }
          i++
          break
        }
        value += text[i++]
      }
      // Anything between the closing quote and the separator belongs to the cell (the loader would refuse it anyway).
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++]
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++]
    }
    record.push({start, end: i, value})
    if (text[i] === ',') {
      i++
      continue
    }
    if (!(record.length === 1 && record[0]!.value === '' && record[0]!.start === record[0]!.end)) records.push(record)
    record = []
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
    if (i >= text.length) break
  }
  return records
}

/** A CSV cell as csv-stringify would write it: quoted only when it has to be. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value
}

function setCsvOwners(text: string, ids: string[], owner: string): string {
  const [header, ...rows] = scanCsv(text)
  const names = (header ?? []).map((f) => f.value.trim().toLowerCase())
  const idColumn = names.indexOf('app_id')
  const ownerColumn = names.indexOf('owner')
  const wanted = new Set(ids)
  // From the end, so earlier offsets stay valid.
  const targets = rows
    .filter((r) => wanted.has((r[idColumn]?.value ?? '').trim()))
    .map((r) => r[ownerColumn]!)
    .sort((a, b) => b.start - a.start)
  let out = text
  for (const cell of targets) out = out.slice(0, cell.start) + csvCell(owner) + out.slice(cell.end)
  return out
}
