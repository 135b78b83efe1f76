// Rules checked against the per-operation TSVs directly (own parsing here, not the generator's code).
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {expect} from 'chai'

import type {MatrixFile, MatrixRule} from '../../src/matrix/types.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const matrix = JSON.parse(readFileSync(join(root, 'data/builtin-matrix.json'), 'utf8')) as MatrixFile
const rules = new Map(matrix.rules.map((rule) => [rule.scope, rule]))

// The normalisations the issue lists: typos, stray spaces, the junk value "scheduler".
const FIX: Record<string, string | null> = {
  'MoileDeviceManagement:Read': 'MobileDeviceManagement:Read',
  'Marketplace:Edit': 'MarketPlace:Edit',
  scheduler: null,
}

interface Op {
  product: string
  ma: boolean
  privileges: string[]
  classic: string[]
  scopes: string[]
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

function readOperations(): Op[] {
  const dir = join(root, 'data/zoom/operations')
  const ops: Op[] = []
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv'))) {
    const [header, ...lines] = readFileSync(join(dir, name), 'utf8').trim().split('\n')
    const cols = (header ?? '').split('\t')
    for (const line of lines) {
      const cells = line.split('\t')
      const get = (col: string) => cells[cols.indexOf(col)]
      const privileges = [
        ...new Set(
          list(get('x_permissions'))
            .map((p) => (p in FIX ? FIX[p] : p))
            .filter((p): p is string => typeof p === 'string'),
        ),
      ]
      const classic = list(get('x_macro_scopes'))
      const product = get('product') ?? ''
      ops.push({
        product,
        ma: product.endsWith('-ma'),
        privileges,
        classic,
        scopes: [...classic, ...list(get('x_granular_scopes'))],
      })
    }
  }
  return ops
}

const ops = readOperations()
const byScope = new Map<string, Op[]>()
for (const op of ops) {
  for (const scope of new Set(op.scopes)) byScope.set(scope, [...(byScope.get(scope) ?? []), op])
}

const levelOf = (scope: string) => {
  const segments = scope.split(':')
  return segments.includes('admin') ? 'admin' : segments.includes('master') ? 'master' : 'user'
}
const documented = (op: Op) => op.privileges.length > 0

/** The operations that speak for a scope: admin → regular documents (master-account ones only when no regular one lists it); master → master-account documents when they document it. */
function selected(scope: string): Op[] {
  const all = byScope.get(scope) ?? []
  const regular = all.filter((op) => !op.ma)
  const ma = all.filter((op) => op.ma)
  if (levelOf(scope) === 'master') {
    if (ma.some(documented)) return ma
    if (regular.some(documented)) return regular
    return all
  }
  return regular.length > 0 ? regular : ma
}

const unionOf = (list: Op[]) => [...new Set(list.flatMap((op) => op.privileges))].sort()
const ruleUnion = (rule: MatrixRule) => [...rule.requires, ...(rule.partial ?? [])].sort()

function checkMajority(rule: MatrixRule, used: Op[]): void {
  const n = used.length
  const count = (p: string) => used.filter((op) => op.privileges.includes(p)).length
  const reachesHalf = unionOf(used).filter((p) => 2 * count(p) >= n)
  if (reachesHalf.length > 0) {
    expect(rule.requires, rule.scope).to.deep.equal(reachesHalf)
  } else {
    const max = Math.max(...unionOf(used).map(count))
    expect(rule.requires, rule.scope).to.deep.equal(unionOf(used).filter((p) => count(p) === max))
    expect(rule.note ?? '', rule.scope).to.include('most frequent')
  }
}

describe('built-in matrix against the per-operation TSVs', () => {
  const scopes = [...byScope.keys()].sort()
  const withData = scopes.filter((s) => levelOf(s) !== 'user' && selected(s).some(documented))
  const withoutData = scopes.filter((s) => levelOf(s) !== 'user' && !selected(s).some(documented))

  it('sees the data the issue describes: 2 058 distinct scopes over 1 633 operations', () => {
    expect(ops).to.have.length(1633)
    expect(scopes).to.have.length(2058)
  })

  it(`documented/manual rules (${withData.length} admin/master scopes, all checked): requires ∪ partial = the union of their operations' privileges, requires = those on ≥ half`, () => {
    expect(withData.length).to.be.greaterThan(50)
    for (const scope of withData) {
      const rule = rules.get(scope)
      expect(rule, scope).to.not.equal(undefined)
      if (!rule) continue
      const used = selected(scope).filter(documented)
      expect(['documented', 'manual'], scope).to.include(rule.confidence)
      expect(ruleUnion(rule), scope).to.deep.equal(unionOf(used))
      expect(rule.operations, scope).to.equal(used.length)
      expect(rule.requires.length, scope).to.be.greaterThan(0)
      checkMajority(rule, used)
    }
  })

  it('a sample of 60 documented scopes, spread over the alphabet, match their operations', () => {
    const step = Math.floor(withData.length / 60)
    const sample = withData.filter((_, i) => i % step === 0).slice(0, 60)
    expect(sample).to.have.length(60)
    for (const scope of sample) {
      const rule = rules.get(scope)
      expect(rule && ruleUnion(rule), scope).to.deep.equal(unionOf(selected(scope).filter(documented)))
    }
  })

  it('undocumented admin/master scopes are never `requires: []` with `documented`: inferred from co-listed classic scopes, or unmapped', () => {
    expect(withoutData.length).to.be.greaterThan(50)
    for (const scope of withoutData) {
      const rule = rules.get(scope)
      if (!rule) {
        expect(matrix.unmapped?.[scope], scope)
          .to.be.a('string')
          .and.match(/^Not documented: /)
        continue
      }
      expect(rule.confidence, scope).to.equal('inferred')
      expect(rule.requires.length, scope).to.be.greaterThan(0)
      // The union of what the classic scopes listed on the same operations document.
      const classics = [...new Set(selected(scope).flatMap((op) => op.classic))].filter(
        (c) => c !== scope && (levelOf(scope) === 'master' || levelOf(c) !== 'master'),
      )
      const evidence = [...new Set(classics.flatMap((c) => selected(c).filter(documented)))]
      expect(ruleUnion(rule), scope).to.deep.equal(unionOf(evidence))
    }
  })

  it('unmapped scopes have no documented operation and no documented co-listed classic scope', () => {
    for (const scope of Object.keys(matrix.unmapped ?? {})) {
      expect(selected(scope).some(documented), scope).to.equal(false)
      const classics = [...new Set(selected(scope).flatMap((op) => op.classic))].filter(
        (c) => c !== scope && (levelOf(scope) === 'master' || levelOf(c) !== 'master'),
      )
      for (const c of classics) expect(selected(c).some(documented), `${scope} ← ${c}`).to.equal(false)
    }
  })

  it('every user-level scope → requires [], documented', () => {
    const userLevel = scopes.filter((s) => levelOf(s) === 'user')
    expect(userLevel).to.have.length(572)
    for (const scope of userLevel) {
      const rule = rules.get(scope)
      expect(rule?.requires, scope).to.deep.equal([])
      expect(rule?.confidence, scope).to.equal('documented')
    }
  })

  it('master-level scopes are never `requires: []`', () => {
    for (const rule of matrix.rules.filter((r) => levelOf(r.scope) === 'master')) {
      expect(rule.requires.length, rule.scope).to.be.greaterThan(0)
    }
  })
})
