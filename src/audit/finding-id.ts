// Finding ids survive re-runs, re-ordering and wording changes: they hash only what the finding is about.
import {createHash} from 'node:crypto'

import type {FindingKind} from './types.js'

export function findingId(kind: FindingKind, appId: string, scope: string | null, privilege?: string): string {
  const key = [kind, appId, scope ?? '', privilege ?? ''].join('\u0000')
  return `zsa-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`
}
