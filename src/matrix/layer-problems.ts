// Warnings that need the whole stack of layers: shadowed and overlapping rules, unknown privileges, rules without
// sources. Overlaps are found through a pattern index that skips branches holding no pattern that could win, and
// each rule gets at most one overlap warning (one winner named, the others counted up to a cap): thousands of
// overlapping patterns give one line each, not one per pair.
import {escapePointer, type Problem} from './file-problems.js'
import {beats, type Matrix, type PlacedRule} from './matrix.js'
import {PatternIndex} from './pattern-index.js'

/** Warnings about the rules of `checkedFiles` (the built-in's own rules are not second-guessed). */
export function layerWarnings(matrix: Matrix, checkedFiles: Set<string>): Problem[] {
  const warnings: Problem[] = []
  const patternsByStars = new Map<number, PatternIndex<PlacedRule>>()
  for (const placed of matrix.rules) {
    if (placed.stars === 0) continue
    let index = patternsByStars.get(placed.stars)
    if (!index) patternsByStars.set(placed.stars, (index = new PatternIndex()))
    index.add(placed.rule.scope, placed, rank(placed))
  }

  for (const [layer, {file, matrix: m}] of matrix.layers.entries()) {
    if (!checkedFiles.has(file)) continue
    for (const [index, rule] of m.rules.entries()) {
      const place = `/rules/${index}`
      const warn = (message: string, at = place) => warnings.push({file, place: at, message})
      const winner = matrix.ruleFor(rule.scope)
      if (winner && (winner.layer !== layer || winner.index !== index)) {
        warn(`"${rule.scope}" is shadowed by the same rule in ${winner.file} /rules/${winner.index}, which wins`)
      } else if (winner && winner.stars > 0) {
        const overlap = overlapWarning(winner, patternsByStars.get(winner.stars)!)
        if (overlap) warn(overlap)
      }
      if (rule.sources.length === 0)
        warn(`"${rule.scope}" has no sources: say where the rule comes from (a Zoom document, a support ticket)`)
      for (const [key, list] of [
        ['requires', rule.requires],
        ['partial', rule.partial ?? []],
      ] as const) {
        for (const [i, privilege] of list.entries()) {
          if (!Object.hasOwn(matrix.privileges, privilege))
            warn(
              `"${privilege}" has no label in any layer's "privileges" (is it spelled as Zoom spells it? see "matrix privileges")`,
              `${place}/${key}/${i}`,
            )
        }
      }
    }
    for (const scope of Object.keys(m.unmapped ?? {})) {
      const resolution = matrix.resolve(scope)
      if (resolution.winner)
        warnings.push({
          file,
          place: `/unmapped/${escapePointer(scope)}`,
          message: `"${scope}" is listed as unmapped but ${resolution.winner.file} has a rule for it ("${resolution.winner.rule.scope}"), which is used`,
        })
    }
  }
  return warnings
}

/** Counted overlaps per rule stop here ("and 100 or more"): counting every pair is quadratic. */
export const OVERLAPS_COUNTED = 101

/** Between patterns with as many `*`, the later file (then the later rule) wins: that order as one number. */
function rank(placed: PlacedRule): number {
  return placed.layer * 2 ** 32 + placed.index
}

/** Patterns with as many `*` that overlap this one and win where both match: the first found, and how many more. */
function overlapWarning(placed: PlacedRule, sameStars: PatternIndex<PlacedRule>): string | undefined {
  let first: PlacedRule | undefined
  let count = 0
  const visit = (other: PlacedRule) => {
    if (other === placed || !beats(other, placed)) return
    first ??= other
    if (++count === OVERLAPS_COUNTED) return 'stop'
  }
  sameStars.overlapping(placed.rule.scope, visit, {above: rank(placed)})
  if (!first) return undefined
  const others = count - 1
  const more =
    others === 0
      ? ''
      : ` (and ${count === OVERLAPS_COUNTED ? 'at least ' : ''}${others} more such pattern${others === 1 ? '' : 's'})`
  return `"${placed.rule.scope}" overlaps "${first.rule.scope}" (${first.file} /rules/${first.index}) with as many "*": where both match, that one wins${more}`
}
