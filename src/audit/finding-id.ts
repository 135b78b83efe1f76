// Finding ids survive re-runs, re-ordering and wording changes: they hash only what the finding is about — its kind,
// its app and (for scope findings) its scope. One finding per scope, so the privileges are not part of the key.
import {hash} from 'node:crypto'

import type {FindingKind} from './types.js'

export function findingId(kind: FindingKind, appId: string, scope: string | null): string {
  // The trailing empty field keeps the ids of app-level findings what they were when privileges were part of the key.
  // crypto.hash (one call, UTF-8 like Hash.update) costs a third of createHash().update().digest() per id.
  return `zsa-${hash('sha256', `${kind}\u0000${appId}\u0000${scope ?? ''}\u0000`).slice(0, 12)}`
}
