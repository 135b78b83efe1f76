// The pattern index must find exactly what a scan of every rule finds: same winner, same overlaps.
import {expect} from 'chai'

import {beats, buildMatrix, patternMatches, type PlacedRule} from '../../src/matrix/matrix.js'
import {PatternIndex} from '../../src/matrix/pattern-index.js'
import type {MatrixFile} from '../../src/matrix/types.js'

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Few segment values, so that patterns collide, overlap and shadow each other often. */
function generator(seed: number) {
  const next = random(seed)
  const values = ['a', 'b', 'c', 'read', 'admin']
  const scope = () =>
    Array.from({length: 2 + Math.floor(next() * 3)}, () => values[Math.floor(next() * values.length)]!).join(':')
  const pattern = () =>
    scope()
      .split(':')
      .map((s) => (next() < 0.35 ? '*' : s))
      .join(':')
  return {next, scope, pattern}
}

function naiveWinner(rules: PlacedRule[], scope: string): PlacedRule | null {
  let winner: PlacedRule | null = null
  for (const r of rules) if (patternMatches(r.rule.scope, scope) && (!winner || beats(r, winner))) winner = r
  return winner
}

function overlaps(a: string, b: string): boolean {
  const x = a.split(':')
  const y = b.split(':')
  return x.length === y.length && x.every((s, i) => s === '*' || y[i] === '*' || s === y[i])
}

describe('pattern index agrees with a scan of every rule', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`resolves 500 random scopes against 3 random layers like the scan (seed ${seed})`, () => {
      const {next, scope, pattern} = generator(seed)
      const files: MatrixFile[] = [0, 1, 2].map((layer) => ({
        version: String(layer),
        rules: Array.from({length: 60}, () => (next() < 0.5 ? pattern() : scope())).map((s, i) => ({
          scope: s,
          requires: [`R${layer}x${i}:Read`],
          confidence: 'manual',
          sources: [],
        })),
      }))
      const matrix = buildMatrix(files.map((m, i) => ({file: `layer${i}.json`, matrix: m})))
      let mapped = 0
      for (let i = 0; i < 500; i++) {
        const s = scope()
        const got = matrix.resolve(s).winner
        const want = naiveWinner(matrix.rules, s)
        expect(got, s).to.equal(want)
        if (got) mapped++
      }
      expect(mapped, 'the random inputs exercise matches').to.be.greaterThan(100)
    })

    it(`finds the same overlapping patterns as the scan (seed ${seed})`, () => {
      const {pattern} = generator(seed + 100)
      const patterns = [...new Set(Array.from({length: 200}, pattern))]
      const index = new PatternIndex<string>()
      for (const [rank, p] of patterns.entries()) index.add(p, p, rank)
      for (const [rank, p] of patterns.slice(0, 50).entries()) {
        const found: string[] = []
        index.overlapping(p, (other) => void found.push(other))
        expect(found.sort(), p).to.deep.equal(patterns.filter((o) => overlaps(p, o)).sort())
        const above: string[] = []
        index.overlapping(p, (other) => void above.push(other), {above: rank})
        expect(above.sort(), `${p} above ${rank}`).to.deep.equal(
          patterns.filter((o, r) => r > rank && overlaps(p, o)).sort(),
        )
      }
    })
  }

  it('stops when the visitor says so', () => {
    const index = new PatternIndex<number>()
    for (let i = 0; i < 10; i++) index.add(`x${i}:*`, i)
    let seen = 0
    index.overlapping('*:*', () => (++seen === 3 ? 'stop' : undefined))
    expect(seen).to.equal(3)
  })
})
