import {expect} from 'chai'

import {InputError} from '../../src/errors.js'
import {scopeNeeds} from '../../src/ownership/coverage.js'
import {findRole} from '../../src/roles/find-role.js'
import {rolesHoldingScope} from '../../src/ownership/holding.js'
import {listRoles} from '../../src/roles/list.js'
import {showRole} from '../../src/roles/show.js'
import {suggestRoles} from '../../src/roles/suggest.js'
import {ARCHIVER, account, role, ROLES, testMatrix, user} from '../transfer/support.js'

const matrix = testMatrix()
const snapshot = account(
  [
    user('a@x', 'r-recorder'),
    user('b@x', 'r-recorder', 'inactive'),
    user('c@x', 'r-recorder', 'pending'),
    user('d@x', 'r-emea'),
    user('e@x', 'r-gone'),
  ],
  undefined,
  [
    ARCHIVER,
    {
      id: 'aCal',
      name: 'Calendar',
      type: 'GeneralApp',
      status: 'PUBLISHED',
      scopes: ['meeting:read', 'phone:read:admin'],
    },
  ],
)

describe('roles (pure)', () => {
  it('list: members (any status) and active ones, privilege and group-limited counts, sorted by name; unknown role ids', () => {
    const result = listRoles(snapshot)
    expect(result.roles.map((r) => r.name)).to.deep.equal([
      'Admin',
      'Editor',
      'EMEA Editor',
      'Member',
      'Reader',
      'Recorder',
      'Recorder Plus',
    ])
    expect(result.roles.find((r) => r.id === 'r-recorder')).to.deep.equal({
      id: 'r-recorder',
      name: 'Recorder',
      description: null,
      members: 3,
      activeMembers: 1,
      privileges: 3,
      groupLimited: 0,
    })
    expect(result.roles.find((r) => r.id === 'r-emea')).to.include({members: 1, groupLimited: 1})
    expect(result.unknownRoles).to.deep.equal([{roleId: 'r-gone', members: 1}])
  })

  it('find a role by id, or by name in any case; ambiguous or unknown → InputError', () => {
    expect(findRole(snapshot, 'r-emea').name).to.equal('EMEA Editor')
    expect(findRole(snapshot, ' emea editor ').id).to.equal('r-emea')
    const twins = account([], [role('r1', 'Ops', []), role('r2', 'ops', [])])
    expect(() => findRole(twins, 'OPS')).to.throw(InputError, /^2 roles are named "OPS" \(ids r1, r2\)\.$/)
    expect(() => findRole(snapshot, 'Nope')).to.throw(InputError, /no role "Nope" in the account.*"Admin", "Editor"/)
  })

  it('show: privileges with labels and group limits, what implies adds, which apps members could own', () => {
    const result = showRole(snapshot, matrix, 'EMEA Editor')
    expect(result.role).to.deep.equal({id: 'r-emea', name: 'EMEA Editor', description: null})
    expect(result.privileges).to.deep.equal([
      {privilege: 'Recording:Read', label: 'Recordings: View', groups: null},
      {privilege: 'User:Edit', label: 'Users: Edit', groups: ['g-emea']},
      {privilege: 'User:Read', label: 'Users: View', groups: null},
    ])
    expect(result.appsFrom).to.equal('account')
    const byId = Object.fromEntries(result.apps.map((a) => [a.id, a]))
    expect(byId.aArch).to.deep.include({canOwn: false, keptScopes: ['meeting:read:admin', 'recording:read:admin']})
    expect(byId.aArch!.deactivatedScopes).to.deep.equal([
      {scope: 'meeting:write:admin', missingPrivileges: ['User:Edit'], groupLimited: {'User:Edit': ['g-emea']}},
    ])
    expect(byId.aCal).to.deep.include({canOwn: true, unmappedScopes: ['phone:read:admin']})
    expect(showRole(snapshot, matrix, 'r-recplus').implied).to.deep.equal([])
    expect(showRole(account([], [role('x', 'X', ['User:Edit'])]), matrix, 'X').implied).to.deep.equal([
      {privilege: 'User:Read', label: 'Users: View'},
    ])
  })

  it("show with an inventory: the inventory's apps; scopes from the account, else the inventory, else cannot tell", () => {
    const inventory = {
      apps: [
        {id: 'aArch', owner: 'a@x'},
        {id: 'aOld', owner: 'a@x', name: 'Old S2S', scopes: ['recording:read:admin']},
        {id: 'aBare', owner: ''},
      ],
    }
    const result = showRole(snapshot, matrix, 'Recorder', inventory)
    expect(result.appsFrom).to.equal('inventory')
    expect(result.apps.map((a) => [a.id, a.scopesFrom, a.canOwn])).to.deep.equal([
      ['aBare', null, null],
      ['aArch', 'account', true],
      ['aOld', 'inventory', true],
    ])
  })

  it('scope needs: requires and partial apart, account-wide for admin-level scopes only', () => {
    const rule = {
      version: 'x',
      rules: [{scope: 'user:read', requires: ['User:Read'], confidence: 'manual' as const, sources: ['t']}],
    }
    const needs = scopeNeeds(testMatrix(rule), [
      'user:read',
      'user:read:admin',
      'recording:read:admin',
      'phone:read:admin',
      ' user:read ',
    ])
    expect(needs.unmapped).to.deep.equal(['phone:read:admin'])
    expect(needs.requires).to.deep.equal([
      {privilege: 'Recording:Read', scopes: ['recording:read:admin'], accountWide: true},
      {privilege: 'User:Read', scopes: ['user:read', 'user:read:admin'], accountWide: true},
    ])
    expect(needs.partial).to.deep.equal([
      {privilege: 'MobileDeviceManagement:Read', scopes: ['user:read:admin'], accountWide: true},
    ])
    expect(scopeNeeds(testMatrix(rule), ['user:read']).requires[0]!.accountWide).to.equal(false)
  })

  it('suggest: the minimal set, covering roles least excess first, then the closest; --partial tightens', () => {
    const result = suggestRoles(snapshot, matrix, {
      app: null,
      scopes: ['meeting:read:admin', 'recording:read:admin', 'user:read:admin'],
    })
    expect(result.requires.map((n) => n.privilege)).to.deep.equal(['Recording:Read', 'User:Read'])
    expect(result.partial.map((n) => n.privilege)).to.deep.equal(['MobileDeviceManagement:Read'])
    expect(result.roles.filter((r) => r.covers).map((r) => [r.name, r.excessPrivileges])).to.deep.equal([
      ['EMEA Editor', ['User:Edit']],
      ['Recorder', ['User:Edit']],
      ['Recorder Plus', ['Recording:Edit', 'Role:Read', 'User:Edit']],
      ['Admin', ['Group:Read', 'Recording:Edit', 'Role:Read', 'UsageReport:Read', 'User:Edit']],
    ])
    expect(result.roles.find((r) => !r.covers)).to.deep.include({
      name: 'Reader',
      missingPrivileges: ['Recording:Read'],
      excessPrivileges: [],
    })
    const strict = suggestRoles(
      snapshot,
      matrix,
      {app: null, scopes: ['meeting:read:admin', 'recording:read:admin', 'user:read:admin']},
      {partial: true},
    )
    expect(strict.roles.filter((r) => r.covers).map((r) => r.name)).to.deep.equal(['Recorder Plus', 'Admin'])
    expect(strict.roles.find((r) => r.name === 'Recorder')!.missingPrivileges).to.deep.equal([
      'MobileDeviceManagement:Read',
    ])
  })

  it('roles holding a scope: group-limited grants count only for user-level scopes', () => {
    expect(rolesHoldingScope(matrix, snapshot.roles, 'meeting:write:admin').map((r) => r.name)).to.deep.equal([
      'Admin',
      'Editor',
      'Recorder',
      'Recorder Plus',
    ])
    expect(rolesHoldingScope(matrix, [ROLES.member], 'meeting:read').map((r) => r.name)).to.deep.equal(['Member'])
  })
})
