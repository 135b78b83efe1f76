// The layered matrix and the one place that decides which rule governs a scope.
//
// Precedence: an exact rule beats any pattern (whatever the files' order); among patterns, fewer `*` wins;
// only between equals does the later file (then the later rule in a file) win. Rules never merge.
import {compareText} from '../text-order.js'
import {PatternIndex} from './pattern-index.js'
import {isWellFormedScope, normalizeScope, scopeAction, scopeLevel} from './scope.js'
import type {MatrixLayer, MatrixRule, PrivilegeInfo, ScopeAction, ScopeLevel} from './types.js'

export interface PlacedRule {
  rule: MatrixRule
  /** "built-in" or the path given with --matrix. */
  file: string
  /** Position of the file among the layers, and of the rule in its file. */
  layer: number
  index: number
  stars: number
}

export interface ScopeResolution {
  scope: string
  level: ScopeLevel
  action: ScopeAction
  wellFormed: boolean
  /** The winning rule, or null: the scope is unmapped. */
  winner: PlacedRule | null
  /** Why the scope has no rule, when a layer's `unmapped` says. */
  unmappedReason?: string
}

export interface Matrix {
  layers: MatrixLayer[]
  version: string
  files: string[]
  /** Keyed by names from files: null-prototype records ("constructor" is data, not Object's). */
  privileges: Record<string, PrivilegeInfo>
  implies: Record<string, string[]>
  unmapped: Record<string, string>
  /** Effective rules: one per distinct scope/pattern string, the later layer's where two files share it. */
  rules: PlacedRule[]
  /** The effective rule written for exactly this scope or pattern. */
  ruleFor(scopeOrPattern: string): PlacedRule | undefined
  resolve(scope: string): ScopeResolution
  /** Portal label of a privilege, or the privilege itself when none is known. */
  label(privilege: string): string
  /** The privilege and every privilege it implies, transitively. */
  withImplied(privilege: string): string[]
}

/** Does a pattern (or exact scope) match a scope? `*` stands for exactly one segment. */
export function patternMatches(pattern: string, scope: string): boolean {
  const want = pattern.split(':')
  const have = scope.split(':')
  return want.length === have.length && want.every((segment, i) => segment === '*' || segment === have[i])
}

/** a beats b when a governs a scope both match. */
export function beats(a: PlacedRule, b: PlacedRule): boolean {
  if (a.stars !== b.stars) return a.stars < b.stars
  if (a.layer !== b.layer) return a.layer > b.layer
  return a.index > b.index
}

export function buildMatrix(layers: MatrixLayer[]): Matrix {
  const privileges = Object.create(null) as Record<string, PrivilegeInfo>
  const implies = Object.create(null) as Record<string, string[]>
  const unmapped = Object.create(null) as Record<string, string>
  const byScope = new Map<string, PlacedRule>()

  for (const [layer, {file, matrix}] of layers.entries()) {
    Object.assign(privileges, matrix.privileges)
    Object.assign(implies, matrix.implies)
    for (const [scope, reason] of Object.entries(matrix.unmapped ?? {})) unmapped[normalizeScope(scope)] = reason
    for (const [index, rule] of matrix.rules.entries()) {
      const placed = {rule, file, layer, index, stars: countStars(rule.scope)}
      const previous = byScope.get(rule.scope)
      if (!previous || beats(placed, previous)) byScope.set(rule.scope, placed)
    }
  }

  const rules = [...byScope.values()]
  const patterns = new PatternIndex<PlacedRule>()
  for (const placed of rules) if (placed.stars > 0) patterns.add(placed.rule.scope, placed)
  const cache = new Map<string, ScopeResolution>()
  const impliedCache = new Map<string, string[]>()

  function resolve(raw: string): ScopeResolution {
    const scope = normalizeScope(raw)
    let resolution = cache.get(scope)
    if (resolution) return resolution
    const wellFormed = isWellFormedScope(scope)
    const exact = byScope.get(scope)
    let winner: PlacedRule | null = exact && exact.stars === 0 ? exact : null
    if (!winner && wellFormed) {
      for (const candidate of patterns.matching(scope)) if (!winner || beats(candidate, winner)) winner = candidate
    }
    resolution = {scope, level: scopeLevel(scope), action: scopeAction(scope), wellFormed, winner}
    if (!winner && unmapped[scope] !== undefined) resolution.unmappedReason = unmapped[scope]
    cache.set(scope, resolution)
    return resolution
  }

  function withImplied(privilege: string): string[] {
    let all = impliedCache.get(privilege)
    if (all) return all
    const seen = new Set<string>([privilege])
    const queue = [privilege]
    while (queue.length > 0) {
      for (const next of implies[queue.shift()!] ?? []) {
        if (!seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
      }
    }
    all = [...seen]
    impliedCache.set(privilege, all)
    return all
  }

  return {
    layers,
    version: layers.map((l) => (layers.length > 1 ? `${l.file}@${l.matrix.version}` : l.matrix.version)).join(' + '),
    files: layers.map((l) => l.file),
    privileges,
    implies,
    unmapped,
    rules: rules.sort((a, b) => compareText(a.rule.scope, b.rule.scope)),
    ruleFor: (scopeOrPattern) => byScope.get(scopeOrPattern),
    resolve,
    label: (privilege) => privileges[privilege]?.label ?? privilege,
    withImplied,
  }
}

function countStars(pattern: string): number {
  return pattern.split(':').filter((segment) => segment === '*').length
}
