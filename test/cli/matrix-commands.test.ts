import {readFileSync} from 'node:fs'

import {Ajv2020} from 'ajv/dist/2020.js'
import {expect} from 'chai'

import {schemaProblems} from '../../src/input/schema-check.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const validRule = {
  scope: 'phone:read:admin',
  requires: ['PbxAdmin:Read'],
  confidence: 'manual',
  sources: ['our policy'],
}
const validMatrix = {version: '1', privileges: {'PbxAdmin:Read': {label: 'Phone: View'}}, rules: [validRule]}

describe('matrix commands (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('explain --json gives the winning rule of each scope, with labels and level', async () => {
    const file = tmp.write('layer.json', validMatrix)
    const {code, stdout} = await runCli([
      'matrix',
      'explain',
      'phone:read:admin',
      'meeting:read:admin',
      'nope:read:admin',
      '--matrix',
      file,
      '--json',
    ])
    expect(code).to.equal(0)
    const result = JSON.parse(stdout)
    expect(result.scopes[0]).to.include({
      scope: 'phone:read:admin',
      matched: 'phone:read:admin',
      file,
      confidence: 'manual',
      level: 'admin',
    })
    expect(result.scopes[0].labels).to.deep.equal({'PbxAdmin:Read': 'Phone: View'})
    expect(result.scopes[1]).to.include({matched: 'meeting:read:admin', file: 'built-in'})
    expect(result.scopes[1].requires).to.deep.equal(['User:Read'])
    expect(result.scopes[2]).to.include({matched: null, file: null})
  })

  it('explain with --no-builtin-matrix drops the built-in rules', async () => {
    const {code, stdout} = await runCli(['matrix', 'explain', 'meeting:read:admin', '--no-builtin-matrix', '--json'])
    expect(code).to.equal(0)
    expect(JSON.parse(stdout).scopes[0].matched).to.equal(null)
  })

  it('show --json merges layers', async () => {
    const file = tmp.write('show.json', validMatrix)
    const {code, stdout} = await runCli(['matrix', 'show', '--matrix', file, '--json'])
    expect(code).to.equal(0)
    const shown = JSON.parse(stdout)
    expect(shown.files).to.deep.equal(['built-in', file])
    expect(shown.rules.find((r: {scope: string}) => r.scope === 'phone:read:admin').file).to.equal(file)
    expect(shown.privileges['User:Read'].label).to.equal('Users: View')
  })

  it('--help lists the exit codes', async () => {
    const {code, stdout} = await runCli(['matrix', 'explain', '--help'])
    expect(code).to.equal(0)
    expect(stdout).to.include('EXIT CODES').and.include('3  Zoom API')
  })

  const badInputs: Array<{
    name: string
    content?: string | object
    path?: (dir: string) => string
    args?: string[]
    expect: RegExp
  }> = [
    {
      name: 'malformed JSON names line and column',
      content: '{\n  "version": "1",\n  "rules": [,]\n}',
      expect: /bad\.json: the privilege matrix is not valid JSON at line 3, column 13/,
    },
    {
      name: 'schema violation names the JSON pointer',
      content: {version: '1', rules: [validRule, {...validRule, scope: 'x:read:admin', requires: 'User:Read'}]},
      expect: /bad\.json: not a valid privilege matrix: \/rules\/1\/requires must be array/,
    },
    {
      name: 'an enum violation lists the allowed values',
      content: {version: '1', rules: [{...validRule, confidence: 'sure'}]},
      expect: /\/rules\/0\/confidence must be one of "documented", "inferred", "manual"/,
    },
    {
      name: 'a typo in a property name',
      content: {version: '1', rules: [{...validRule, require: []}]},
      expect: /\/rules\/0 has unknown property "require"/,
    },
    {
      name: 'a malformed scope',
      content: {version: '1', rules: [{...validRule, scope: 'Meeting:Read:Admin'}]},
      expect: /\/rules\/0\/scope "Meeting:Read:Admin" is not a scope or pattern/,
    },
    {
      name: 'glob syntax other than * does not exist',
      content: {version: '1', rules: [{...validRule, scope: 'meeting:read|write:admin'}]},
      expect: /\/rules\/0\/scope "meeting:read\|write:admin" is not a scope or pattern/,
    },
    {
      name: 'a privilege not of the form Resource:Read|Edit',
      content: {version: '1', rules: [{...validRule, requires: ['User:View']}]},
      expect: /\/rules\/0\/requires\/0 "User:View" is not a role privilege/,
    },
    {
      name: 'a duplicate rule',
      content: {version: '1', rules: [validRule, validRule]},
      expect: /\/rules\/1\/scope duplicate rule for "phone:read:admin" \(first at \/rules\/0\)/,
    },
    {
      name: 'a missing file',
      path: (dir) => `${dir}/does-not-exist.json`,
      expect: /does-not-exist\.json: cannot read the privilege matrix \(no such file\)/,
    },
    {
      name: 'a folder instead of a file',
      path: (dir) => dir,
      expect: /cannot read the privilege matrix \(is a folder, not a file\)/,
    },
    {name: 'an unknown flag', args: ['--matrx', 'x.json'], expect: /Nonexistent flag: --matrx/},
  ]
  for (const bad of badInputs) {
    it(`exit 2, no stack: ${bad.name}`, async () => {
      const file = bad.content === undefined ? (bad.path ? bad.path(tmp.dir) : '') : tmp.write('bad.json', bad.content)
      const args = bad.args ?? ['--matrix', file]
      const text = await runCli(['matrix', 'explain', 'meeting:read:admin', ...args])
      expect(text.code, text.stderr).to.equal(2)
      expect(text.stderr).to.match(bad.expect)
      expect(text.stderr.trim().split('\n')).to.have.length(1)
      expect(hasStackTrace(text.stderr)).to.equal(false)
      const json = await runCli(['matrix', 'explain', 'meeting:read:admin', ...args, '--json'])
      expect(json.code).to.equal(2)
      const error = JSON.parse(json.stdout).error
      expect(error.message).to.match(bad.expect)
      expect(error.exitCode).to.equal(2)
    })
  }

  it('validate: errors → exit 2 with every problem listed; warnings → exit 0', async () => {
    const broken = tmp.write('broken.json', {
      version: '1',
      rules: [
        {...validRule, requires: ['bad']},
        {...validRule, scope: 'A:B'},
      ],
    })
    const bad = await runCli(['matrix', 'validate', broken])
    expect(bad.code).to.equal(2)
    expect(bad.stdout)
      .to.match(/\/rules\/0\/requires\/0 "bad" is not a role privilege/)
      .and.match(/\/rules\/1\/scope "A:B"/)

    const warned = tmp.write('warned.json', {
      version: '1',
      rules: [
        {...validRule, scope: 'meeting:read:*:admin', requires: ['Unknown:Read']},
        {...validRule, scope: 'meeting:*:meeting:admin', requires: ['User:Read']},
      ],
    })
    const later = tmp.write('later.json', {
      version: '2',
      rules: [{...validRule, scope: 'meeting:read:*:admin', requires: ['User:Read']}],
    })
    const ok = await runCli(['matrix', 'validate', warned, later, '--json'])
    expect(ok.code).to.equal(0)
    const result = JSON.parse(ok.stdout)
    const messages = result.files[0].warnings.map((w: {message: string}) => w.message).join('\n')
    expect(messages).to.match(/"Unknown:Read" has no label/)
    expect(messages).to.match(/"meeting:read:\*:admin" is shadowed by the same rule in .*later\.json \/rules\/0/)
    // The shadowed rule never applies; the rule that does overlaps the later file's winner.
    expect(messages).to.match(/"meeting:\*:meeting:admin" overlaps "meeting:read:\*:admin" \(.*later\.json \/rules\/0\)/)
  })
})

describe('matrix schemas: a user layer needs scope + requires, the built-in form needs every field', () => {
  const full = {
    version: '1',
    privileges: {'User:Read': {label: 'Users: View'}},
    rules: [{scope: 'a:read:admin', requires: [], confidence: 'manual', sources: ['s']}],
  }
  type Doc = {
    version?: string
    rules?: Array<Record<string, unknown>>
    privileges: Record<string, Record<string, unknown>>
  }
  const drops: Array<[string, (d: Doc) => void, string, 'both' | 'builtin']> = [
    ['version', (d) => delete d.version, '/ must have required property "version"', 'builtin'],
    ['rules', (d) => delete d.rules, '/ must have required property "rules"', 'both'],
    ['rules[].scope', (d) => delete d.rules![0]!.scope, '/rules/0 must have required property "scope"', 'both'],
    [
      'rules[].requires',
      (d) => delete d.rules![0]!.requires,
      '/rules/0 must have required property "requires"',
      'both',
    ],
    [
      'rules[].confidence',
      (d) => delete d.rules![0]!.confidence,
      '/rules/0 must have required property "confidence"',
      'builtin',
    ],
    [
      'rules[].sources',
      (d) => delete d.rules![0]!.sources,
      '/rules/0 must have required property "sources"',
      'builtin',
    ],
    [
      'privileges.*.label',
      (d) => delete d.privileges['User:Read']!.label,
      '/privileges/User:Read must have required property "label"',
      'both',
    ],
  ]
  const ajv = new Ajv2020({allErrors: true, strict: true})
  ajv.addSchema(JSON.parse(readFileSync('schemas/privilege-matrix.schema.json', 'utf8')) as object)
  const builtinForm = ajv.compile(JSON.parse(readFileSync('schemas/builtin-matrix.schema.json', 'utf8')) as object)
  const builtinProblems = (doc: unknown) =>
    builtinForm(doc) ? [] : (builtinForm.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)

  it('accepts the full document in both forms', () => {
    expect(schemaProblems('privilege-matrix', full)).to.deep.equal([])
    expect(builtinProblems(full)).to.deep.equal([])
  })
  it('the built-in matrix fits the strict form', () => {
    const builtin = JSON.parse(readFileSync('data/builtin-matrix.json', 'utf8')) as unknown
    expect(builtinProblems(builtin).slice(0, 5)).to.deep.equal([])
  })
  for (const [field, drop, message, where] of drops) {
    it(`without ${field}: ${where === 'both' ? 'neither form' : 'a user layer, not the built-in form'}`, () => {
      const doc = structuredClone(full)
      drop(doc)
      const asLayer = schemaProblems('privilege-matrix', doc)
      if (where === 'both') expect(asLayer).to.include(message)
      else expect(asLayer).to.deep.equal([])
      const [pointer, property] = /^(\S+) must have required property "(\w+)"$/.exec(message)!.slice(1)
      expect(builtinProblems(doc)).to.include(`${pointer} must have required property '${property}'`)
    })
  }
})
