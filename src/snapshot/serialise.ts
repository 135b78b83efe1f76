// A snapshot as it is written to a file: the one text form `snapshot --output` and `audit --save-snapshot` share.
import type {Snapshot} from './types.js'

export function serialiseSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`
}
