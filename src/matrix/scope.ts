// What a scope string says about itself: well-formedness, level (user/admin/master) and action.
import {sortedUnique} from '../text-order.js'
import type {ScopeAction, ScopeLevel} from './types.js'

// Whole-string patterns: no split per check (matrices can hold tens of thousands of rules).
const SCOPE = /^[a-z0-9_]+(?::[a-z0-9_]+)*$/
const PATTERN = /^(?:[a-z0-9_]+|\*)(?::(?:[a-z0-9_]+|\*))*$/
const ACTIONS = new Set<string>(['read', 'write', 'update', 'delete'])

/** Zoom's data carries stray spaces around scope strings; nothing else is changed. */
export function normalizeScope(scope: string): string {
  return scope.trim()
}

/** Lowercase segments of [a-z0-9_] joined by ':'. */
export function isWellFormedScope(scope: string): boolean {
  return SCOPE.test(scope)
}

/** Like a scope, but a segment may be exactly `*`. */
export function isWellFormedPattern(pattern: string): boolean {
  return PATTERN.test(pattern)
}

export function scopeLevel(scope: string): ScopeLevel {
  const segments = scope.split(':')
  if (segments.includes('admin')) return 'admin'
  if (segments.includes('master')) return 'master'
  return 'user'
}

/** The second segment when it is an action; a scope without one (e.g. `imchat:bot`) counts as write. */
export function scopeAction(scope: string): ScopeAction {
  const second = scope.split(':')[1]
  return second !== undefined && ACTIONS.has(second) ? (second as ScopeAction) : 'write'
}

/** Scopes as given (flags, files, Zoom): trimmed, empty ones dropped, unique, sorted. */
export function cleanScopes(scopes: Iterable<string>): string[] {
  const list = [...scopes]
  // Snapshots hold them clean already: one pass to see that costs less than sorting again (10 000 apps' worth).
  if (list.every((s, i) => s.length > 0 && s === normalizeScope(s) && (i === 0 || list[i - 1]! < s))) return list
  return sortedUnique(list.map(normalizeScope).filter((s) => s.length > 0))
}

/** `--scopes a,b c` and `--scopes a --scopes b` both work. */
export function splitScopeList(values: readonly string[] | undefined): string[] {
  return cleanScopes((values ?? []).flatMap((v) => v.split(/[\s,]+/)))
}
