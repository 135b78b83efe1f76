// Loads the Zoom facts copied into data/zoom/ (see data/zoom/README.md).
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {normalizePrivilege} from './normalize.js'
import {readTsv, splitList} from './tsv.js'

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/zoom/', import.meta.url))

export interface Operation {
  product: string
  /** True for the master-account documents (`<product>-ma`): a master account acting on its sub-accounts. */
  masterDocument: boolean
  method: string
  path: string
  operationId: string
  /** x-permissions after normalisation (renames applied, junk dropped), in Zoom's order, unique. */
  privileges: string[]
  /** Normalisations applied to this operation's x-permissions (for notes). */
  privilegeChanges: string[]
  /** `present` / `empty` / `absent` as extracted (before normalisation). */
  permissionsState: string
  classicScopes: string[]
  granularScopes: string[]
  summary: string
}

export interface LabelRow {
  privilege: string
  section: string
  label: string
  access: string
  status: string
  /** Where the label / the privilege string was seen (free text). */
  source: string
  /** True when Zoom's privileges reference lists the privilege. */
  inReference: boolean
  /** The privileges reference's description of it (blank when not listed). */
  referenceDescription: string
}

export interface ScopeSummaryRow {
  scope: string
  kind: 'classic' | 'granular'
  level: string
  privilegesUnion: string[]
  ops: number
  products: string[]
}

export interface SourceRow {
  product: string
  snapshot: string
  source: string
}

export interface ZoomData {
  operations: Operation[]
  labels: LabelRow[]
  scopeSummary: ScopeSummaryRow[]
  sources: SourceRow[]
}

export function operationKey(op: Operation): string {
  return `${op.product} ${op.method} ${op.path}`
}

export function loadZoomData(dir: string = DEFAULT_DATA_DIR): ZoomData {
  const opsDir = join(dir, 'operations')
  const files = readdirSync(opsDir)
    .filter((name) => name.endsWith('.tsv'))
    .sort()
  const operations: Operation[] = []
  for (const name of files) {
    for (const row of readTsv(join(opsDir, name))) {
      const product = row.product ?? ''
      if (`${product}.tsv` !== name) throw new Error(`${name}: row of product ${product}`)
      const privileges: string[] = []
      const privilegeChanges: string[] = []
      for (const raw of splitList(row.x_permissions)) {
        const normalized = normalizePrivilege(raw)
        if (normalized.change && !privilegeChanges.includes(normalized.change)) privilegeChanges.push(normalized.change)
        if (normalized.value !== null && !privileges.includes(normalized.value)) privileges.push(normalized.value)
      }
      operations.push({
        product,
        masterDocument: product.endsWith('-ma'),
        method: row.method ?? '',
        path: row.path ?? '',
        operationId: row.operationId ?? '',
        privileges,
        privilegeChanges,
        permissionsState: row.x_permissions_state ?? '',
        classicScopes: unique(splitList(row.x_macro_scopes)),
        granularScopes: unique(splitList(row.x_granular_scopes)),
        summary: row.summary ?? '',
      })
    }
  }

  const labels = readTsv(join(dir, 'privilege-labels.tsv')).map((row) => ({
    privilege: row.privilege ?? '',
    section: row.portal_section ?? '',
    label: row.portal_label ?? '',
    access: row.access ?? '',
    status: row.status ?? '',
    source: row.source ?? '',
    inReference: row.in_doc_priv === 'yes',
    referenceDescription: row.doc_priv_description ?? '',
  }))

  const scopeSummary = readTsv(join(dir, 'scope-privileges.tsv')).map((row): ScopeSummaryRow => {
    const kind = row.kind
    if (kind !== 'classic' && kind !== 'granular') throw new Error(`scope-privileges.tsv: kind ${kind}`)
    return {
      scope: row.scope ?? '',
      kind,
      level: row.level ?? '',
      privilegesUnion: splitList(row.privileges_union),
      ops: Number(row.ops),
      products: splitList(row.products),
    }
  })

  const sources = readTsv(join(dir, 'sources.tsv')).map((row) => ({
    product: row.product ?? '',
    snapshot: row.snapshot ?? '',
    source: row.source ?? '',
  }))

  return {operations, labels, scopeSummary, sources}
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}
