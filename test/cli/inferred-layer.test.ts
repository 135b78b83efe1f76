// --matrix inferred through the real CLI (bin/run.js): the example account's Phone app goes from unmapped to checked,
// and matrix show / explain / validate name the layer a rule came from.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {EXAMPLE_ACCOUNT} from '../helpers/example-account.js'
import {runCli, runCliJson} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = EXAMPLE_ACCOUNT

interface Report {
  matrix: {version: string; files?: string[]}
  findings: Array<{appId: string; kind: string; scope?: string; missingPrivileges?: string[]}>
  apps: Array<{
    id: string
    scopes: Array<{scope: string; status: string; requiredPrivileges: string[]; missingPrivileges: string[]}>
  }>
}

describe('--matrix inferred (subprocess)', function () {
  this.timeout(60_000)

  it("audit of the example account: Phone Sync's phone:read:admin goes from unmapped-scope to checked (PbxAdmin:Read held)", async () => {
    const {json: before} = await runCliJson<Report>(['audit', ...example, '--json'])
    expect(before.findings.filter((f) => f.appId === 'aPhoneSy06').map((f) => [f.kind, f.scope])).to.deep.equal([
      ['unmapped-scope', 'phone:read:admin'],
    ])

    const withLayer = await runCliJson<Report>(['audit', ...example, '--matrix', 'inferred', '--json'])
    expect(withLayer.stderr).to.not.match(/error/i)
    const after = withLayer.json
    expect(after.findings.filter((f) => f.appId === 'aPhoneSy06')).to.deep.equal([])
    const phone = after.apps.find((app) => app.id === 'aPhoneSy06')
    expect(phone?.scopes).to.deep.include({
      scope: 'phone:read:admin',
      status: 'ok',
      level: 'admin',
      requiredPrivileges: ['PbxAdmin:Read'],
      missingPrivileges: [],
    })
    // Not vacuous: the owner's role in the snapshot really holds a PbxAdmin privilege.
    const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
      roles: Array<{name: string; privileges: string[]}>
    }
    expect(
      snapshot.roles.find((role) => role.name === 'Admin')?.privileges.some((p) => p.startsWith('PbxAdmin:')),
    ).to.equal(true)
    // Everything else stays as it was.
    const others = (r: Report) =>
      r.findings.filter((f) => f.appId !== 'aPhoneSy06').map((f) => [f.appId, f.kind, f.scope])
    expect(others(after)).to.deep.equal(others(before))
    expect(after.matrix.version).to.include('inferred@inferred-')
  })

  it('a Phone scope whose owner lacks PbxAdmin becomes a missing-privilege finding (unmapped without the layer)', async () => {
    const temp = makeTempDir()
    try {
      const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
        apps: Array<{id: string; scopes: string[]}>
      }
      const archiver = snapshot.apps.find((app) => app.id === 'aRecArch01')
      archiver?.scopes.push('phone:write:admin')
      const file = temp.write('snapshot.json', snapshot)
      const args = ['audit', '--snapshot', file, '--inventory', 'examples/inventory.json', '--json']
      const kindOf = (r: Report) =>
        r.findings.filter((f) => f.appId === 'aRecArch01' && f.scope === 'phone:write:admin').map((f) => f.kind)
      expect(kindOf((await runCliJson<Report>(args)).json)).to.deep.equal(['unmapped-scope'])
      const {json: after} = await runCliJson<Report>([...args, '--matrix', 'inferred'])
      expect(kindOf(after)).to.deep.equal(['missing-privilege'])
      expect(
        after.findings.find((f) => f.appId === 'aRecArch01' && f.scope === 'phone:write:admin')?.missingPrivileges,
      ).to.deep.equal(['PbxAdmin:Edit'])
    } finally {
      temp.cleanup()
    }
  })

  it('matrix explain: file "inferred", confidence inferred; --no-builtin-matrix: the layer alone labels its privileges', async () => {
    const {json: result, code} = await runCliJson<{
      scopes: Array<{
        scope: string
        file: string
        confidence: string
        requires: string[]
        labels: Record<string, string>
        satisfiedBy: Array<{name: string}>
      }>
    }>([
      'matrix',
      'explain',
      'phone:write:admin',
      'phone:read:admin',
      '--matrix',
      'inferred',
      '--no-builtin-matrix',
      '--snapshot',
      'examples/snapshot.json',
      '--json',
    ])
    expect(code).to.equal(0)
    const [write, read] = result.scopes
    expect(write).to.deep.include({
      scope: 'phone:write:admin',
      file: 'inferred',
      confidence: 'inferred',
      requires: ['PbxAdmin:Edit'],
    })
    expect(write?.labels['PbxAdmin:Edit']).to.not.equal('PbxAdmin:Edit')
    expect(read).to.deep.include({file: 'inferred', requires: ['PbxAdmin:Read']})
    expect(read?.satisfiedBy.map((r) => r.name)).to.include('Admin')
  })

  it('matrix show names the layer of each rule: "inferred" for the layer, "built-in" for the rest', async () => {
    const {json: shown} = await runCliJson<{
      files: string[]
      rules: Array<{scope: string; file: string; confidence: string}>
    }>(['matrix', 'show', '--matrix', 'inferred', '--json'])
    expect(shown.files).to.deep.equal(['built-in', 'inferred'])
    expect(shown.rules.find((r) => r.scope === 'phone:read:admin')).to.deep.include({
      file: 'inferred',
      confidence: 'inferred',
    })
    expect(shown.rules.find((r) => r.scope === 'user:read:admin')).to.deep.include({file: 'built-in'})
    const text = await runCli(['matrix', 'show', '--matrix', 'inferred'])
    expect(text.stdout).to.match(/^phone:read:admin +PbxAdmin:Read +inferred +inferred *$/m)
  })

  it('matrix show: a scope the built-in lists as unmapped and the layer rules is no longer unmapped (JSON and text)', async () => {
    type Shown = {rules: Array<{scope: string}>; unmapped: Record<string, string>}
    const builtin = await runCliJson<Shown>(['matrix', 'show', '--json'])
    const layered = await runCliJson<Shown>(['matrix', 'show', '--matrix', 'inferred', '--json'])
    expect(builtin.json.unmapped).to.have.property('phone:read:admin')
    expect(layered.json.rules.map((r) => r.scope)).to.include('phone:read:admin')
    expect(layered.json.unmapped).not.to.have.property('phone:read:admin')
    // Fewer listed; none of those left has a rule, and each keeps the reason the built-in gives.
    const ruled = new Set(layered.json.rules.map((r) => r.scope))
    expect(Object.keys(layered.json.unmapped).length).to.be.lessThan(Object.keys(builtin.json.unmapped).length)
    for (const scope of Object.keys(layered.json.unmapped)) expect(ruled.has(scope), scope).to.equal(false)
    for (const scope of Object.keys(layered.json.unmapped))
      expect(layered.json.unmapped[scope]).to.equal(builtin.json.unmapped[scope])
    // The text's count is the JSON's.
    const text = await runCli(['matrix', 'show', '--matrix', 'inferred'])
    expect(text.stdout.split('\n')[0]).to.match(
      new RegExp(
        `: ${layered.json.rules.length} rules, ${Object.keys(layered.json.unmapped).length} known-unmapped scopes\\.$`,
      ),
    )
  })

  it('matrix validate inferred: the shipped layer is valid; a file called "inferred" is reached as ./inferred', async () => {
    const valid = await runCli(['matrix', 'validate', 'inferred'])
    expect(valid.code).to.equal(0)
    expect(valid.stdout).to.match(/^valid +inferred$/m)
    const missing = await runCli(['audit', ...example, '--matrix', './inferred'])
    expect(missing.code).to.equal(2)
    expect(missing.stderr).to.include('./inferred')
  })

  it("README's inferred-layer commands run as shown: the audit lists no Phone Sync finding, explain names the layer", async () => {
    const readme = readFileSync('README.md', 'utf8')
    const block = /### The inferred layer[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n') ?? []
    expect(block).to.have.length(2)
    const [audit, explain] = block.map((line) => line.replace(/^zoom-scope-audit /, '').split(' '))
    const audited = await runCli(audit ?? [])
    expect(audited.code).to.equal(1)
    expect(audited.stdout).to.not.include('Phone Sync (aPhoneSy06)')
    expect(audited.stdout).to.match(/apps without findings: .*Phone Sync/)
    const explained = await runCli(explain ?? [])
    expect(explained.code).to.equal(0)
    expect(explained.stdout)
      .to.match(/^ +file +inferred$/m)
      .and.match(/^ +confidence +inferred$/m)
      .and.match(/requires +PbxAdmin:Read/)
  })

  it('--fail-on-confidence: a finding on an inferred rule fails the run by default, not with manual or documented', async function () {
    this.timeout(240_000)
    const temp = makeTempDir()
    try {
      const snapshot = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
        apps: Array<{id: string; scopes: string[]}>
      }
      const inventory = (scopes: string[]) => {
        const app = snapshot.apps.find((a) => a.id === 'aRecArch01')
        const file = temp.write(`snapshot-${scopes.join('+')}.json`, {...snapshot, apps: [{...app, scopes}]})
        const owners = temp.write('inventory.json', {
          apps: [{id: 'aRecArch01', name: 'Recording Archiver', owner: 'dana.scully@acme.example'}],
        })
        return [
          'audit',
          '--snapshot',
          file,
          '--inventory',
          owners,
          '--matrix',
          'inferred',
          '--fail-on',
          'low',
          '--json',
        ]
      }
      // Dana's role lacks PbxAdmin:Edit (inferred rule), Users: Edit (meeting:write:admin, manual) and
      // Users: Edit again for webinar:write:admin (documented).
      const expectations: Array<[string, Record<string, number>]> = [
        ['phone:write:admin', {inferred: 1, manual: 0, documented: 0}],
        ['meeting:write:admin', {inferred: 1, manual: 1, documented: 0}],
        ['webinar:write:admin', {inferred: 1, manual: 1, documented: 1}],
      ]
      for (const [scope, codes] of expectations) {
        const args = inventory([scope])
        for (const [confidence, code] of Object.entries(codes)) {
          // The default (no flag) is "inferred": every finding counts.
          const run = await runCliJson<Report>(
            confidence === 'inferred' ? args : [...args, '--fail-on-confidence', confidence],
          )
          const report = run.json
          expect(
            report.findings.map((f) => [f.kind, f.scope]),
            scope,
          ).to.deep.equal([['missing-privilege', scope]])
          expect(run.code, `${scope} --fail-on-confidence ${confidence}`).to.equal(code)
        }
      }
      const bad = await runCli([...inventory(['phone:write:admin']), '--fail-on-confidence', 'sure'])
      expect(bad.code).to.equal(2)
    } finally {
      temp.cleanup()
    }
  })
})
