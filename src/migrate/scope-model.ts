// Is an app on classic scopes, granular scopes, or both? Zoom's data says which scopes are classic (checked first: a
// few scopes are both, and migrating keeps them) and which granular; a scope it does not know is judged by its shape: classic scopes are `resource:action` (plus `:admin` / `:master`), granular ones
// `product:action:resource` (plus the level).
import type {ClassicToGranular} from './map.js'

export type ScopeKind = 'classic' | 'granular'
export type ScopeModel = 'classic' | 'granular' | 'mixed'

/** Per map, each scope's kind once: an audit asks about the same few thousand scopes for every app. */
const kinds = new WeakMap<ClassicToGranular, Map<string, ScopeKind>>()

function knownKinds(map: ClassicToGranular): Map<string, ScopeKind> {
  let known = kinds.get(map)
  if (!known) {
    known = new Map()
    kinds.set(map, known)
  }
  return known
}

export function scopeKind(map: ClassicToGranular, scope: string): ScopeKind {
  return rememberedKind(map, scope, knownKinds(map))
}

function rememberedKind(map: ClassicToGranular, scope: string, known: Map<string, ScopeKind>): ScopeKind {
  let kind = known.get(scope)
  if (kind === undefined) {
    kind = judgeScope(map, scope)
    known.set(scope, kind)
  }
  return kind
}

function judgeScope(map: ClassicToGranular, scope: string): ScopeKind {
  if (map.isClassic(scope)) return 'classic'
  if (map.isGranular(scope)) return 'granular'
  const segments = scope.trim().split(':')
  const withoutLevel = segments.filter((segment, i) => i === 0 || (segment !== 'admin' && segment !== 'master'))
  return withoutLevel.length <= 2 ? 'classic' : 'granular'
}

/** The app's scope model; null for an app without scopes. */
export function scopeModel(map: ClassicToGranular, scopes: Iterable<string>): ScopeModel | null {
  let classic = false
  let granular = false
  const known = knownKinds(map)
  for (const scope of scopes) {
    if (scope.trim() === '') continue
    if (rememberedKind(map, scope, known) === 'classic') classic = true
    else granular = true
  }
  if (classic && granular) return 'mixed'
  return classic ? 'classic' : granular ? 'granular' : null
}
