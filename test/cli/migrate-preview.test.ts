// `migrate preview` through bin/run.js on the example account (examples/, built-in matrix, shipped map).
import {expect} from 'chai'

import {hasStackTrace, runCli} from '../helpers/run-cli.js'

const snap = ['--snapshot', 'examples/snapshot.json']
const inv = ['--inventory', 'examples/inventory.json']
const preview = (...args: string[]) => runCli(['migrate', 'preview', ...args])
const json = async (...args: string[]) => {
  const {code, stdout, stderr} = await preview(...args, '--json')
  return {code, stderr, result: JSON.parse(stdout)}
}

describe('migrate preview (subprocess, example account)', function () {
  this.timeout(60_000)

  it('--scopes alone: no account, no owner, no delta; each granular scope with requires and operations; exit 0', async () => {
    const {code, result} = await json('--scopes', 'recording:read:admin', 'meeting:read:meeting:admin')
    expect(code).to.equal(0)
    expect(result).to.not.have.any.keys('app', 'owner', 'delta', 'wouldDeactivate')
    expect(result.scopes).to.have.length(1)
    expect(result.scopes[0].classic).to.equal('recording:read:admin')
    expect(result.scopes[0].granular.map((g: {scope: string}) => g.scope)).to.include(
      'archiving:read:list_archived_files:admin',
    )
    expect(
      result.scopes[0].granular.find((g: {scope: string}) => g.scope === 'archiving:read:list_archived_files:admin'),
    ).to.deep.equal({
      scope: 'archiving:read:list_archived_files:admin',
      requires: ['Recording:Read'],
      operations: ['GET /archive_files'],
      mapped: true,
    })
    expect(result.alreadyGranular).to.deep.equal(['meeting:read:meeting:admin'])
    expect(result.granularSet).to.include('meeting:read:meeting:admin')
    expect(result.tokenNote).to.match(/new access tokens carry the granular scope values/)
    expect(result.events).to.match(/no scopes for events/)
  })

  it('an owner who cannot hold some granular scopes: delta, wouldDeactivate, exit 1; --format json is the same document', async () => {
    const {code, result} = await json('--app', 'aRecArch01', ...snap, ...inv)
    expect(code).to.equal(1)
    expect(result.app).to.deep.equal({id: 'aRecArch01', name: 'Recording Archiver', scopesFrom: 'account'})
    expect(result.owner).to.deep.include({
      ref: 'dana.scully@acme.example',
      problem: null,
      lostToday: ['meeting:write:admin'],
    })
    expect(result.owner.user).to.include({email: 'dana.scully@acme.example', roleName: 'IT Support'})
    expect(result.scopes.map((s: {classic: string}) => s.classic)).to.deep.equal([
      'meeting:read:admin',
      'meeting:write:admin',
      'recording:read:admin',
    ])
    expect(result.delta).to.deep.equal({
      lacking: [
        {
          privilege: 'User:Edit',
          label: 'Users: Edit',
          scopes: result.wouldDeactivate.map((s: {scope: string}) => s.scope),
        },
      ],
      noLongerNeeded: [],
    })
    expect(result.wouldDeactivate).to.deep.include({
      scope: 'meeting:write:meeting:admin',
      missingPrivileges: ['User:Edit'],
      groupLimited: {},
    })
    expect(
      result.wouldDeactivate.every((s: {scope: string}) => /^meeting:(write|update|delete):/.test(s.scope)),
    ).to.equal(true)

    const formatted = await preview('--app', 'aRecArch01', ...snap, ...inv, '--format', 'json')
    expect(formatted.code).to.equal(1)
    expect(JSON.parse(formatted.stdout)).to.deep.equal(result)
  })

  it('table: one row per granular scope, the OWNER column, what the granular set needs with portal labels', async () => {
    const {code, stdout, stderr} = await preview('--app', 'aRecArch01', ...snap, ...inv)
    expect(code).to.equal(1)
    expect(stderr).to.equal('')
    const lines = stdout.split('\n')
    expect(lines[0]).to.equal('Recording Archiver (aRecArch01): 3 classic scopes → 49 granular scopes')
    expect(lines[2]).to.match(/^CLASSIC +GRANULAR +REQUIRES +OPERATIONS +OWNER$/)
    expect(stdout).to.match(
      /^meeting:write:admin +meeting:delete:live_meeting_chat_message:admin +User:Edit +1 +LOST: needs Users: Edit$/m,
    )
    expect(stdout).to.match(/^ +meeting:read:meeting:admin +User:Read +1 +kept$/m)
    expect(stdout).to.include(
      'The granular scopes need:\n  Recording: View (Recording:Read)\n  Users: Edit (User:Edit)\n  Users: View (User:Read)\n',
    )
    expect(stdout).to.include(
      'dana.scully@acme.example (Dana Scully, IT Support) lacks Users: Edit (User:Edit): Zoom would deactivate 25 granular scopes after the migration.',
    )
    expect(stdout).to.include('Already today the owner cannot hold meeting:write:admin.')
  })

  it('markdown: a heading, a table with the owner column, the same sentences', async () => {
    const {code, stdout} = await preview('--app', 'aRecArch01', ...snap, ...inv, '--format', 'markdown')
    expect(code).to.equal(1)
    expect(
      stdout.startsWith(
        '# Migrating to granular scopes\n\n**Recording Archiver (aRecArch01): 3 classic scopes → 49 granular scopes**\n',
      ),
    ).to.equal(true)
    expect(stdout).to.include('| Classic | Granular | Requires | Operations | Owner |\n|---|---|---|---|---|\n')
    expect(stdout).to.include(
      '| `meeting:write:admin` | `meeting:write:meeting:admin` | `User:Edit` | 1 | **lost**: needs Users: Edit |',
    )
    expect(stdout).to.include(
      '## Owner\n\n- dana.scully@acme.example (Dana Scully, IT Support) lacks Users: Edit (User:Edit)',
    )
  })

  it('privileges the granular scopes need that no classic scope required: candidates to drop or make optional', async () => {
    const {code, result} = await json('--app', 'aRoomDash3', ...snap, ...inv)
    expect(code).to.equal(1)
    expect(result.newlyRequired).to.deep.equal(['DashboardHome:Read', 'DigitalSignage:Read', 'ZRWebController:Edit'])
    expect(result.dropCandidates).to.deep.include({
      scope: 'zoom_rooms:read:virtual_controller:admin',
      privileges: ['ZRWebController:Edit'],
      operations: ['GET /rooms/{roomId}/virtual_controller'],
    })
    for (const candidate of result.dropCandidates) expect(result.newlyRequired).to.include.members(candidate.privileges)
  })

  it('an owner who cannot be checked (deleted role), no owner known, nothing to migrate: exit 0', async () => {
    const opsBot = await json('--app', 'aOpsBot012', ...snap, ...inv)
    expect(opsBot.code).to.equal(0)
    expect(opsBot.result.owner.problem).to.equal(
      "Ops Bot's role (id RdeletedRole99) is not among the account's roles: cannot tell what the owner could hold.",
    )
    expect(opsBot.result).to.not.have.any.keys('delta', 'wouldDeactivate')

    const noInventory = await preview('--app', 'aRecArch01', ...snap)
    expect(noInventory.code).to.equal(0)
    expect(noInventory.stdout).to.include(
      "No owner known: give --inventory with the app's owner to check what they could hold.",
    )
    expect(noInventory.stdout.split('\n')[2]).to.match(/^CLASSIC +GRANULAR +REQUIRES +OPERATIONS$/)

    const granular = await json('--app', 'aHRSync002', ...snap, ...inv)
    expect(granular.code).to.equal(0)
    expect(granular.result.scopes).to.deep.equal([])
    expect(granular.result.alreadyGranular).to.deep.equal([
      'user:read:list_users:admin',
      'user:read:user:admin',
      'user:update:user:admin',
    ])
    expect(granular.result).to.not.have.any.keys('owner', 'delta', 'wouldDeactivate')
  })

  it("a classic scope Zoom's data does not list: said so, not guessed", async () => {
    const {code, stdout} = await preview('--scopes', 'widget:read:admin')
    expect(code).to.equal(0)
    expect(stdout).to.match(/^widget:read:admin +\(not in Zoom's data\)$/m)
    expect(stdout).to.include(
      "Zoom's operation data does not list widget:read:admin: what Zoom would assign for it cannot be told.",
    )
  })

  const badInput: Array<[string, string[], RegExp]> = [
    [
      'neither --app nor --scopes',
      [],
      /neither --app nor --scopes is given\. Give the app with --app APP_ID, or scopes with --scopes\./,
    ],
    ['--snapshot without --app', ['--scopes', 'meeting:read:admin', ...snap], /--snapshot needs --app/],
    ['--inventory without --app', ['--scopes', 'meeting:read:admin', ...inv], /--inventory needs --app/],
    [
      'an app the snapshot does not have',
      ['--app', 'aNoSuchApp', ...snap],
      /the snapshot examples\/snapshot\.json has no app "aNoSuchApp"/,
    ],
    [
      'an unknown format',
      ['--scopes', 'meeting:read:admin', '--format', 'csv'],
      /--format csv is not one of table, markdown, json/,
    ],
  ]
  for (const [name, args, message] of badInput) {
    it(`bad input (${name}): exit 2, one sentence, no stack trace`, async () => {
      const {code, stdout, stderr} = await preview(...args)
      expect(code).to.equal(2)
      expect(stdout).to.equal('')
      expect(stderr).to.match(message)
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }
})
