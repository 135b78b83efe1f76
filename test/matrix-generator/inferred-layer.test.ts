// The opt-in inferred layer (data/inferred-matrix.json) against Zoom's data: a dozen rules checked one by one
// (action → Read/Edit, level, every cited operation exists and says what the source claims), the invariants of the
// whole layer, and the coverage figures the README quotes.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {expect} from 'chai'

import {buildBuiltinMatrix} from '../../scripts/matrix/build.js'
import {layerCoverage} from '../../scripts/matrix/coverage.js'
import {loadZoomData, type Operation} from '../../scripts/matrix/data.js'
import {
  buildInferredMatrix,
  INFERRED_NOTE_START,
  loadRequirements,
  PRIVILEGES_REFERENCE,
} from '../../scripts/matrix/inferred.js'
import {readTsv} from '../../scripts/matrix/tsv.js'
import {scopeLevel} from '../../src/matrix/scope.js'
import type {MatrixFile, MatrixRule} from '../../src/matrix/types.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const layer = JSON.parse(readFileSync(join(root, 'data/inferred-matrix.json'), 'utf8')) as MatrixFile
const builtin = JSON.parse(readFileSync(join(root, 'data/builtin-matrix.json'), 'utf8')) as MatrixFile
const data = loadZoomData()
const requirements = readTsv(join(root, 'data/zoom/operation-requirements.tsv'))
const references = new Map(readTsv(join(root, 'data/zoom/privilege-labels.tsv')).map((row) => [row.privilege, row]))
const ruleFor = (scope: string): MatrixRule | undefined => layer.rules.find((rule) => rule.scope === scope)

/** "GET /phone/x" or "GET /accounts/{accountId}/x (accounts-ma)" in a source → the operations of Zoom's data it names. */
function citedOperations(source: string): Operation[] {
  const found: Operation[] = []
  for (const match of source.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/[^\s,()]*)(?: \(([a-z-]+)\))?/g)) {
    const [, method, path, product] = match
    const ops = data.operations.filter(
      (op) =>
        op.method === method &&
        op.path === path &&
        (!product || op.product === product) &&
        (product || !op.masterDocument),
    )
    expect(
      ops,
      `${match[0]} cited in "${source}" is not an operation in data/zoom/operations`,
    ).to.have.length.greaterThan(0)
    found.push(...ops)
  }
  return found
}

interface Row {
  scope: string
  requires: string
  level: 'admin' | 'master'
  /** A phrase one of the rule's sources must hold (the evidence it rests on). */
  evidence: RegExp
}

// Expected privileges written out by hand from the scope's action segment: read → :Read, anything else → :Edit.
const TABLE: Row[] = [
  {
    scope: 'phone:read:admin',
    requires: 'PbxAdmin:Read',
    level: 'admin',
    evidence: /analogous Number Management: \d+ operations list PbxAdmin:Read/,
  },
  {scope: 'phone:write:admin', requires: 'PbxAdmin:Edit', level: 'admin', evidence: /Account owner or admin/},
  {
    scope: 'phone:read:list_account_settings:admin',
    requires: 'PbxAdmin:Read',
    level: 'admin',
    evidence: /GET \/phone\/account_settings/,
  },
  {
    scope: 'phone:update:device:admin',
    requires: 'PbxAdmin:Edit',
    level: 'admin',
    evidence: /Number Management: \d+ operations list PbxAdmin:Edit/,
  },
  {
    scope: 'phone:delete:role:admin',
    requires: 'PbxAdmin:Edit',
    level: 'admin',
    evidence: /DELETE \/phone\/roles\/\{roleId\}/,
  },
  {
    scope: 'phone_call_log:read:admin',
    requires: 'PbxAdmin:Read',
    level: 'admin',
    evidence: /a role with Zoom Phone management/,
  },
  {
    scope: 'phone:master',
    requires: 'PbxAdmin:Edit',
    level: 'master',
    evidence: /Number Management \(master-account\): \d+ operations list PbxAdmin:Edit/,
  },
  {
    scope: 'phone:read:call_queue_custom_group:master',
    requires: 'PbxAdmin:Read',
    level: 'master',
    evidence: /\(number-management-ma\)/,
  },
  {scope: 'role:read:admin', requires: 'Role:Read', level: 'admin', evidence: /role management permissions/},
  {scope: 'role:delete:role:admin', requires: 'Role:Edit', level: 'admin', evidence: /DELETE \/roles\/\{roleId\}/},
  {
    scope: 'role:write:member:master',
    requires: 'Role:Edit',
    level: 'master',
    evidence: /POST \/accounts\/\{accountId\}\/roles\/\{roleId\}\/members \(accounts-ma\)/,
  },
  {scope: 'imgroup:read:admin', requires: 'IMGroups:Read', level: 'admin', evidence: /View or edit IM groups/},
  {
    scope: 'contact_group:update:group:admin',
    requires: 'IMGroups:Edit',
    level: 'admin',
    evidence: /PATCH \/im\/groups\/\{groupId\}/,
  },
  {
    scope: 'information_barrier:read:list_policies:admin',
    requires: 'Informationbarriers:Read',
    level: 'admin',
    evidence: /October 2023/,
  },
]

describe('inferred layer: rules against the data', () => {
  for (const row of TABLE) {
    it(`${row.scope} → ${row.requires} (${row.level}-level)`, () => {
      const rule = ruleFor(row.scope)
      expect(rule, `${row.scope} has no inferred rule`).to.not.equal(undefined)
      if (!rule) return
      expect(rule.requires).to.deep.equal([row.requires])
      expect(rule.confidence).to.equal('inferred')
      expect(scopeLevel(rule.scope)).to.equal(row.level)
      expect(rule.note).to.match(new RegExp(`^${INFERRED_NOTE_START.replace(/[()"]/g, '\\$&')}`))
      expect(
        rule.sources.some((source) => row.evidence.test(source)),
        `${rule.sources.join(' | ')}`,
      ).to.equal(true)
      // The built-in matrix has no rule for it: the layer only fills gaps.
      expect(builtin.rules.some((r) => r.scope === rule.scope)).to.equal(false)
      expect(builtin.unmapped?.[rule.scope]).to.be.a('string')

      // Its own operations list the scope and document no privilege.
      const ownSource = rule.sources.find((source) => source.startsWith('own operations'))
      const own = citedOperations(ownSource ?? '')
      expect(own).to.have.length.greaterThan(0)
      for (const op of own) {
        expect([...op.classicScopes, ...op.granularScopes], `${op.method} ${op.path}`).to.include(rule.scope)
        expect(op.privileges, `${op.method} ${op.path}`).to.deep.equal([])
      }
      // Analogous operations list the very privilege required, at the same level of document.
      for (const source of rule.sources.filter((s) => s.startsWith('analogous'))) {
        const ops = citedOperations(source)
        expect(ops).to.have.length.greaterThan(0)
        for (const op of ops) {
          expect(op.privileges).to.include(row.requires)
          expect(op.masterDocument).to.equal(row.level === 'master')
        }
      }
      // A quoted description sentence is one the operation's description holds.
      for (const source of rule.sources.filter((s) => s.startsWith('descriptions of'))) {
        const [, sentence, method, path] = /"(.+)" \((\w+) ([^)]+)\)/.exec(source) ?? []
        expect(
          requirements.some((r) => r.requirement === sentence && r.method === method && r.path === path),
          source,
        ).to.equal(true)
      }
      // The privileges reference entry quoted is the one in privilege-labels.tsv.
      const reference = references.get(row.requires)
      if (reference?.in_doc_priv === 'yes') {
        expect(rule.sources).to.include(
          `Zoom privileges reference (${PRIVILEGES_REFERENCE}): ${row.requires.split(':')[0]}:Read/Edit — "${reference.doc_priv_description}"`,
        )
      }
    })
  }
})

describe('inferred layer: the whole file', () => {
  it('every rule: inferred, one privilege by action, an admin- or master-level scope the built-in leaves unmapped', () => {
    expect(layer.rules.length).to.be.greaterThan(300)
    const builtinScopes = new Set(builtin.rules.map((rule) => rule.scope))
    for (const rule of layer.rules) {
      expect(rule.confidence, rule.scope).to.equal('inferred')
      expect(rule.note, rule.scope).to.include(INFERRED_NOTE_START)
      expect(scopeLevel(rule.scope), rule.scope).to.not.equal('user')
      expect(builtinScopes.has(rule.scope), rule.scope).to.equal(false)
      const action = rule.scope.split(':')[1]
      expect(rule.requires, rule.scope).to.have.length(1)
      expect(rule.requires[0], rule.scope).to.match(action === 'read' ? /:Read$/ : /:Edit$/)
      expect(rule.sources.length, rule.scope).to.be.within(2, 5)
    }
  })

  it('every Zoom Phone scope the built-in leaves unmapped gets PbxAdmin; nothing outside the four families gets a rule', () => {
    const unmappedPhone = Object.keys(builtin.unmapped ?? {}).filter(
      (scope) =>
        data.operations.some(
          (op) => op.product === 'phone' && [...op.classicScopes, ...op.granularScopes].includes(scope),
        ) &&
        data.operations.every(
          (op) => op.product === 'phone' || ![...op.classicScopes, ...op.granularScopes].includes(scope),
        ),
    )
    expect(unmappedPhone.length).to.be.greaterThan(300)
    for (const scope of unmappedPhone) expect(ruleFor(scope)?.requires[0], scope).to.match(/^PbxAdmin:/)
    const resources = new Set(layer.rules.map((rule) => rule.requires[0]?.split(':')[0]))
    expect([...resources].sort()).to.deep.equal(['IMGroups', 'Informationbarriers', 'PbxAdmin', 'Role'])
    // /contacts/groups (Users) is a different feature from IM directory groups: its classic scopes stay unmapped.
    expect(ruleFor('contact_group:read:admin')).to.equal(undefined)
  })

  it('labels and implies every privilege it uses, so it also works with --no-builtin-matrix', () => {
    for (const rule of layer.rules) {
      for (const privilege of rule.requires) {
        expect(layer.privileges?.[privilege], privilege).to.deep.equal(builtin.privileges?.[privilege])
        if (privilege.endsWith(':Edit'))
          expect(layer.implies?.[privilege]).to.deep.equal([privilege.replace(/:Edit$/, ':Read')])
      }
    }
  })

  it('coverage: admin- and master-level scopes with a rule, before and after, as the README says', () => {
    const result = buildBuiltinMatrix(data)
    const coverage = layerCoverage(result, buildInferredMatrix(data, result, loadRequirements()).families)
    // Counted again from the committed files, not from the generator.
    const privileged = new Set(
      [...builtin.rules.map((r) => r.scope), ...Object.keys(builtin.unmapped ?? {})].filter(
        (scope) => scopeLevel(scope) !== 'user',
      ),
    )
    const ruled = builtin.rules.filter((rule) => scopeLevel(rule.scope) !== 'user').length
    expect(coverage).to.deep.include({privileged: privileged.size, without: ruled, with: ruled + layer.rules.length})
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const percent = (n: number) => Math.round((100 * n) / coverage.privileged)
    expect(readme).to.include(`${coverage.without} of ${coverage.privileged} (${percent(coverage.without)} %)`)
    expect(readme).to.include(`${coverage.with} of ${coverage.privileged} (${percent(coverage.with)} %)`)
    expect(readme).to.include(`${layer.rules.length} inferred rules`)
  })

  it("README's coverage section is exactly what npm run matrix:coverage prints", function () {
    this.timeout(60_000)
    const printed = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/matrix-coverage.ts')], {
      cwd: root,
      encoding: 'utf8',
    })
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const section = /`npm run matrix:coverage` \(exit 1[^\n]*\n\n([\s\S]*?)\n### /.exec(readme)?.[1]
    expect(section).to.equal(printed)
    expect(printed).to.include('| built-in + inferred |')
  })
})
