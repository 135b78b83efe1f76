// A snapshot file: parsed and schema-checked at the boundary; the audit trusts it after this.
import {parseJson} from '../input/parse-json.js'
import {readTextFile} from '../input/read-file.js'
import {assertSchema} from '../input/schema-check.js'
import type {Snapshot} from './types.js'

export async function loadSnapshot(file: string): Promise<Snapshot> {
  const text = await readTextFile(file, 'snapshot')
  return assertSchema('snapshot', parseJson(text, file, 'snapshot'), file, 'account snapshot')
}
