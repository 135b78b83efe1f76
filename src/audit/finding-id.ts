// Finding ids survive re-runs, re-ordering and wording changes: they hash only what the finding is about — its kind,
// its app and (for scope findings) its scope. One finding per scope, so the privileges are not part of the key.
import {createHash} from 'node:crypto'

import type {FindingKind} from './types.js'

export function findingId(kind: FindingKind, appId: string, scope: string | null): string {
  // The trailing empty field keeps the ids of app-level findings what they were when privileges were part of the key.
  const key = [kind, appId, scope ?? '', ''].join('\u0000')
  return `zsa-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`
}
