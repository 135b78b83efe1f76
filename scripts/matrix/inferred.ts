// Builds the opt-in `inferred` layer (data/inferred-matrix.json): rules for scope families whose operations carry no
// x-permissions at all, where Zoom's privileges reference, the operations' own descriptions or an analogous documented
// product still say which privilege governs them. See docs/inferred-layer.md for the evidence. Pure: same data in,
// same layer out.
import {join} from 'node:path'

import {scopeAction, scopeLevel} from '../../src/matrix/scope.js'
import type {MatrixFile, MatrixRule, PrivilegeInfo} from '../../src/matrix/types.js'
import type {BuildResult, ScopeEntry} from './build.js'
import {describeOperation, versionOf} from './build.js'
import {DEFAULT_DATA_DIR, type LabelRow, type Operation, type ZoomData} from './data.js'
import {readTsv} from './tsv.js'

export const PRIVILEGES_REFERENCE = 'https://developers.zoom.us/docs/api/references/privileges/'
export const INFERRED_NOTE_START = 'Inferred (opt-in layer "inferred"), not documented by Zoom:'

const MAX_LISTED = 2

/** One row of data/zoom/operation-requirements.tsv: a sentence of an operation's description naming who may call it. */
export interface Requirement {
  product: string
  method: string
  path: string
  requirement: string
}

export function loadRequirements(dir: string = DEFAULT_DATA_DIR): Requirement[] {
  return readTsv(join(dir, 'operation-requirements.tsv')).map((row) => ({
    product: row.product ?? '',
    method: row.method ?? '',
    path: row.path ?? '',
    requirement: row.requirement ?? '',
  }))
}

/** A family of scopes whose operations all belong to one feature governed by one Read/Edit privilege pair. */
export interface Family {
  name: string
  /** The feature in words, for notes. */
  feature: string
  resource: string
  /** Does this operation belong to the family? A scope joins only when every one of its operations does. */
  owns(op: Operation): boolean
  /** Documented operations of another product that tie the same privilege to the same kind of action. */
  analogous?: (op: Operation) => boolean
  analogousName?: string
  /**
   * Evidence outside the privileges reference: an earlier Zoom document, as privilege-labels.tsv records it. The
   * generator stops when that row no longer says so (`mustMention`).
   */
  earlierDocument?: {source: string; mustMention: string}
}

export const FAMILIES: readonly Family[] = [
  {
    name: 'phone',
    feature: 'Zoom Phone',
    resource: 'PbxAdmin',
    owns: (op) => op.product === 'phone',
    analogous: (op) => op.product.startsWith('number-management'),
    analogousName: 'Number Management',
  },
  {
    name: 'role',
    feature: 'role management',
    resource: 'Role',
    owns: (op) => /^(\/accounts\/\{accountId\})?\/roles(\/|$)/.test(op.path) && op.product.startsWith('accounts'),
  },
  {
    name: 'imgroup',
    feature: 'IM directory groups',
    resource: 'IMGroups',
    owns: (op) => op.product === 'team-chat' && /^\/im\/groups(\/|$)/.test(op.path),
  },
  {
    name: 'information-barriers',
    feature: 'information barrier policies',
    resource: 'Informationbarriers',
    owns: (op) =>
      op.product.startsWith('accounts') && /^(\/accounts\/\{accountId\})?\/information_barriers\//.test(op.path),
    earlierDocument: {
      source:
        "Zoom's Meetings OpenAPI document of October 2023 (shr968/Prokalp @ 8bf2d74, ZoomMeetingAPISpec.json) listed Informationbarriers:Read/Edit as x-permissions on /information_barriers/*; today's Accounts document lists none (privilege-labels.tsv)",
      mustMention: 'x-permissions on /information_barriers/*',
    },
  },
]

/** read → Resource:Read; write, update, delete (and a scope without an action, e.g. phone:master) → Resource:Edit. */
export function privilegeFor(family: Family, scope: string): string {
  return `${family.resource}:${scopeAction(scope) === 'read' ? 'Read' : 'Edit'}`
}

/** The family every one of the scope's operations belongs to, if any. */
export function familyOf(entry: ScopeEntry): Family | undefined {
  return FAMILIES.find((family) => entry.operations.length > 0 && entry.operations.every((op) => family.owns(op)))
}

export interface InferredResult {
  matrix: MatrixFile
  /** Scope → family name, for the coverage report and tests. */
  families: Map<string, string>
}

/** Rules for the admin- and master-level scopes the built-in matrix leaves unmapped and a family claims. */
export function buildInferredMatrix(data: ZoomData, builtin: BuildResult, requirements: Requirement[]): InferredResult {
  const rules: MatrixRule[] = []
  const families = new Map<string, string>()
  for (const entry of [...builtin.scopes.values()].sort((a, b) => (a.scope < b.scope ? -1 : 1))) {
    if (entry.class !== 'unmapped' || entry.level === 'user') continue
    const family = familyOf(entry)
    if (!family) continue
    families.set(entry.scope, family.name)
    rules.push(inferRule(family, entry, data, requirements))
  }

  const used = [...new Set(rules.flatMap((rule) => rule.requires))]
  const pairs = [...new Set(used.map((p) => p.split(':')[0]))].flatMap((resource) => [
    `${resource}:Edit`,
    `${resource}:Read`,
  ])
  const privileges: Record<string, PrivilegeInfo> = {}
  const implies: Record<string, string[]> = {}
  for (const privilege of pairs.sort()) {
    const info = builtin.matrix.privileges?.[privilege]
    if (!info) throw new Error(`inferred layer: no label for ${privilege} in the built-in matrix`)
    privileges[privilege] = info
    if (privilege.endsWith(':Edit')) implies[privilege] = [privilege.replace(/:Edit$/, ':Read')]
  }
  const matrix: MatrixFile & {description: string} = {
    version: `inferred-${versionOf(data.sources)}`,
    description:
      'Opt-in inferred layer (--matrix inferred), generated by `npm run matrix:generate` from data/zoom/ — do not edit by hand. Rules only for scopes the built-in matrix leaves unmapped; every rule is confidence "inferred" and says why in its note and sources (docs/inferred-layer.md).',
    privileges,
    implies,
    rules,
  }
  return {matrix, families}
}

function inferRule(family: Family, entry: ScopeEntry, data: ZoomData, requirements: Requirement[]): MatrixRule {
  const privilege = privilegeFor(family, entry.scope)
  const access = privilege.endsWith(':Read') ? 'Read' : 'Edit'
  const level = scopeLevel(entry.scope)
  const label = referenceRow(data.labels, privilege)
  const own = [...entry.operations].sort(compareOperations)
  const sources: string[] = []
  const notes: string[] = [
    `${INFERRED_NOTE_START} ${own.length === 1 ? 'its only operation' : `none of its ${own.length} operations`} (${family.feature}) list${own.length === 1 ? 's no' : ''} x-permissions.`,
  ]

  if (label.inReference) {
    sources.push(
      `Zoom privileges reference (${PRIVILEGES_REFERENCE}): ${family.resource}:Read/Edit — "${label.referenceDescription}"`,
    )
    notes.push(
      `Zoom's privileges reference describes ${family.resource}:Read/Edit as "${label.referenceDescription.replace(/\.$/, '')}".`,
    )
  }
  if (family.earlierDocument) {
    if (!label.source.includes(family.earlierDocument.mustMention)) {
      throw new Error(
        `inferred layer: privilege-labels.tsv ${privilege} no longer cites ${family.earlierDocument.mustMention}`,
      )
    }
    sources.push(family.earlierDocument.source)
    notes.push(
      `Not in Zoom's privileges reference; an earlier Zoom document listed ${family.resource}:Read/Edit on these endpoints (see sources).`,
    )
  }

  const listed = own.slice(0, MAX_LISTED).map(describeOperation).join(', ')
  sources.push(
    `own operations, no x-permissions: ${listed}${own.length > MAX_LISTED ? ` … and ${own.length - MAX_LISTED} more` : ''}`,
  )

  const said = own.flatMap((op) =>
    requirements.filter((r) => r.product === op.product && r.method === op.method && r.path === op.path),
  )
  if (said.length > 0) {
    const withSentence = new Set(said.map((r) => `${r.method} ${r.path}`)).size
    const sentences = [...new Set(said.map((r) => r.requirement))]
    // The sentence that names the privilege holder best: a management right or admin, else the first.
    const first = (said.find((r) => /management|admin/i.test(r.requirement)) ?? said[0]) as Requirement
    sources.push(
      `descriptions of ${withSentence} of its ${own.length} operation${own.length === 1 ? '' : 's'} name who may call: "${first.requirement}" (${first.method} ${first.path})${sentences.length > 1 ? ` and ${sentences.length - 1} similar` : ''}`,
    )
    notes.push(
      `${withSentence} of its operations' descriptions restrict them to the account owner or an admin / a role with ${family.feature} rights.`,
    )
  }

  if (family.analogous) {
    const master = level === 'master'
    const analogous = data.operations
      .filter((op) => family.analogous?.(op) && op.masterDocument === master && op.privileges.includes(privilege))
      .sort(compareOperations)
    if (analogous.length === 0)
      throw new Error(`inferred layer: no ${family.analogousName} operation lists ${privilege}`)
    const example = analogous[0] as Operation
    sources.push(
      `analogous ${family.analogousName}${master ? ' (master-account)' : ''}: ${analogous.length} operations list ${privilege}, e.g. ${describeOperation(example)} (${example.privileges.join(', ')})`,
    )
    notes.push(
      `Zoom's ${family.analogousName} documents tie ${privilege} to the same kind of action (${access === 'Read' ? 'reading' : 'changing'} ${master ? "a sub-account's " : ''}phone numbers).`,
    )
  }

  notes.push(
    `Read scopes map to ${family.resource}:Read, write/update/delete scopes to ${family.resource}:Edit${level === 'master' ? "; this master-level scope follows the same privilege, as Zoom's master-account documents do for Users and Number Management" : ''}. Treat findings on this rule as likely, not certain.`,
  )

  return {
    scope: entry.scope,
    requires: [privilege],
    confidence: 'inferred',
    operations: own.length,
    products: entry.products,
    sources,
    note: notes.join(' '),
  }
}

function referenceRow(labels: LabelRow[], privilege: string): LabelRow {
  const row = labels.find((candidate) => candidate.privilege === privilege)
  if (!row) throw new Error(`inferred layer: ${privilege} is not in privilege-labels.tsv`)
  return row
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

function compareOperations(a: Operation, b: Operation): number {
  if (a.masterDocument !== b.masterDocument) return a.masterDocument ? 1 : -1
  if (a.path !== b.path) return a.path < b.path ? -1 : 1
  return METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)
}
