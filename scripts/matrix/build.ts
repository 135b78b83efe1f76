// Builds the built-in privilege matrix from Zoom's per-operation data (see README "Privilege matrix" and
// data/zoom/README.md). Pure: same data in, same matrix out.
import {isWellFormedScope, scopeLevel} from '../../src/matrix/scope.js'
import type {MatrixFile, MatrixRule, PrivilegeInfo, ScopeLevel} from '../../src/matrix/types.js'
import type {LabelRow, Operation, SourceRow, ZoomData} from './data.js'
import {MANUAL_RULES} from './manual.js'
import {canonicalPrivilege} from './normalize.js'

export type ScopeClass = 'documented' | 'user-level' | 'inferred' | 'manual' | 'unmapped'
export type ScopeKind = 'classic' | 'granular'

/** How each scope was classified, for the coverage report and the tests. */
export interface ScopeEntry {
  scope: string
  level: ScopeLevel
  kinds: ScopeKind[]
  /** Every operation listing the scope (regular and master-account documents). */
  operations: Operation[]
  products: string[]
  class: ScopeClass
  /** The operations whose x-permissions the rule was built from (for inferred rules: the co-listed classic scopes' ones). */
  used: Operation[]
  /** For inferred rules: the classic scopes whose operations were used. */
  inferredFrom?: string[]
  /** For unmapped scopes: why. */
  reason?: string
}

export interface BuildResult {
  matrix: MatrixFile
  scopes: Map<string, ScopeEntry>
}

export const USER_LEVEL_SOURCE =
  'https://developers.zoom.us/docs/internal-apps/create/ ("you must have admin-level role permissions to add admin-level scopes")'
export const USER_LEVEL_NOTE =
  "User-level scope: acts on the authorising user's own data; Zoom asks for admin-level role permissions only for admin-level scopes."

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const MAX_SOURCE_OPS = 3

// ---------------------------------------------------------------------------------------------------------------
// Scope index

interface ScopeIndexEntry {
  kinds: Set<ScopeKind>
  operations: Operation[]
}

function indexScopes(operations: Operation[]): Map<string, ScopeIndexEntry> {
  const index = new Map<string, ScopeIndexEntry>()
  const add = (scope: string, kind: ScopeKind, op: Operation): void => {
    let entry = index.get(scope)
    if (!entry) {
      entry = {kinds: new Set(), operations: []}
      index.set(scope, entry)
    }
    entry.kinds.add(kind)
    if (!entry.operations.includes(op)) entry.operations.push(op)
  }
  for (const op of operations) {
    for (const scope of op.classicScopes) add(scope, 'classic', op)
    for (const scope of op.granularScopes) add(scope, 'granular', op)
  }
  return index
}

const isDocumented = (op: Operation): boolean => op.privileges.length > 0

type Basis =
  | 'regular' // admin/user: the regular account documents
  | 'master-only' // admin scope listed in no regular document: the master-account documents
  | 'master-documents' // master scope: the master-account documents
  | 'regular-for-master' // master scope the master-account documents do not document: the regular documents
  | 'all' // master scope documented nowhere: every operation (for the co-listed classic fallback)

interface Selection {
  ops: Operation[]
  basis: Basis
}

/** Which of a scope's operations speak for it (the rules: README, "Where the built-in matrix comes from"). */
function selectOperations(level: ScopeLevel, operations: Operation[]): Selection {
  const regular = operations.filter((op) => !op.masterDocument)
  const master = operations.filter((op) => op.masterDocument)
  if (level === 'master') {
    if (master.some(isDocumented)) return {ops: master, basis: 'master-documents'}
    if (regular.some(isDocumented)) return {ops: regular, basis: 'regular-for-master'}
    return {ops: operations, basis: 'all'}
  }
  // Admin (and user, when used as evidence): the master-account documents describe a master account acting on its
  // sub-accounts (SubAccount:*), so they count only for scopes no regular document lists.
  if (regular.length > 0) return {ops: regular, basis: 'regular'}
  return {ops: master, basis: 'master-only'}
}

// ---------------------------------------------------------------------------------------------------------------
// requires / partial from a set of documented operations

interface Derivation {
  requires: string[]
  partial: string[]
  counts: Map<string, number>
  n: number
  /** True when no privilege reached half of the operations and `requires` holds the most frequent ones. */
  fallback: boolean
}

export function derive(ops: Operation[]): Derivation {
  const counts = new Map<string, number>()
  for (const op of ops) for (const privilege of op.privileges) counts.set(privilege, (counts.get(privilege) ?? 0) + 1)
  const n = ops.length
  const all = [...counts.keys()].sort()
  let requires = all.filter((privilege) => 2 * (counts.get(privilege) ?? 0) >= n)
  let fallback = false
  if (requires.length === 0 && all.length > 0) {
    const max = Math.max(...counts.values())
    requires = all.filter((privilege) => counts.get(privilege) === max)
    fallback = true
  }
  const partial = all.filter((privilege) => !requires.includes(privilege))
  return {requires, partial, counts, n, fallback}
}

function derivationNotes(d: Derivation, ops: Operation[]): string[] {
  const notes: string[] = []
  const count = (privilege: string): number => d.counts.get(privilege) ?? 0
  if (d.fallback) {
    const max = count(d.requires[0] ?? '')
    notes.push(
      `No privilege is listed on at least half of the ${d.n} operations: requires holds the most frequent (${d.requires.join(', ')}: ${max} of ${d.n}${d.requires.length > 1 ? ' each' : ''}), partial the rest.`,
    )
  }
  if (d.partial.length > 0) {
    notes.push(
      `Partial (listed on a minority of the ${d.n} operations): ${d.partial.map((p) => `${p} ${count(p)}/${d.n}`).join(', ')}.`,
    )
  }
  const combos = new Set<string>()
  for (const op of ops) if (op.privileges.length > 1) combos.add([...op.privileges].sort().join(' + '))
  if (combos.size > 0) {
    notes.push(
      `Some operations list several privileges together (${[...combos].sort().join('; ')}); Zoom does not say whether all or either one is needed, so each is counted on its own.`,
    )
  }
  const changes = new Set<string>()
  for (const op of ops) for (const change of op.privilegeChanges) changes.add(change)
  for (const change of [...changes].sort()) notes.push(`${change}.`)
  return notes
}

// ---------------------------------------------------------------------------------------------------------------
// sources

export function compareOps(a: Operation, b: Operation): number {
  if (a.masterDocument !== b.masterDocument) return a.masterDocument ? 1 : -1
  if (a.path !== b.path) return a.path < b.path ? -1 : 1
  const ma = METHOD_ORDER.indexOf(a.method)
  const mb = METHOD_ORDER.indexOf(b.method)
  if (ma !== mb) return ma - mb
  return a.product < b.product ? -1 : a.product > b.product ? 1 : 0
}

export function describeOperation(op: Operation): string {
  return op.masterDocument ? `${op.method} ${op.path} (${op.product})` : `${op.method} ${op.path}`
}

function productsOf(ops: Operation[]): string[] {
  return [...new Set(ops.map((op) => op.product))].sort()
}

/** Up to MAX_SOURCE_OPS operations, then "… and N more operations (products)". `first` are listed before the rest. */
function operationSources(ops: Operation[], first: Operation[] = []): string[] {
  const sorted = [...first, ...[...ops].filter((op) => !first.includes(op)).sort(compareOps)]
  const shown = sorted.slice(0, MAX_SOURCE_OPS).map(describeOperation)
  const rest = sorted.slice(MAX_SOURCE_OPS)
  if (rest.length > 0) {
    shown.push(`… and ${rest.length} more operation${rest.length === 1 ? '' : 's'} (${productsOf(rest).join(', ')})`)
  }
  return shown
}

function union(ops: Operation[]): string[] {
  return [...new Set(ops.flatMap((op) => op.privileges))].sort()
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item))
}

// ---------------------------------------------------------------------------------------------------------------
// the build

export function buildBuiltinMatrix(data: ZoomData): BuildResult {
  const index = indexScopes(data.operations)
  const scopes = new Map<string, ScopeEntry>()
  const rules: MatrixRule[] = []
  const unmapped: Record<string, string> = {}

  const documentedOpsCache = new Map<string, Operation[]>()
  const documentedOps = (scope: string): Operation[] => {
    let cached = documentedOpsCache.get(scope)
    if (!cached) {
      const entry = index.get(scope)
      cached = entry ? selectOperations(scopeLevel(scope), entry.operations).ops.filter(isDocumented) : []
      documentedOpsCache.set(scope, cached)
    }
    return cached
  }

  const manualByScope = new Map(MANUAL_RULES.map((rule) => [rule.scope, rule]))
  for (const manual of MANUAL_RULES) {
    if (!index.has(manual.scope)) throw new Error(`manual rule for ${manual.scope}: scope not in Zoom's data`)
  }
  const context: BuildContext = {data, manualByScope, documentedOps}

  for (const scope of [...index.keys()].sort()) {
    const indexed = index.get(scope)
    if (!indexed) continue
    const level = scopeLevel(scope)
    const products = productsOf(indexed.operations)
    const entry: ScopeEntry = {
      scope,
      level,
      kinds: [...indexed.kinds].sort(),
      operations: indexed.operations,
      products,
      class: 'unmapped',
      used: [],
    }
    scopes.set(scope, entry)

    if (!isWellFormedScope(scope)) {
      // The matrix loader rejects malformed scopes even as `unmapped` keys: a new one needs a fix in normalize.ts.
      throw new Error(
        `malformed scope ${JSON.stringify(scope)} in Zoom's data (${products.join(', ')}); add a fix to scripts/matrix/normalize.ts`,
      )
    }

    const rule = ruleFor(context, entry, indexed)
    if (rule) rules.push(rule)
    else unmapped[scope] = entry.reason ?? ''
  }

  const privileges = buildPrivileges(data.labels, rules)
  const matrix: MatrixFile & {description: string} = {
    version: versionOf(data.sources),
    description:
      "Built-in privilege matrix, generated by `npm run matrix:generate` (scripts/generate-matrix.ts) from Zoom's per-operation OpenAPI data in data/zoom/ — do not edit by hand; layer your own matrix files on top instead.",
    privileges,
    implies: buildImplies(Object.keys(privileges)),
    rules,
    unmapped: sortObject(unmapped),
  }
  return {matrix, scopes}
}

type ManualRule = (typeof MANUAL_RULES)[number]

/** What every scope class's rule builder may look at besides the scope itself. */
interface BuildContext {
  data: ZoomData
  manualByScope: Map<string, ManualRule>
  /** The documented operations (with x-permissions) that speak for a scope. */
  documentedOps: (scope: string) => Operation[]
}

/** The scope's rule, by its class (user-level, manual, documented, inferred); none when unmapped (entry.reason says
 * why). Sets entry.class, entry.used and entry.inferredFrom for the coverage report. */
function ruleFor(context: BuildContext, entry: ScopeEntry, indexed: ScopeIndexEntry): MatrixRule | undefined {
  if (entry.level === 'user') return userLevelRule(entry, indexed)
  const selection = selectOperations(entry.level, indexed.operations)
  const documented = selection.ops.filter(isDocumented)
  if (documented.length === 0) return inferredRule(context, entry, selection)
  const d = derive(documented)
  const notes = documentedNotes(entry, indexed, selection, documented, d)
  const manual = context.manualByScope.get(entry.scope)
  return manual ? manualRule(entry, manual, documented, d, notes) : documentedRule(entry, documented, d, notes)
}

/** User-level scopes: the authorising user's own data → no role privilege. */
function userLevelRule(entry: ScopeEntry, indexed: ScopeIndexEntry): MatrixRule {
  const {scope, level, products} = entry
  entry.class = 'user-level'
  const listed = union(selectOperations(level, indexed.operations).ops)
  const note =
    listed.length > 0
      ? `${USER_LEVEL_NOTE} Its operations' x-permissions (${listed.join(', ')}) are shared with their admin-level scopes and not applied here.`
      : USER_LEVEL_NOTE
  return {scope, requires: [], confidence: 'documented', products, sources: [USER_LEVEL_SOURCE], note}
}

/** Notes of a rule derived from the scope's own documented operations: which documents, what they leave out. */
function documentedNotes(
  entry: ScopeEntry,
  indexed: ScopeIndexEntry,
  selection: Selection,
  documented: Operation[],
  d: Derivation,
): string[] {
  const {level} = entry
  const undocumentedCount = selection.ops.length - documented.length
  const notes: string[] = []
  if (selection.basis === 'master-only') {
    notes.push(
      `Listed only in master-account documents (${productsOf(selection.ops).join(', ')}), so their privileges are used.`,
    )
  }
  if (selection.basis === 'regular-for-master') {
    notes.push(
      `No master-account document documents this master-level scope; privileges from the regular documents (${productsOf(selection.ops).join(', ')}).`,
    )
  }
  notes.push(...derivationNotes(d, documented))
  if (undocumentedCount > 0) {
    notes.push(
      `${undocumentedCount} of its ${selection.ops.length} operations document${undocumentedCount === 1 ? 's' : ''} no x-permissions.`,
    )
  }
  // What the documents not used say, when it differs.
  const unusedDocumented = indexed.operations.filter((op) => !selection.ops.includes(op) && isDocumented(op))
  const unusedPrivileges = union(unusedDocumented)
  if (unusedDocumented.length > 0 && !sameSet(unusedPrivileges, [...d.requires, ...d.partial])) {
    const where = productsOf(unusedDocumented).join(', ')
    notes.push(
      level === 'master'
        ? `The regular documents (${where}) list ${unusedPrivileges.join(', ')} for this scope on the account's own endpoints; a master-level scope follows the master-account documents.`
        : `The master-account documents (${where}) list ${unusedPrivileges.join(', ')} for this scope (a master account acting on its sub-accounts); not used for a normal account.`,
    )
  }
  return notes
}

/** A manual rule: pinned by hand with a citation, and checked against what the data says. */
function manualRule(
  entry: ScopeEntry,
  manual: ManualRule,
  documented: Operation[],
  d: Derivation,
  notes: string[],
): MatrixRule {
  const {scope, products} = entry
  if (!sameSet(manual.requires, d.requires) || d.partial.length > 0) {
    throw new Error(
      `manual rule ${scope} requires ${manual.requires.join(', ')} but the data says ${d.requires.join(', ')} (partial ${d.partial.join(', ')}); revisit the manual rule`,
    )
  }
  const pinned = manual.evidence.map((text) => {
    const op = documented.find((candidate) => describeOperation(candidate) === text)
    if (!op) throw new Error(`manual rule ${scope}: evidence ${text} is not among its documented operations`)
    return op
  })
  entry.class = 'manual'
  entry.used = documented
  return {
    scope,
    requires: [...manual.requires].sort(),
    confidence: 'manual',
    operations: documented.length,
    products,
    sources: [manual.citation, ...operationSources(documented, pinned)],
    note: [
      manual.note,
      `All ${d.n} documented operations listing it in the OpenAPI data list ${d.requires.join(', ')}.`,
      ...notes,
    ].join(' '),
  }
}

/** A rule from the x-permissions of the scope's own operations. */
function documentedRule(entry: ScopeEntry, documented: Operation[], d: Derivation, notes: string[]): MatrixRule {
  entry.class = 'documented'
  entry.used = documented
  return {
    scope: entry.scope,
    requires: d.requires,
    ...(d.partial.length > 0 ? {partial: d.partial} : {}),
    confidence: 'documented',
    operations: documented.length,
    products: entry.products,
    sources: operationSources(documented),
    ...(notes.length > 0 ? {note: notes.join(' ')} : {}),
  }
}

/** Nothing documented on the scope's own operations: inferred from the classic scopes listed on them, or unmapped
 * (undefined, entry.reason set) when those document nothing either. */
function inferredRule(context: BuildContext, entry: ScopeEntry, selection: Selection): MatrixRule | undefined {
  const {scope, level, products} = entry
  const {documentedOps} = context
  const classics = [...new Set(selection.ops.flatMap((op) => op.classicScopes))]
    .filter((classic) => classic !== scope && (level === 'master' || scopeLevel(classic) !== 'master'))
    .sort()
  const withEvidence = classics.filter((classic) => documentedOps(classic).length > 0)
  const evidence: Operation[] = []
  for (const classic of withEvidence) {
    for (const op of documentedOps(classic)) if (!evidence.includes(op)) evidence.push(op)
  }

  if (evidence.length === 0) {
    entry.reason = unmappedReason(selection.ops, classics, context.data.operations)
    return undefined
  }

  const d = inferFromClassics(
    withEvidence.map((classic) => derive(documentedOps(classic))),
    evidence,
  )
  entry.class = 'inferred'
  entry.used = evidence
  entry.inferredFrom = withEvidence
  const notes = [
    `${selection.ops.length === 1 ? 'Its only operation documents no' : `None of its ${selection.ops.length} operations document`} x-permissions; inferred from the classic scope${withEvidence.length === 1 ? '' : 's'} listed on the same operations (${withEvidence.join(', ')}), over their ${d.n} documented operation${d.n === 1 ? '' : 's'}.`,
    ...(d.disagree
      ? [`Those classic scopes' own rules share no privilege, so requires comes from all ${d.n} operations together.`]
      : withEvidence.length > 1
        ? ['requires holds what every one of those classic scopes requires.']
        : []),
    ...derivationNotes(d, evidence),
  ]
  const ownOps = [...selection.ops].sort(compareOps)
  const own = ownOps.slice(0, 2).map(describeOperation).join(', ')
  return {
    scope,
    requires: d.requires,
    ...(d.partial.length > 0 ? {partial: d.partial} : {}),
    confidence: 'inferred',
    operations: evidence.length,
    products,
    sources: [
      `own operations, no x-permissions: ${own}${ownOps.length > 2 ? ` … and ${ownOps.length - 2} more` : ''}`,
      ...withEvidence.slice(0, MAX_SOURCE_OPS).map((classic) => {
        const ops = [...documentedOps(classic)].sort(compareOps)
        const first = ops[0]
        return `classic ${classic}: ${ops.length} documented operation${ops.length === 1 ? '' : 's'}${first ? `, e.g. ${describeOperation(first)}` : ''}`
      }),
      ...(withEvidence.length > MAX_SOURCE_OPS
        ? [`… and ${withEvidence.length - MAX_SOURCE_OPS} more classic scopes`]
        : []),
    ],
    note: notes.join(' '),
  }
}

/**
 * Inferred rule from co-listed classic scopes: requires = what every classic scope's own rule requires (the most
 * specific agree, e.g. dashboard_meetings:read:admin narrows dashboard:read:admin); when they share nothing, the
 * majority over all their operations. partial = everything else their operations list.
 */
function inferFromClassics(perClassic: Derivation[], evidence: Operation[]): Derivation & {disagree: boolean} {
  const pooled = derive(evidence)
  let common = perClassic[0]?.requires ?? []
  for (const d of perClassic.slice(1)) common = common.filter((privilege) => d.requires.includes(privilege))
  if (common.length === 0) return {...pooled, disagree: perClassic.length > 1}
  const all = [...pooled.counts.keys()].sort()
  return {
    requires: common,
    partial: all.filter((privilege) => !common.includes(privilege)),
    counts: pooled.counts,
    n: pooled.n,
    fallback: perClassic.length === 1 && pooled.fallback,
    disagree: false,
  }
}

function unmappedReason(ops: Operation[], classics: string[], all: Operation[]): string {
  const products = productsOf(ops)
  const silentProducts = products.filter((product) => !all.some((op) => op.product === product && isDocumented(op)))
  const productNote =
    silentProducts.length === 0
      ? ''
      : silentProducts.length === products.length
        ? ` (the ${products.join(', ')} document${products.length === 1 ? '' : 's'} carr${products.length === 1 ? 'ies' : 'y'} no x-permissions on any operation)`
        : ` (${silentProducts.join(', ')} carr${silentProducts.length === 1 ? 'ies' : 'y'} no x-permissions on any operation)`
  const classicPart =
    classics.length === 0
      ? 'no classic scope is listed on them'
      : `the classic scope${classics.length === 1 ? '' : 's'} listed on them (${classics.join(', ')}) document${classics.length === 1 ? 's' : ''} none either`
  const subject =
    ops.length === 1
      ? `its only operation (${products.join(', ')}) lists`
      : `none of its ${ops.length} operations (${products.join(', ')}) list`
  return `Not documented: ${subject} x-permissions${productNote}, and ${classicPart}.`
}

// ---------------------------------------------------------------------------------------------------------------
// privileges, implies, version

/** "IMChatHistory:Read" → "IM Chat History: View". */
export function derivedLabel(privilege: string): string {
  const [resource = '', access = ''] = privilege.split(':')
  const words = resource.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  return `${words}: ${access === 'Read' ? 'View' : access}`
}

function accessWord(privilege: string): string {
  return privilege.endsWith(':Read') ? 'View' : 'Edit'
}

function buildPrivileges(labels: LabelRow[], rules: MatrixRule[]): Record<string, PrivilegeInfo> {
  const names = new Set<string>()
  const portal = new Map<string, {label: string; section: string}>()
  for (const row of labels) {
    const privilege = canonicalPrivilege(row.privilege)
    if (privilege === null) continue // "(no API privilege string known)", Meeting:Join, scheduler
    names.add(privilege)
    if (row.label && !portal.has(privilege)) portal.set(privilege, {label: row.label, section: row.section})
  }
  for (const rule of rules) for (const privilege of [...rule.requires, ...(rule.partial ?? [])]) names.add(privilege)

  const result: Record<string, PrivilegeInfo> = {}
  for (const privilege of [...names].sort()) {
    const resource = privilege.split(':')[0] ?? ''
    // The portal shows one row per resource with View and Edit columns: a label found for X:Read names X:Edit too.
    const found = portal.get(privilege) ?? portal.get(`${resource}:Read`) ?? portal.get(`${resource}:Edit`)
    result[privilege] = found
      ? {label: `${found.label}: ${accessWord(privilege)}`, ...(found.section ? {section: found.section} : {})}
      : {label: derivedLabel(privilege), derived: true}
  }
  return result
}

function buildImplies(privileges: string[]): Record<string, string[]> {
  const implies: Record<string, string[]> = {}
  for (const privilege of [...privileges].sort()) {
    if (!privilege.endsWith(':Edit')) continue
    const read = `${privilege.slice(0, -':Edit'.length)}:Read`
    if (privileges.includes(read)) implies[privilege] = [read]
  }
  return implies
}

/** e.g. "zoom-openapi-2026-02-07+meetings-2025-06+phone-2026-07": the common snapshot, then the exceptions. */
export function versionOf(sources: SourceRow[]): string {
  const bySnapshot = new Map<string, string[]>()
  for (const row of sources) bySnapshot.set(row.snapshot, [...(bySnapshot.get(row.snapshot) ?? []), row.product])
  const [common] = [...bySnapshot.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  if (!common) throw new Error('sources.tsv is empty')
  const others = sources
    .filter((row) => row.snapshot !== common[0])
    .map((row) => `${row.product}-${row.snapshot}`)
    .sort()
  return ['zoom-openapi-' + common[0], ...others].join('+')
}

function sortObject<T>(object: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {}
  for (const key of Object.keys(object).sort()) sorted[key] = object[key] as T
  return sorted
}
