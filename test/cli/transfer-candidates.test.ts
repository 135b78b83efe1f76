// `transfer candidates` through bin/run.js on the example account (examples/snapshot.json, built-in matrix).
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {nobodyQualifiesLayer} from '../fixtures/nobody-qualifies-layer.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const snap = ['--snapshot', 'examples/snapshot.json']
const candidates = (app: string, ...extra: string[]) =>
  runCli(['transfer', 'candidates', '--app', app, ...snap, ...extra])
const json = async (app: string, ...extra: string[]) => {
  const {code, stdout, stderr} = await runCli([
    'transfer',
    'candidates',
    '--app',
    app,
    ...(extra.includes('--snapshot') ? [] : snap),
    ...extra,
    '--json',
  ])
  expect(code, stderr).to.equal(0)
  return JSON.parse(stdout)
}
type Ranked = {user: {email: string; roleName: string}; excessPrivileges: number}
const rows = (result: {candidates: Ranked[]}) =>
  result.candidates.map((c) => [c.user.email, c.user.roleName, c.excessPrivileges])

describe('transfer candidates (subprocess, example account)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('active users whose role keeps every scope, least privilege first, ties by email; the JSON contract', async () => {
    const result = await json('aRecArch01')
    expect(rows(result)).to.deep.equal([
      ['kim.it@acme.example', 'IT Lead', 4],
      ['marco.rossi@acme.example', 'IT Lead', 4],
      ['priya.nair@acme.example', 'Admin', 25],
      ['ann.lee@acme.example', 'Owner', 28],
    ])
    expect(result.candidates[1]).to.deep.equal({
      user: {
        id: 'uMarco0004',
        email: 'marco.rossi@acme.example',
        name: 'Marco Rossi',
        roleId: 'Rk2P9sW4TfqY3mB7cD5eHg',
        roleName: 'IT Lead',
      },
      excessPrivileges: 4,
      currentOwner: false,
    })
    expect(result.app).to.deep.equal({
      id: 'aRecArch01',
      name: 'Recording Archiver',
      scopes: ['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'],
      scopesFrom: 'account',
      mustKeep: [],
    })
    expect(result).to.deep.include({
      total: 4,
      explanation: null,
      requiredPrivileges: ['Recording:Read', 'User:Edit', 'User:Read'],
      unmappedScopes: [],
    })
    // Jo Former (IT Lead, inactive) is not a candidate.
    expect(JSON.stringify(result)).not.to.include('jo.former')
  })

  it('a group-limited privilege does not cover an admin-level scope: the EMEA Admin is left out', async () => {
    const result = await json('aMtgBot004')
    expect(result.candidates.map((c: Ranked) => c.user.email)).to.deep.equal([
      'kim.it@acme.example',
      'marco.rossi@acme.example',
      'priya.nair@acme.example',
      'ann.lee@acme.example',
    ])
  })

  it('user-level scopes need no privilege: every active user with a known role, Member first (no excess)', async () => {
    const result = await json('aCalHelp09')
    expect(rows(result)[0]).to.deep.equal(['bob.martin@acme.example', 'Member', 0])
    expect(result.candidates.map((c: Ranked) => c.user.email)).not.to.include.members([
      'ops.bot@acme.example',
      'new.hire@acme.example',
      'jo.former@acme.example',
    ])
    expect(result.total).to.equal(8)
  })

  it('unmapped scopes are listed and held against nobody', async () => {
    const result = await json('aPhoneSy06')
    expect(result.unmappedScopes).to.deep.equal(['phone:read:admin'])
    expect(result.total).to.equal(8)
  })

  it('--limit in JSON; the table stops at 20 by default and says how many more', async () => {
    const limited = await json('aRecArch01', '--limit', '2')
    expect(rows(limited).map((r) => r[0])).to.deep.equal(['kim.it@acme.example', 'marco.rossi@acme.example'])
    expect(limited.total).to.equal(4)

    const many = structuredClone(example)
    for (let i = 0; i < 30; i++)
      many.users.push({
        id: `uLead${i}`,
        email: `lead${String(i).padStart(2, '0')}@acme.example`,
        status: 'active',
        roleId: 'Rk2P9sW4TfqY3mB7cD5eHg',
      })
    const file = tmp.write('many.json', many)
    const all = await json('aRecArch01', '--snapshot', file)
    expect(all.candidates).to.have.length(34)
    const table = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', '--snapshot', file])
    expect(table.code).to.equal(0)
    expect(table.stdout.split('\n').filter((l) => /@acme\.example/.test(l))).to.have.length(20)
    expect(table.stdout).to.include(
      '34 active users qualify; showing the first 20 (--limit N for more, --limit 0 for all).',
    )
    const everyone = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', '--snapshot', file, '--limit', '0'])
    expect(everyone.stdout.split('\n').filter((l) => /@acme\.example/.test(l))).to.have.length(34)
  })

  it('the table: what the app needs in portal words, one row per candidate, current owner marked with --inventory', async () => {
    const {code, stdout} = await candidates('aHRSync002', '--inventory', 'examples/inventory.json')
    expect(code).to.equal(0)
    expect(stdout).to.include('Needs: Users: Edit (User:Edit), Users: View (User:Read)')
    expect(stdout).to.match(/^EMAIL\s+NAME\s+ROLE\s+EXCESS PRIVILEGES$/m)
    expect(stdout).to.match(/^marco\.rossi@acme\.example \(current owner\)\s+Marco Rossi\s+IT Lead\s+5$/m)
    expect(stdout).to.include('4 active users qualify.')
  })

  it("scopes of an app the account does not show: the inventory's or --scopes; neither → exit 2", async () => {
    const fromInventory = await json('aLegacyS2S', '--inventory', 'examples/inventory.json')
    expect(fromInventory.app).to.deep.include({scopesFrom: 'inventory', name: 'Legacy S2S Exporter'})
    expect(fromInventory.total).to.equal(5) // IT Support (Dana) keeps read-only scopes too
    const fromFlag = await json('aNotHere01', '--scopes', 'recording:read:admin')
    expect(fromFlag.app.scopesFrom).to.equal('flag')
    const none = await candidates('aNotHere01')
    expect(none.code).to.equal(2)
    expect(none.stderr).to.match(/^Error: the snapshot examples\/snapshot\.json has no app "aNotHere01"/)
  })

  describe('nobody qualifies: exit 0, an empty list, and why', () => {
    const layer = nobodyQualifiesLayer
    // Without the Owner and the Admin active, no active role holds both Group:Read and Recording:Edit.
    const noAdmins = structuredClone(example)
    for (const u of noAdmins.users)
      if (['ann.lee@acme.example', 'priya.nair@acme.example'].includes(u.email)) u.status = 'inactive'

    it('no single role combines the required privileges: the closest roles and what they lack', async () => {
      const args = [
        '--snapshot',
        tmp.write('no-admins.json', noAdmins),
        '--matrix',
        tmp.write('layer.json', layer),
        '--scopes',
        'combo:read:admin',
      ]
      const result = await json('aCombo', ...args)
      expect(result.candidates).to.deep.equal([])
      expect(result.total).to.equal(0)
      const x = result.explanation
      expect(x.heldByNoActiveUser).to.deep.equal([])
      expect(x.required.map((r: {privilege: string; heldBy: string[]}) => [r.privilege, r.heldBy])).to.deep.equal([
        ['Group:Read', ['EMEA Admin', 'IT Support']],
        ['Recording:Edit', ['IT Lead']],
      ])
      expect(
        x.closestRoles
          .slice(0, 2)
          .map((r: {name: string; activeMembers: number; missingPrivileges: string[]}) => [
            r.name,
            r.activeMembers,
            r.missingPrivileges,
          ]),
      ).to.deep.equal([
        ['Admin', 0, []],
        ['Owner', 0, []],
      ])
      expect(x.message).to.match(
        /^Every required privilege is held by some active user, but no active user's role combines Group: View, Recording: Edit\. The role Admin would keep every scope of aCombo but has no active member/,
      )

      const table = await runCli(['transfer', 'candidates', '--app', 'aCombo', ...args])
      expect(table.code).to.equal(0)
      expect(table.stdout).to.include('Nobody qualifies.').and.include(x.message)
      expect(table.stdout).to.match(/^Recording:Edit\s+Recording: Edit\s+IT Lead$/m)
    })

    it('a privilege no active user holds is named', async () => {
      const result = await json('aSecret', '--matrix', tmp.write('layer2.json', layer), '--scopes', 'secret:read:admin')
      expect(result.explanation.heldByNoActiveUser).to.deep.equal(['Secret:Read'])
      expect(result.explanation.message).to.match(/^No active user's role holds Secrets: View account-wide/)
    })
  })
})
