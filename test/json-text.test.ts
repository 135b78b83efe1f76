import {expect} from 'chai'

import {prettyJsonChunks} from '../src/json-text.js'
import {exampleReport, hostileReport, triagedReport} from './report/example-report.js'

const joined = (value: unknown) => [...prettyJsonChunks(value)].join('')

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ODD_STRINGS = [
  '',
  'plain',
  'quote " and \\ backslash',
  'tab\tnew\nline',
  '\u0000\u001f\u007f',
  'é ü 🙂',
  '\ud800',
  '\u2028\u2029',
]
const ODD_NUMBERS = [0, -0, 1.5, -42, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER]

/** Nested data with everything JSON.stringify treats specially, and objects shared at several depths. */
function arbitrary(next: () => number, depth: number, shared: object[]): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
  const roll = next()
  if (depth > 4 || roll < 0.3) {
    return pick<unknown>([
      pick(ODD_STRINGS),
      pick(ODD_NUMBERS),
      true,
      false,
      null,
      undefined,
      () => 1,
      Symbol('s'),
      new Date(Date.UTC(2026, 10, 29)),
      {toJSON: (key: string) => `toJSON of ${key}`},
    ])
  }
  if (roll < 0.4 && shared.length > 0) return pick(shared)
  const size = Math.floor(next() * 5)
  const value: unknown =
    roll < 0.7
      ? Array.from({length: size}, () => arbitrary(next, depth + 1, shared))
      : Object.fromEntries(
          Array.from({length: size}, (_, i) => [pick([`k${i}`, `"${i}"`, 'é']), arbitrary(next, depth + 1, shared)]),
        )
  if (next() < 0.3) shared.push(value as object)
  return value
}

describe('prettyJsonChunks', () => {
  it('writes what JSON.stringify(value, null, 2) writes, for 2 000 arbitrary values', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = arbitrary(random(seed), 0, [])
      expect(joined(value), `seed ${seed}`).to.equal(JSON.stringify(value, null, 2) ?? 'undefined')
    }
  })

  it('writes top-level edge cases like JSON.stringify', () => {
    const cases: unknown[] = [
      {},
      [],
      {a: undefined},
      [undefined, () => 1],
      {a: []},
      {a: {}},
      {a: [[], {}]},
      'x',
      3,
      null,
    ]
    for (const value of cases) expect(joined(value)).to.equal(JSON.stringify(value, null, 2))
  })

  it('writes the audit reports (optional parts and hostile names included) byte for byte', () => {
    for (const report of [exampleReport, triagedReport(), hostileReport()])
      expect(joined(report)).to.equal(JSON.stringify(report, null, 2))
  })

  it('hands out a long array one element at a time, and can be iterated again', () => {
    const shared = {scope: 'meeting:read:admin', requiredPrivileges: ['Meeting:Read']}
    const big = {apps: Array.from({length: 20_000}, (_, i) => ({id: `app${i}`, scopes: Array(20).fill(shared)}))}
    const chunks = [...prettyJsonChunks(big)]
    expect(chunks.length).to.be.greaterThan(40_000)
    expect(Math.max(...chunks.map((c) => c.length))).to.be.lessThan(4_000)
    const iterable = prettyJsonChunks(big)
    expect([...iterable].join('')).to.equal(JSON.stringify(big, null, 2))
    expect([...iterable].join('')).to.equal(chunks.join(''))
  })
})
