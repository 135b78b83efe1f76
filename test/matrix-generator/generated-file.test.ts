// The committed built-in matrix (and the opt-in inferred layer) is exactly what the generator writes, fits the schema,
// and covers every known scope.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {expect} from 'chai'

import type {MatrixFile} from '../../src/matrix/types.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const committedPath = join(root, 'data/builtin-matrix.json')
const committed = readFileSync(committedPath, 'utf8')
const matrix = JSON.parse(committed) as MatrixFile
const committedInferred = readFileSync(join(root, 'data/inferred-matrix.json'), 'utf8')

function readScopeSummary(): Array<{scope: string; kind: string}> {
  const [header, ...lines] = readFileSync(join(root, 'data/zoom/scope-privileges.tsv'), 'utf8').trim().split('\n')
  const columns = (header ?? '').split('\t')
  const at = (name: string) => columns.indexOf(name)
  return lines.map((line) => {
    const cells = line.split('\t')
    return {scope: cells[at('scope')] ?? '', kind: cells[at('kind')] ?? ''}
  })
}

describe('built-in matrix: the generated file', function () {
  this.timeout(60_000)

  it('regenerates byte-identical, the built-in and the inferred layer (npm run matrix:generate -- --output <tmp> …)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zsa-matrix-'))
    try {
      const output = join(dir, 'builtin-matrix.json')
      const inferredOutput = join(dir, 'inferred-matrix.json')
      const script = join(root, 'scripts/generate-matrix.ts')
      execFileSync(
        process.execPath,
        ['--import', 'tsx', script, '--output', output, '--inferred-output', inferredOutput, '--quiet'],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      const regenerated = readFileSync(output, 'utf8')
      expect(regenerated === committed, 'data/builtin-matrix.json is stale: run npm run matrix:generate').to.equal(true)
      const inferred = readFileSync(inferredOutput, 'utf8')
      expect(
        inferred === committedInferred,
        'data/inferred-matrix.json is stale: run npm run matrix:generate',
      ).to.equal(true)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('is valid against schemas/privilege-matrix.schema.json, and so is the inferred layer', () => {
    const ajv = new Ajv2020({allErrors: true, strict: true})
    addFormats.default(ajv)
    const schema = JSON.parse(readFileSync(join(root, 'schemas/privilege-matrix.schema.json'), 'utf8')) as object
    const validate = ajv.compile(schema)
    for (const file of [matrix, JSON.parse(committedInferred) as MatrixFile]) {
      const ok = validate(file)
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).to.deep.equal([])
      expect(ok).to.equal(true)
    }
  })

  it('is deterministic in shape: rules sorted by exact scope, 2-space indent, trailing newline, no timestamp', () => {
    const scopes = matrix.rules.map((rule) => rule.scope)
    expect(scopes).to.deep.equal([...scopes].sort())
    expect(new Set(scopes).size).to.equal(scopes.length)
    for (const scope of scopes) expect(scope, scope).to.match(/^[a-z0-9_]+(:[a-z0-9_]+)*$/)
    expect(committed.endsWith('}\n')).to.equal(true)
    expect(committed.split('\n')[1]).to.match(/^ {2}"version": /)
    expect(matrix.version).to.equal('zoom-openapi-2026-02-07+meetings-2025-06+phone-2026-07')
    expect(committed).not.to.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
  })

  it('classifies every one of the 2 060 known (scope, kind) rows exactly once: a rule or an unmapped entry', () => {
    const rows = readScopeSummary()
    expect(rows).to.have.length(2060)
    expect(rows.filter((row) => row.kind === 'classic')).to.have.length(306)
    expect(rows.filter((row) => row.kind === 'granular')).to.have.length(1754)
    const ruled = new Set(matrix.rules.map((rule) => rule.scope))
    const unmapped = matrix.unmapped ?? {}
    for (const {scope} of rows) {
      const inRules = ruled.has(scope)
      const inUnmapped = scope in unmapped
      expect(inRules !== inUnmapped, `${scope}: rule ${inRules}, unmapped ${inUnmapped}`).to.equal(true)
    }
    const known = new Set(rows.map((row) => row.scope))
    for (const scope of [...ruled, ...Object.keys(unmapped)]) expect(known.has(scope), scope).to.equal(true)
    expect(ruled.size + Object.keys(unmapped).length).to.equal(known.size)
  })

  it("uses only Resource:Read|Edit privileges, each labelled, none of Zoom's misspellings", () => {
    const privilege = /^[A-Z][A-Za-z0-9]*:(Read|Edit)$/
    const labels = matrix.privileges ?? {}
    for (const rule of matrix.rules) {
      for (const name of [...rule.requires, ...(rule.partial ?? [])]) {
        expect(name, rule.scope).to.match(privilege)
        expect(labels[name], `${name} (${rule.scope}) has no label`).to.not.equal(undefined)
      }
      for (const name of rule.partial ?? []) expect(rule.requires, rule.scope).not.to.include(name)
    }
    for (const name of Object.keys(labels)) expect(name).to.match(privilege)
    const used = new Set([
      ...Object.keys(labels),
      ...matrix.rules.flatMap((r) => [...r.requires, ...(r.partial ?? [])]),
    ])
    for (const typo of ['MoileDeviceManagement:Read', 'Marketplace:Edit', 'scheduler'])
      expect(used.has(typo), typo).to.equal(false)
    // …but the notes say where a normalisation was applied.
    expect(matrix.rules.find((r) => r.scope === 'device:read:list_groups:admin')?.note).to.include(
      'MoileDeviceManagement:Read (normalised to MobileDeviceManagement:Read)',
    )
  })

  it('labels User:Read / User:Edit with the portal names and marks made-up labels as derived', () => {
    const labels = matrix.privileges ?? {}
    expect(labels['User:Read']).to.deep.equal({label: 'Users: View', section: 'User and Permission Management'})
    expect(labels['User:Edit']).to.deep.equal({label: 'Users: Edit', section: 'User and Permission Management'})
    expect(labels['IMChatHistory:Read']).to.deep.equal({label: 'IM Chat History: View', derived: true})
    expect(labels['MarketPlace:Edit']?.derived).to.equal(undefined)
  })

  it('implies X:Edit → X:Read for every pair that exists (User:Edit satisfies User:Read)', () => {
    const implies = matrix.implies ?? {}
    expect(implies['User:Edit']).to.deep.equal(['User:Read'])
    const names = Object.keys(matrix.privileges ?? {})
    for (const name of names) {
      if (!name.endsWith(':Edit')) continue
      const read = name.replace(/:Edit$/, ':Read')
      if (names.includes(read)) expect(implies[name], name).to.deep.equal([read])
      else expect(implies[name], name).to.equal(undefined)
    }
    for (const [edit, reads] of Object.entries(implies)) {
      expect(edit).to.match(/:Edit$/)
      expect(reads).to.deep.equal([edit.replace(/:Edit$/, ':Read')])
    }
  })

  it('keeps sources compact: at most 3 operations, then "… and N more operations (products)"', () => {
    for (const rule of matrix.rules) {
      expect(rule.sources.length, rule.scope).to.be.greaterThan(0)
      expect(rule.sources.length, rule.scope).to.be.at.most(5)
      const more = rule.sources.filter((source) => source.startsWith('… and '))
      expect(more.length, rule.scope).to.be.at.most(1)
    }
  })
})
