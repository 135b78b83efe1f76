// Why a scope needs what it needs: the winning rule, its file, its evidence. Pure; renderers print it.
import type {ClassicToGranular} from '../migrate/map.js'
import type {Matrix} from './matrix.js'
import type {Confidence, ScopeAction, ScopeLevel} from './types.js'

export interface ScopeExplanation {
  scope: string
  /** The rule's scope or pattern; null = unmapped. */
  matched: string | null
  file: string | null
  requires: string[]
  partial: string[]
  labels: Record<string, string>
  confidence: Confidence | null
  sources: string[]
  note: string | null
  /** null when the scope is malformed: a level or action read from it would be a guess. */
  level: ScopeLevel | null
  action: ScopeAction | null
  wellFormed: boolean
  operations: number | null
  products: string[]
  /** For a classic scope: the granular scopes Zoom would assign in its place, each with how many operations it covers. */
  granularEquivalents?: Array<{scope: string; operations: number}>
  /** Roles of an account that hold the scope (only with --snapshot / --live). */
  satisfiedBy?: Array<{id: string; name: string}>
}

export function explainScope(matrix: Matrix, raw: string, classicMap?: ClassicToGranular): ScopeExplanation {
  const resolution = matrix.resolve(raw)
  const equivalents = classicMap?.granularFor(resolution.scope)
  const rule = resolution.winner?.rule
  const requires = rule?.requires ?? []
  const partial = rule?.partial ?? []
  return {
    scope: resolution.scope,
    matched: rule?.scope ?? null,
    file: resolution.winner?.file ?? null,
    requires: [...requires],
    partial: [...partial],
    labels: Object.fromEntries([...requires, ...partial].map((p) => [p, matrix.label(p)])),
    confidence: rule?.confidence ?? null,
    sources: rule?.sources ?? [],
    note:
      rule?.note ?? resolution.unmappedReason ?? (rule ? null : unmappedNote(resolution.scope, resolution.wellFormed)),
    level: resolution.wellFormed ? resolution.level : null,
    action: resolution.wellFormed ? resolution.action : null,
    wellFormed: resolution.wellFormed,
    operations: rule?.operations ?? null,
    products: rule?.products ?? [],
    ...(equivalents
      ? {granularEquivalents: equivalents.map((g) => ({scope: g.scope, operations: g.operations.length}))}
      : {}),
  }
}

function unmappedNote(scope: string, wellFormed: boolean): string {
  if (wellFormed)
    return 'No rule in the matrix matches this scope: its owner eligibility cannot be checked. Add a rule in your own layer (--matrix).'
  const segments = scope.split(':')
  const bad = segments.findIndex((segment) => !/^[a-z0-9_]+$/.test(segment))
  const which = segments.length > 1 ? ` (segment ${bad + 1}, "${segments[bad]}")` : ''
  return `Malformed scope${which}: a scope is lowercase [a-z0-9_] segments joined by ":". Check the spelling.`
}
