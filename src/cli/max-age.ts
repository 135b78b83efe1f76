// --max-age: how old a snapshot may be before an unattended run refuses it (a stale file must not pass for this
// week's account).
import {Flags} from '@oclif/core'

import {InputError} from '../errors.js'
import {describeAge} from '../report/audit-table.js'

const UNITS: Record<string, number> = {d: 86_400_000, h: 3_600_000, m: 60_000}

export interface MaxAge {
  text: string
  ms: number
}

/** "8d", "36h", "90m" → milliseconds. */
export function parseMaxAge(value: string): number {
  const match = /^\s*(\d+)\s*([dhm])\s*$/i.exec(value)
  if (!match)
    throw new InputError(`--max-age ${value} is not an age.`, {
      code: 'usage',
      place: '--max-age',
      actions: ['Write a number and d, h or m (8d, 36h, 90m).'],
    })
  return Number(match[1]) * UNITS[match[2]!.toLowerCase()]!
}

/** Checked when the command starts, before anything is fetched. */
export function maxAgeOf(value: string | undefined): MaxAge | undefined {
  return value === undefined ? undefined : {text: value.trim(), ms: parseMaxAge(value)}
}

export const maxAgeFlag = Flags.string({
  description:
    'With --snapshot: exit 2 when the snapshot is older than this (8d, 36h, 90m), so a scheduled run never reports on stale data. A live run reads the account now: nothing to check (a note says so).',
  helpValue: 'AGE',
})

/**
 * Live runs read the account now, so what --max-age promises holds and there is nothing to refuse: the run goes on,
 * and this note says the flag checked nothing (a scheduled job that sometimes passes --snapshot keeps working).
 */
export function liveMaxAgeNote(maxAge: MaxAge): string {
  return `Note: --max-age ${maxAge.text} was not checked: it applies to a --snapshot file, and this run read the account live from Zoom.`
}

export function assertFreshEnough(snapshot: {capturedAt: string}, file: string, maxAge: MaxAge, now: Date): void {
  const age = now.getTime() - Date.parse(snapshot.capturedAt)
  if (age <= maxAge.ms) return
  throw new InputError(
    `${file}: the snapshot was taken ${snapshot.capturedAt}, ${describeAge(age)} ago — older than --max-age ${maxAge.text}.`,
    {code: 'snapshot_too_old', file, place: '/capturedAt', actions: ['Take a new snapshot (or audit live).']},
  )
}
