// Coverage of the built-in matrix: how every scope in Zoom's data was classified.
import type {BuildResult, ScopeClass, ScopeEntry} from './build.js'
import type {ZoomData} from './data.js'

export const CLASSES: readonly ScopeClass[] = ['documented', 'user-level', 'inferred', 'manual', 'unmapped']

export type ClassCounts = Record<ScopeClass, number> & {total: number}

export interface Coverage {
  overall: ClassCounts
  /** One row per (scope, kind) of scope-privileges.tsv: 306 classic + 1 754 granular = 2 060. */
  byKind: Record<'classic' | 'granular', ClassCounts>
  byLevel: Record<string, ClassCounts>
  byProduct: Record<string, ClassCounts>
  topUnmapped: ScopeEntry[]
  /** Problems: scopes of scope-privileges.tsv with no classification, or scopes classified that it does not know. */
  problems: string[]
}

function emptyCounts(): ClassCounts {
  return {documented: 0, 'user-level': 0, inferred: 0, manual: 0, unmapped: 0, total: 0}
}

function add(counts: ClassCounts, entry: ScopeEntry): void {
  counts[entry.class] += 1
  counts.total += 1
}

export function computeCoverage(data: ZoomData, result: BuildResult, top = 20): Coverage {
  const overall = emptyCounts()
  const byKind = {classic: emptyCounts(), granular: emptyCounts()}
  const byLevel: Record<string, ClassCounts> = {}
  const byProduct: Record<string, ClassCounts> = {}
  const problems: string[] = []

  const ruleScopes = new Set(result.matrix.rules.map((rule) => rule.scope))
  const unmapped = result.matrix.unmapped ?? {}
  for (const entry of result.scopes.values()) {
    add(overall, entry)
    add((byLevel[entry.level] ??= emptyCounts()), entry)
    for (const product of entry.products) add((byProduct[product] ??= emptyCounts()), entry)
    const inMatrix = entry.class === 'unmapped' ? entry.scope in unmapped : ruleScopes.has(entry.scope)
    if (!inMatrix) problems.push(`${entry.scope}: classified ${entry.class} but missing from the matrix`)
  }

  const known = new Set<string>()
  for (const row of data.scopeSummary) {
    known.add(row.scope)
    const entry = result.scopes.get(row.scope)
    if (!entry) {
      problems.push(`${row.scope} (${row.kind}): in scope-privileges.tsv but not classified`)
      continue
    }
    add(byKind[row.kind], entry)
  }
  for (const scope of result.scopes.keys()) {
    if (!known.has(scope)) problems.push(`${scope}: classified but not in scope-privileges.tsv`)
  }

  const topUnmapped = [...result.scopes.values()]
    .filter((entry) => entry.class === 'unmapped')
    .sort((a, b) => b.operations.length - a.operations.length || (a.scope < b.scope ? -1 : 1))
    .slice(0, top)

  return {overall, byKind, byLevel, byProduct, topUnmapped, problems}
}

const HEADER = '| documented | user-level (`[]`) | inferred | manual | unmapped | total |'
const RULE = '|---:|---:|---:|---:|---:|---:|'

function cells(counts: ClassCounts): string {
  return `| ${CLASSES.map((name) => counts[name]).join(' | ')} | ${counts.total} |`
}

export function coverageMarkdown(coverage: Coverage, version: string): string {
  const lines: string[] = []
  lines.push(`Built-in matrix \`${version}\`. "documented" = admin-/master-level rules from the scope's own`)
  lines.push(
    'operations; "user-level" = documented `requires: []`; "inferred" = from the classic scopes listed on the same',
  )
  lines.push(
    'operations; "manual" = cited source plus the data; "unmapped" = no rule (reason in the matrix\'s `unmapped`).',
  )
  lines.push('')
  lines.push(`| scopes ${HEADER}`)
  lines.push(`|---${RULE}`)
  lines.push(`| **all scopes (distinct)** ${cells(coverage.overall)}`)
  lines.push(`| classic (scope-privileges.tsv rows) ${cells(coverage.byKind.classic)}`)
  lines.push(`| granular (scope-privileges.tsv rows) ${cells(coverage.byKind.granular)}`)
  const rows = emptyCounts()
  for (const counts of Object.values(coverage.byKind)) {
    for (const name of CLASSES) rows[name] += counts[name]
    rows.total += counts.total
  }
  lines.push(`| classic + granular rows ${cells(rows)}`)
  for (const level of ['admin', 'master', 'user']) {
    const counts = coverage.byLevel[level]
    if (counts) lines.push(`| level ${level} ${cells(counts)}`)
  }
  const admin = coverage.byLevel.admin ?? emptyCounts()
  const master = coverage.byLevel.master ?? emptyCounts()
  const privileged = admin.total + master.total
  const ruled = privileged - admin.unmapped - master.unmapped
  lines.push('')
  lines.push(
    `Admin- and master-level scopes with a rule: ${ruled} of ${privileged} (${Math.round((100 * ruled) / privileged)} %); every user-level scope has its \`[]\` rule.`,
  )
  lines.push('')
  lines.push('Per product (a scope listed by several products counts in each):')
  lines.push('')
  lines.push(`| product ${HEADER}`)
  lines.push(`|---${RULE}`)
  for (const product of Object.keys(coverage.byProduct).sort()) {
    const counts = coverage.byProduct[product]
    if (counts) lines.push(`| ${product} ${cells(counts)}`)
  }
  lines.push('')
  lines.push(`The ${coverage.topUnmapped.length} most common unmapped scopes (by number of operations listing them):`)
  lines.push('')
  lines.push('| scope | operations | products |')
  lines.push('|---|---:|---|')
  for (const entry of coverage.topUnmapped) {
    lines.push(`| \`${entry.scope}\` | ${entry.operations.length} | ${entry.products.join(', ')} |`)
  }
  if (coverage.problems.length > 0) {
    lines.push('')
    lines.push(`**${coverage.problems.length} problem(s):**`)
    for (const problem of coverage.problems) lines.push(`- ${problem}`)
  }
  return `${lines.join('\n')}\n`
}

/** Admin- and master-level scopes with a rule, without and with the opt-in inferred layer. */
export interface LayerCoverage {
  /** Admin- and master-level scopes in Zoom's data. */
  privileged: number
  /** …with a rule in the built-in matrix alone. */
  without: number
  /** …with a rule once the inferred layer is added. */
  with: number
  /** Scopes the layer rules, per family (phone, role, …). */
  byFamily: Record<string, number>
}

export function layerCoverage(result: BuildResult, families: Map<string, string>): LayerCoverage {
  const privileged = [...result.scopes.values()].filter((entry) => entry.level !== 'user')
  const without = privileged.filter((entry) => entry.class !== 'unmapped').length
  const added = privileged.filter((entry) => entry.class === 'unmapped' && families.has(entry.scope))
  const byFamily: Record<string, number> = {}
  for (const entry of added) {
    const family = families.get(entry.scope) ?? ''
    byFamily[family] = (byFamily[family] ?? 0) + 1
  }
  return {
    privileged: privileged.length,
    without,
    with: without + added.length,
    byFamily: Object.fromEntries(Object.entries(byFamily).sort()),
  }
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole)
}

export function layerCoverageMarkdown(c: LayerCoverage): string {
  const families = Object.entries(c.byFamily)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  return [
    'With the opt-in inferred layer (`--matrix inferred`, data/inferred-matrix.json):',
    '',
    '| admin- and master-level scopes | with a rule | unmapped |',
    '|---|---:|---:|',
    `| built-in matrix | ${c.without} of ${c.privileged} (${percent(c.without, c.privileged)} %) | ${c.privileged - c.without} |`,
    `| built-in + inferred | ${c.with} of ${c.privileged} (${percent(c.with, c.privileged)} %) | ${c.privileged - c.with} |`,
    '',
    `The layer adds ${c.with - c.without} rules (${families}), every one \`confidence: "inferred"\`.`,
    '',
  ].join('\n')
}
