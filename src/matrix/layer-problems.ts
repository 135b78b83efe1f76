// Warnings that need the whole stack of layers: overridden and overlapping rules, unknown privileges.
import {beats, type Matrix, type PlacedRule} from './matrix.js'
import type {Problem} from './file-problems.js'

/** Warnings about the rules of `checkedFiles` (the built-in's own rules are not second-guessed). */
export function layerWarnings(matrix: Matrix, checkedFiles: Set<string>): Problem[] {
  const warnings: Problem[] = []
  const all: PlacedRule[] = matrix.layers.flatMap(({file, matrix: m}, layer) =>
    m.rules.map((rule, index) => ({
      rule,
      file,
      layer,
      index,
      stars: rule.scope.split(':').filter((s) => s === '*').length,
    })),
  )
  const checked = all.filter((r) => checkedFiles.has(r.file))

  for (const placed of checked) {
    const place = `/rules/${placed.index}`
    const winner = matrix.rules.find((r) => r.rule.scope === placed.rule.scope)
    if (winner && (winner.file !== placed.file || winner.index !== placed.index)) {
      warnings.push({
        file: placed.file,
        place,
        message: `"${placed.rule.scope}" is shadowed by the same rule in ${winner.file} /rules/${winner.index}, which wins`,
      })
    }
    if (placed.stars > 0) {
      for (const other of all) {
        if (other === placed || other.stars !== placed.stars || other.rule.scope === placed.rule.scope) continue
        if (!patternsOverlap(placed.rule.scope, other.rule.scope)) continue
        const later = beats(other, placed)
        if (later) {
          warnings.push({
            file: placed.file,
            place,
            message: `"${placed.rule.scope}" overlaps "${other.rule.scope}" (${other.file} /rules/${other.index}) with as many "*": where both match, that one wins`,
          })
        }
      }
    }
    for (const [key, list] of [
      ['requires', placed.rule.requires],
      ['partial', placed.rule.partial ?? []],
    ] as const) {
      for (const [i, privilege] of list.entries()) {
        if (!matrix.privileges[privilege]) {
          warnings.push({
            file: placed.file,
            place: `${place}/${key}/${i}`,
            message: `"${privilege}" has no label in any layer's "privileges" (is it spelled as Zoom spells it?)`,
          })
        }
      }
    }
  }

  for (const {file, matrix: m} of matrix.layers) {
    if (!checkedFiles.has(file)) continue
    for (const scope of Object.keys(m.unmapped ?? {})) {
      const resolution = matrix.resolve(scope)
      if (resolution.winner)
        warnings.push({
          file,
          place: `/unmapped/${scope}`,
          message: `"${scope}" is listed as unmapped but ${resolution.winner.file} has a rule for it ("${resolution.winner.rule.scope}"), which is used`,
        })
    }
  }
  return warnings
}

/** Two patterns of the same length overlap when every segment pair is equal or has a `*`. */
function patternsOverlap(a: string, b: string): boolean {
  const x = a.split(':')
  const y = b.split(':')
  return x.length === y.length && x.every((segment, i) => segment === '*' || y[i] === '*' || segment === y[i])
}
