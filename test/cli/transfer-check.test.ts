// `transfer check` through bin/run.js on the example account (examples/snapshot.json, built-in matrix).
import {expect} from 'chai'

import {hasStackTrace, runCli} from '../helpers/run-cli.js'

const snap = ['--snapshot', 'examples/snapshot.json']
const inv = ['--inventory', 'examples/inventory.json']
const check = (app: string, to: string[], ...extra: string[]) =>
  runCli(['transfer', 'check', '--app', app, ...to.flatMap((t) => ['--to', t]), ...snap, ...extra])
const json = async (app: string, to: string[], ...extra: string[]) => {
  const {code, stdout, stderr} = await check(app, to, ...extra, '--json')
  return {code, stderr, result: JSON.parse(stdout)}
}

describe('transfer check (subprocess, example account)', function () {
  this.timeout(60_000)

  it('an eligible candidate: exit 0, the JSON contract', async () => {
    const {code, result} = await json('aRecArch01', ['marco.rossi@acme.example'])
    expect(code).to.equal(0)
    expect(result.app).to.deep.equal({
      id: 'aRecArch01',
      name: 'Recording Archiver',
      scopes: ['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'],
      scopesFrom: 'account',
      mustKeep: [],
    })
    expect(result.candidates).to.deep.equal([
      {
        ref: 'marco.rossi@acme.example',
        user: {
          id: 'uMarco0004',
          email: 'marco.rossi@acme.example',
          name: 'Marco Rossi',
          status: 'active',
          roleId: 'Rk2P9sW4TfqY3mB7cD5eHg',
          roleName: 'IT Lead',
        },
        eligible: true,
        reasonCode: null,
        reason: null,
        keptScopes: ['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'],
        partialScopes: [],
        deactivatedScopes: [],
        unmappedScopes: [],
        labels: {},
      },
    ])
    expect(result).to.include({currentOwner: null, allEligible: true, strict: false})
  })

  it('an ineligible candidate: exit 1 (a gate), the scopes lost with missingPrivileges as strings and labels apart', async () => {
    const {code, result} = await json('aRecArch01', ['bob.martin@acme.example'])
    expect(code).to.equal(1)
    const [bob] = result.candidates
    expect(bob).to.deep.include({eligible: false, reasonCode: 'missing-privileges', keptScopes: []})
    expect(bob.deactivatedScopes).to.deep.equal([
      {scope: 'meeting:read:admin', missingPrivileges: ['User:Read'], groupLimited: {}},
      {scope: 'meeting:write:admin', missingPrivileges: ['User:Edit'], groupLimited: {}},
      {scope: 'recording:read:admin', missingPrivileges: ['Recording:Read'], groupLimited: {}},
    ])
    expect(bob.labels).to.deep.equal({
      'Recording:Read': 'Recording: View',
      'User:Edit': 'Users: Edit',
      'User:Read': 'Users: View',
    })
    expect(bob.reason).to.equal(
      "Bob Martin's role Member lacks Recording: View, Users: Edit and Users: View: Zoom would deactivate 3 scopes (meeting:read:admin, meeting:write:admin, recording:read:admin).",
    )
  })

  it('one ineligible among eligible candidates → exit 1; all eligible → exit 0', async () => {
    expect((await check('aRecArch01', ['marco.rossi@acme.example', 'bob.martin@acme.example'])).code).to.equal(1)
    expect(
      (await check('aRecArch01', ['marco.rossi@acme.example', 'kim.it@acme.example', 'priya.nair@acme.example'])).code,
    ).to.equal(0)
  })

  it('USER by Zoom user id or by email in any case', async () => {
    const {code, result} = await json('aRecArch01', ['uMarco0004', 'KIM.IT@Acme.Example'])
    expect(code).to.equal(0)
    expect(result.candidates.map((c: {user: {email: string}}) => c.user.email)).to.deep.equal([
      'marco.rossi@acme.example',
      'kim.it@acme.example',
    ])
  })

  it('a group-limited privilege does not keep an admin-level scope: reason group-limited, the groups named', async () => {
    const {code, result} = await json('aMtgBot004', ['lena.fischer@acme.example'])
    expect(code).to.equal(1)
    const [lena] = result.candidates
    expect(lena.reasonCode).to.equal('group-limited')
    expect(lena.keptScopes).to.deep.equal(['meeting:read:meeting:admin'])
    expect(lena.deactivatedScopes).to.deep.equal([
      {
        scope: 'meeting:update:meeting:admin',
        missingPrivileges: ['User:Edit'],
        groupLimited: {'User:Edit': ['gEMEA01xYz']},
      },
      {
        scope: 'meeting:write:meeting:admin',
        missingPrivileges: ['User:Edit'],
        groupLimited: {'User:Edit': ['gEMEA01xYz']},
      },
    ])
    expect(lena.reason).to.match(
      /EMEA Admin holds Users: Edit only for some groups; the app's admin-level scopes need it account-wide/,
    )
  })

  it('inactive, pending, unknown and role-unknown candidates: ineligible with the reason, exit 1', async () => {
    const {code, result} = await json('aRecArch01', [
      'jo.former@acme.example',
      'new.hire@acme.example',
      'nobody@acme.example',
      'ops.bot@acme.example',
    ])
    expect(code).to.equal(1)
    const reasons = result.candidates.map(
      (c: {ref: string; eligible: boolean; reasonCode: string; reason: string; user: {status: string | null}}) => [
        c.ref,
        c.eligible,
        c.reasonCode,
        c.user.status,
      ],
    )
    expect(reasons).to.deep.equal([
      ['jo.former@acme.example', false, 'inactive', 'inactive'],
      ['new.hire@acme.example', false, 'pending', 'pending'],
      ['nobody@acme.example', false, 'not-found', null],
      ['ops.bot@acme.example', false, 'role-unknown', 'active'],
    ])
    // Jo's role (IT Lead) would keep everything: only the status refuses her.
    expect(result.candidates[0].keptScopes).to.have.length(3)
    expect(result.candidates[1].user.id).to.equal(null)
    expect(result.candidates[2].reason).to.equal(
      'No user "nobody@acme.example" in the account (by email or Zoom user id).',
    )
  })

  it('unmapped scopes: "cannot tell", eligible without --strict (exit 0), ineligible with it (exit 1)', async () => {
    const lenient = await json('aPhoneSy06', ['bob.martin@acme.example'])
    expect(lenient.code).to.equal(0)
    expect(lenient.result.candidates[0]).to.deep.include({
      eligible: true,
      unmappedScopes: ['phone:read:admin'],
      keptScopes: [],
    })
    const strict = await json('aPhoneSy06', ['bob.martin@acme.example'], '--strict')
    expect(strict.code).to.equal(1)
    expect(strict.result.candidates[0]).to.include({eligible: false, reasonCode: 'unmapped-strict'})
    expect(strict.result.strict).to.equal(true)
  })

  it("--inventory: the current owner's outcome beside the candidates, mustKeep scopes marked (the owner does not gate)", async () => {
    const {code, result} = await json('aRecArch01', ['marco.rossi@acme.example'], ...inv)
    expect(code).to.equal(0)
    expect(result.app.mustKeep).to.deep.equal(['meeting:read:admin', 'recording:read:admin'])
    expect(result.currentOwner).to.deep.include({
      ref: 'dana.scully@acme.example',
      eligible: false,
      reasonCode: 'missing-privileges',
    })
    expect(result.currentOwner.deactivatedScopes.map((s: {scope: string}) => s.scope)).to.deep.equal([
      'meeting:write:admin',
    ])

    const table = await check('aRecArch01', ['marco.rossi@acme.example', 'lena.fischer@acme.example'], ...inv)
    expect(table.code).to.equal(1)
    // A block per person: the verdict, why, then each scope's outcome (mustKeep marked).
    const blocks = table.stdout.trimEnd().split('\n\n')
    expect(blocks[0]).to.equal('Recording Archiver (aRecArch01): 3 scopes')
    const dana = blocks[1]!.split('\n')
    expect(dana[0]).to.equal('NOT eligible (current owner): dana.scully@acme.example (Dana Scully, IT Support)')
    expect(dana.at(-4)).to.match(/^ {2}SCOPE\s+MUST KEEP\s+OUTCOME$/)
    expect(dana.at(-3)).to.match(/^ {2}meeting:read:admin\s+yes\s+kept$/)
    expect(dana.at(-2)).to.match(/^ {2}meeting:write:admin\s+LOST: needs Users: Edit$/)
    expect(dana.at(-1)).to.match(/^ {2}recording:read:admin\s+yes\s+kept$/)
    expect(blocks[2]!.split('\n').slice(0, 2)).to.deep.equal([
      'eligible: marco.rossi@acme.example (Marco Rossi, IT Lead)',
      '  Keeps all 3 mapped scopes.',
    ])
    const lena = blocks[3]!.split('\n')
    expect(lena[0]).to.equal('NOT eligible: lena.fischer@acme.example (Lena Fischer, EMEA Admin)')
    expect(lena.at(-2)).to.match(/^ {2}meeting:write:admin\s+LOST: Users: Edit only for some groups$/)
    expect(lena.at(-1)).to.match(/^ {2}recording:read:admin\s+yes\s+LOST: needs Recording: View$/)
    expect(table.stdout.trimEnd().split('\n').at(-1)).to.equal('1 of 2 candidates eligible.')
  })

  it("an app the account does not show: the inventory's scopes, or --scopes; neither → exit 2 saying so", async () => {
    const fromInventory = await json('aLegacyS2S', ['kim.it@acme.example'], ...inv)
    expect(fromInventory.code).to.equal(0)
    expect(fromInventory.result.app).to.deep.include({
      name: 'Legacy S2S Exporter',
      scopesFrom: 'inventory',
      scopes: ['meeting:read:admin', 'recording:read:admin'],
    })
    const fromFlag = await json('aNotHere01', ['bob.martin@acme.example'], '--scopes', 'meeting:read,user:read')
    expect(fromFlag.code).to.equal(0)
    expect(fromFlag.result.app).to.deep.include({scopesFrom: 'flag', scopes: ['meeting:read', 'user:read']})

    const none = await check('aNotHere01', ['bob.martin@acme.example'])
    expect(none.code).to.equal(2)
    expect(none.stderr).to.equal(
      'Error: the snapshot examples/snapshot.json has no app "aNotHere01". Check the id, or give the app\'s scopes with --scopes (or in the inventory\'s "scopes").\n',
    )
    expect(hasStackTrace(none.stderr)).to.equal(false)
    const noneJson = await check('aNotHere01', ['bob.martin@acme.example'], '--json')
    expect(noneJson.code).to.equal(2)
    expect(JSON.parse(noneJson.stdout).error).to.include({code: 'app_not_found', appId: 'aNotHere01', exitCode: 2})
  })

  it('--scopes for an app the account shows is ignored, with a note on stderr', async () => {
    const {code, result, stderr} = await json('aRecArch01', ['marco.rossi@acme.example'], '--scopes', 'user:read')
    expect(code).to.equal(0)
    expect(result.app.scopesFrom).to.equal('account')
    expect(stderr).to.equal("Note: --scopes ignored: the account shows Recording Archiver's own scopes.\n")
  })

  it('usage errors exit 2: no --to, no --app', async () => {
    const noTo = await runCli(['transfer', 'check', '--app', 'aRecArch01', ...snap])
    expect(noTo.code).to.equal(2)
    expect(noTo.stderr).to.match(/--to is required/)
    expect((await runCli(['transfer', 'check', '--to', 'x@y', ...snap])).code).to.equal(2)
  })

  it('--help lists the exit codes', async () => {
    const {code, stdout} = await runCli(['transfer', 'check', '--help'])
    expect(code).to.equal(0)
    expect(stdout).to.include('EXIT CODES').and.include('1  A candidate would lose a scope')
  })
})
