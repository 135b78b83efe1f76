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
    expect(stdout).to.include('EXIT CODES').and.include('3  With --live: Zoom API')
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
    expect(messages).to.match(
      /"meeting:\*:meeting:admin" overlaps "meeting:read:\*:admin" \(.*later\.json \/rules\/0\)/,
    )
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

describe('your own matrix layer, as a user writes it (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())
  const audit = ['audit', '--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json', '--json']
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('### Your own rules'), readme.indexOf('## Before you transfer an app'))
  const readmeLayer = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? ''

  it("the README's minimal layer has only scope + requires and no version", () => {
    const layer = JSON.parse(readmeLayer) as {version?: string; rules: Array<Record<string, unknown>>}
    expect(layer.version).to.equal(undefined)
    expect(layer.rules).to.have.length(2)
    for (const rule of layer.rules) expect(Object.keys(rule).sort()).to.deep.equal(['requires', 'scope'])
    expect(section).to.include(
      'zoom-scope-audit audit --snapshot examples/snapshot.json --inventory examples/inventory.json --matrix our-rules.json',
    )
  })

  it("the README's minimal layer works as written, over the built-in and alone", async () => {
    const file = tmp.write('our-rules.json', readmeLayer)
    const before = await runCli(audit)
    const over = await runCli([...audit, '--matrix', file])
    expect(over.code, over.stderr).to.equal(1)
    const report = JSON.parse(over.stdout)
    expect(report.matrix.files).to.deep.equal(['built-in', file])
    expect(report.matrix.version).to.include('our-rules.json')
    type Finding = {kind: string; appId: string; scope?: string}
    const phone = (r: {findings: Finding[]}) => r.findings.filter((f) => f.appId === 'aPhoneSy06')
    // Unmapped in the built-in; the layer maps it, and the owner's role holds PbxAdmin:Read.
    expect(phone(JSON.parse(before.stdout)).map((f) => f.kind)).to.deep.equal(['unmapped-scope'])
    expect(phone(report)).to.deep.equal([])

    const alone = await runCli([...audit, '--matrix', file, '--no-builtin-matrix'])
    expect(alone.code, alone.stderr).to.be.oneOf([0, 1])
    const aloneReport = JSON.parse(alone.stdout)
    expect(aloneReport.matrix.files).to.deep.equal([file])
    expect(phone(aloneReport)).to.deep.equal([])
    const validated = await runCli(['matrix', 'validate', file])
    expect(validated.code, validated.stdout).to.equal(0)
  })

  it('fills in the defaults: partial [], confidence manual, sources [], version = file name', async () => {
    const file = tmp.write('team.json', {rules: [{scope: 'phone:read:admin', requires: ['PbxAdmin:Read']}]})
    const {code, stdout} = await runCli(['matrix', 'explain', 'phone:read:admin', '--matrix', file, '--json'])
    expect(code).to.equal(0)
    const result = JSON.parse(stdout)
    expect(result.matrix.version).to.match(/team\.json@team\.json$/)
    expect(result.scopes[0]).to.deep.include({confidence: 'manual', sources: [], partial: [], file})
  })

  it('validate warns (exit 0) about a rule without sources, naming the file and the rule', async () => {
    const file = tmp.write('no-sources.json', {
      rules: [
        {scope: 'phone:read:admin', requires: ['PbxAdmin:Read']},
        {scope: 'phone:write:admin', requires: ['PbxAdmin:Edit'], sources: ['ticket 12345']},
      ],
    })
    const {code, stdout} = await runCli(['matrix', 'validate', file])
    expect(code).to.equal(0)
    expect(stdout).to.include(`valid  ${file}`)
    expect(stdout).to.match(/warning {2}\/rules\/0 "phone:read:admin" has no sources/)
    expect(stdout).not.to.match(/\/rules\/1 .*no sources/)
  })

  it('a portal label in requires is an error naming the file, the pointer and the privilege to write', async () => {
    const file = tmp.write('labels.json', {
      rules: [
        {scope: 'phone:read:admin', requires: ['PbxAdmin:Read']},
        {scope: 'user:read:admin', requires: ['User:Read'], partial: ['Users: View']},
        {scope: 'user:write:admin', requires: ['Users: Edit']},
      ],
    })
    const validated = await runCli(['matrix', 'validate', file])
    expect(validated.code).to.equal(2)
    expect(validated.stdout)
      .to.match(
        /error {4}\/rules\/1\/partial\/0 "Users: View" is a portal label, not a role privilege: write "User:Read"/,
      )
      .and.match(
        /error {4}\/rules\/2\/requires\/0 "Users: Edit" is a portal label, not a role privilege: write "User:Edit"/,
      )
    const run = await runCli([...audit.filter((a) => a !== '--json'), '--matrix', file])
    expect(run.code).to.equal(2)
    expect(run.stderr.trim()).to.match(
      new RegExp(`^Error: ${file.replaceAll('/', '\\/')}: /rules/1/partial/0 "Users: View" is a portal label`),
    )
    expect(hasStackTrace(run.stderr)).to.equal(false)
  })

  it('matrix privileges lists every privilege with its portal label and section', async () => {
    const file = tmp.write('labelled.json', {
      privileges: {'PbxAdmin:Read': {label: 'Phone System Management: View'}},
      rules: [{scope: 'phone:read:admin', requires: ['PbxAdmin:Read', 'Custom:Edit']}],
    })
    const json = await runCli(['matrix', 'privileges', '--matrix', file, '--json'])
    expect(json.code).to.equal(0)
    const {privileges} = JSON.parse(json.stdout) as {privileges: Array<Record<string, unknown>>}
    const find = (name: string) => privileges.find((p) => p.privilege === name)
    expect(find('User:Read')).to.deep.include({
      label: 'Users: View',
      section: 'User and Permission Management',
      derived: false,
    })
    expect(find('Recording:Read')).to.deep.include({section: 'Recording', derived: true})
    expect(find('PbxAdmin:Read')).to.deep.include({label: 'Phone System Management: View', derived: false})
    expect(find('Custom:Edit')).to.deep.include({label: null, section: null, requiredBy: 1})

    const text = await runCli(['matrix', 'privileges'])
    expect(text.code).to.equal(0)
    // The README's excerpt is the real output.
    const example = /```\n\$ zoom-scope-audit matrix privileges\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    const chunks = example.split('…\n').filter((chunk) => chunk.trim().length > 0)
    expect(chunks.length).to.be.greaterThan(1)
    for (const chunk of chunks) expect(text.stdout).to.include(chunk)
  })

  it('explain says a malformed scope is malformed instead of guessing its level', async () => {
    const {code, stdout} = await runCli(['matrix', 'explain', 'Meeting:Read:admin', 'meeting:read:admin'])
    expect(code).to.equal(0)
    expect(stdout).to.match(/^Meeting:Read:admin {2}malformed scope$/m)
    expect(stdout).to.match(/malformed: Malformed scope \(segment 1, "Meeting"\)/)
    expect(stdout).not.to.match(/Meeting:Read:admin {2}\w+-level/)
    expect(stdout).to.match(/^meeting:read:admin {2}admin-level, read$/m)
    const json = JSON.parse((await runCli(['matrix', 'explain', 'Meeting:Read:admin', '--json'])).stdout)
    expect(json.scopes[0]).to.include({wellFormed: false, level: null, action: null, matched: null})
  })

  it('names like __proto__ and constructor are data: clear errors or plain results, never exit 4', async () => {
    const badPrivilege = tmp.write('proto.json', '{"privileges": {"__proto__": {"label": "x"}}, "rules": []}')
    const bad = await runCli(['matrix', 'explain', 'constructor', '--matrix', badPrivilege])
    expect(bad.code, bad.stderr).to.equal(2)
    expect(bad.stderr).to.match(/proto\.json: \/privileges\/__proto__ "__proto__" is not a role privilege/)
    const scopes = tmp.write(
      'scopes.json',
      '{"rules": [{"scope": "constructor", "requires": ["User:Read"]}], "unmapped": {"__proto__": "a reason"}}',
    )
    const ok = await runCli([
      'matrix',
      'explain',
      'constructor',
      '__proto__',
      'to_string',
      '--matrix',
      scopes,
      '--json',
    ])
    expect(ok.code, ok.stderr).to.equal(0)
    const [ctor, proto, toString] = JSON.parse(ok.stdout).scopes
    expect(ctor).to.include({matched: 'constructor'})
    expect(proto).to.include({matched: null, note: 'a reason'})
    expect(toString.note).to.match(/^No rule in the matrix matches this scope/)
  })

  it('validate of many overlapping patterns: one warning per rule, the listing bounded ("and N more")', async () => {
    const rules = Array.from({length: 400}, (_, i) => ({
      scope: i < 200 ? `team${i}:*:item:admin` : `*:verb${i - 200}:item:admin`,
      requires: ['User:Read'],
      sources: ['test'],
    }))
    const file = tmp.write('overlapping.json', {rules})
    const text = await runCli(['matrix', 'validate', file])
    expect(text.code).to.equal(0)
    const lines = text.stdout.trim().split('\n')
    expect(lines.length).to.be.at.most(52)
    expect(lines.at(-1)).to.match(/… and 150 more warnings \(matrix validate --json lists them all\)/)
    expect(text.stdout).to.match(
      /\/rules\/0 "team0:\*:item:admin" overlaps "\*:verb0:item:admin" \(.*\/rules\/200\) .* \(and at least 100 more such patterns\)/,
    )
    const json = JSON.parse((await runCli(['matrix', 'validate', file, '--json'])).stdout)
    // The "team" rules are overlapped by the later "verb" rules, which nothing later overlaps.
    expect(json.files[0].warnings).to.have.length(200)
  })
})
