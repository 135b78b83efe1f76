// `roles list|show|suggest` and `matrix explain --snapshot` through bin/run.js on the example account.
import {expect} from 'chai'

import {runCli} from '../helpers/run-cli.js'

const snap = ['--snapshot', 'examples/snapshot.json']
const inv = ['--inventory', 'examples/inventory.json']
const json = async (args: string[]) => {
  const {code, stdout, stderr} = await runCli([...args, '--json'])
  expect(code, stderr).to.equal(0)
  return JSON.parse(stdout)
}

describe('roles commands (subprocess, example account)', function () {
  this.timeout(60_000)

  it('roles list: name, members, privilege count, group-limited count; users of a deleted role', async () => {
    const result = await json(['roles', 'list', ...snap])
    expect(
      result.roles.map(
        (r: {name: string; members: number; activeMembers: number; privileges: number; groupLimited: number}) => [
          r.name,
          r.members,
          r.activeMembers,
          r.privileges,
          r.groupLimited,
        ],
      ),
    ).to.deep.equal([
      ['Admin', 1, 1, 28, 0],
      ['EMEA Admin', 1, 1, 3, 1],
      ['IT Lead', 3, 2, 7, 0],
      ['IT Support', 1, 1, 3, 0],
      ['Member', 2, 1, 0, 0],
      ['Owner', 1, 1, 31, 0],
      ['Security Auditor', 1, 1, 4, 0],
    ])
    expect(result.unknownRoles).to.deep.equal([{roleId: 'RdeletedRole99', members: 1}])
    const table = await runCli(['roles', 'list', ...snap])
    expect(table.stdout).to.match(/^ROLE\s+ID\s+MEMBERS\s+ACTIVE\s+PRIVILEGES\s+GROUP-LIMITED$/m)
    expect(table.stdout).to.match(/^EMEA Admin\s+Re3HfG7jK2lM9nB4vC6xZq\s+1\s+1\s+3\s+1$/m)
    expect(table.stdout).to.include(
      "1 user has role id RdeletedRole99, which is not among the account's roles (deleted?).",
    )
  })

  it('roles show: privileges with portal labels, group-limited ones with their groups, the apps members could own', async () => {
    const result = await json(['roles', 'show', 'emea admin', ...snap, ...inv])
    expect(result.role).to.deep.equal({
      id: 'Re3HfG7jK2lM9nB4vC6xZq',
      name: 'EMEA Admin',
      description: 'Manages EMEA users only',
    })
    expect(result.privileges).to.deep.equal([
      {privilege: 'Group:Read', label: 'Group: View', groups: null},
      {privilege: 'User:Edit', label: 'Users: Edit', groups: ['gEMEA01xYz']},
      {privilege: 'User:Read', label: 'Users: View', groups: null},
    ])
    expect(result.appsFrom).to.equal('inventory')
    expect(result.apps).to.have.length(15)
    const byId = Object.fromEntries(result.apps.map((a: {id: string}) => [a.id, a]))
    expect(byId.aCalHelp09.canOwn).to.equal(true)
    expect(byId.aMtgBot004.canOwn).to.equal(false)
    expect(byId.aMtgBot004.deactivatedScopes[0]).to.deep.equal({
      scope: 'meeting:update:meeting:admin',
      missingPrivileges: ['User:Edit'],
      groupLimited: {'User:Edit': ['gEMEA01xYz']},
    })
    expect(byId.aLegacyS2S).to.include({scopesFrom: 'inventory', canOwn: false})
    expect(byId.aPhoneSy06).to.deep.include({canOwn: true, unmappedScopes: ['phone:read:admin']})

    const table = await runCli(['roles', 'show', 'Re3HfG7jK2lM9nB4vC6xZq', ...snap, ...inv])
    expect(table.code).to.equal(0)
    expect(table.stdout).to.match(/^User:Edit\s+Users: Edit\s+only groups gEMEA01xYz$/m)
    expect(table.stdout).to.include("Which of the inventory's apps its members could own (")
    expect(table.stdout).to.match(
      /Meeting Scheduler Bot\s+aMtgBot004\s+no\s+loses meeting:update:meeting:admin \(Users: Edit only for some groups\)/,
    )
  })

  it("roles show without --inventory: the account's apps; an unknown role → exit 2 listing the roles", async () => {
    const result = await json(['roles', 'show', 'IT Lead', ...snap])
    expect(result.appsFrom).to.equal('account')
    expect(result.apps).to.have.length(15)
    const bad = await runCli(['roles', 'show', 'Janitor', ...snap])
    expect(bad.code).to.equal(2)
    expect(bad.stderr).to.equal(
      'Error: no role "Janitor" in the account (by id or name). Roles: "Admin", "EMEA Admin", "IT Lead", "IT Support", "Member", "Owner", "Security Auditor".\n',
    )
  })

  it('roles suggest --app: the minimal set (account-wide where admin-level) and the covering roles with their excess', async () => {
    const result = await json(['roles', 'suggest', '--app', 'aRecArch01', ...snap])
    expect(result.requires).to.deep.equal([
      {privilege: 'Recording:Read', scopes: ['recording:read:admin'], accountWide: true},
      {privilege: 'User:Edit', scopes: ['meeting:write:admin'], accountWide: true},
      {privilege: 'User:Read', scopes: ['meeting:read:admin'], accountWide: true},
    ])
    expect(result.partial).to.deep.equal([])
    const covering = result.roles.filter((r: {covers: boolean}) => r.covers)
    expect(
      covering.map((r: {name: string; excessPrivileges: string[]}) => [r.name, r.excessPrivileges.length]),
    ).to.deep.equal([
      ['IT Lead', 4],
      ['Admin', 25],
      ['Owner', 28],
    ])
    expect(covering[0].excessPrivileges).to.deep.equal([
      'MobileDeviceManagement:Read',
      'Recording:Edit',
      'Role:Read',
      'UsageReport:Read',
    ])
    expect(result.roles.find((r: {name: string}) => r.name === 'EMEA Admin')).to.deep.include({
      covers: false,
      missingPrivileges: ['Recording:Read', 'User:Edit'],
      groupLimited: {'User:Edit': ['gEMEA01xYz']},
    })
    const table = await runCli(['roles', 'suggest', '--app', 'aRecArch01', ...snap])
    expect(table.stdout).to.match(/^\s+User:Edit\s+Users: Edit\s+account-wide\s+meeting:write:admin$/m)
    expect(table.stdout).to.include(
      'Suggestion: a role with exactly Recording: View, Users: Edit, Users: View — or, with what exists, IT Lead (4 privileges more than needed).',
    )
  })

  it('roles suggest --scopes alone; partial privileges apart, required with --partial', async () => {
    const loose = await json(['roles', 'suggest', '--scopes', 'room:read:admin', ...snap])
    expect(loose.app).to.equal(null)
    expect(loose.requires.map((n: {privilege: string}) => n.privilege)).to.deep.equal(['ZoomRooms:Read'])
    expect(loose.partial.map((n: {privilege: string}) => n.privilege)).to.deep.equal([
      'DigitalSignage:Read',
      'ZRWebController:Edit',
    ])
    expect(loose.roles.filter((r: {covers: boolean}) => r.covers).map((r: {name: string}) => r.name)).to.deep.equal([
      'Admin',
      'Owner',
    ])
    const strict = await json(['roles', 'suggest', '--scopes', 'room:read:admin', '--partial', ...snap])
    expect(strict.includePartial).to.equal(true)
    expect(strict.roles.filter((r: {covers: boolean}) => r.covers)).to.deep.equal([])
  })

  it('roles suggest with neither --app nor --scopes → exit 2', async () => {
    const {code, stderr} = await runCli(['roles', 'suggest', ...snap])
    expect(code).to.equal(2)
    expect(stderr).to.equal(
      'Error: nothing to suggest roles for: neither --app nor --scopes is given. Give the app with --app APP_ID, or its scopes with --scopes.\n',
    )
  })
})

describe('matrix explain with an account (subprocess)', function () {
  this.timeout(60_000)

  it('--snapshot lists the roles that satisfy each mapped scope (group-limited grants do not count for admin-level scopes)', async () => {
    const result = await json([
      'matrix',
      'explain',
      'meeting:write:admin',
      'recording:read:admin',
      'phone:read:admin',
      ...snap,
    ])
    expect(result.account).to.deep.equal({id: 'acme-4f9Kx2', capturedAt: '2026-11-16T07:00:00.000Z'})
    const names = (i: number) => result.scopes[i].satisfiedBy?.map((r: {name: string}) => r.name)
    expect(names(0)).to.deep.equal(['Admin', 'IT Lead', 'Owner'])
    expect(names(1)).to.deep.equal(['Admin', 'IT Lead', 'IT Support', 'Owner'])
    expect(result.scopes[2].satisfiedBy).to.equal(undefined) // unmapped: cannot tell
    const table = await runCli(['matrix', 'explain', 'meeting:write:admin', ...snap])
    expect(table.stdout).to.match(/^\s+roles that hold it\s+Admin, IT Lead, Owner$/m)
  })

  it('without --snapshot or --live: no account, no satisfiedBy (and no credentials needed)', async () => {
    const result = await json(['matrix', 'explain', 'meeting:write:admin'])
    expect(result.account).to.equal(undefined)
    expect(result.scopes[0].satisfiedBy).to.equal(undefined)
  })

  it('--snapshot and --live together → exit 2', async () => {
    const {code, stderr} = await runCli(['matrix', 'explain', 'meeting:write:admin', ...snap, '--live'])
    expect(code).to.equal(2)
    expect(stderr).to.match(/--live=true cannot also be provided when using --snapshot/)
  })
})
