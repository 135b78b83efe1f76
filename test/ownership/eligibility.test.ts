import {expect} from 'chai'

import {checkScope, rolePrivileges} from '../../src/ownership/eligibility.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixRule} from '../../src/matrix/types.js'
import type {SnapshotRole} from '../../src/snapshot/types.js'

const rules: MatrixRule[] = [
  {scope: 'meeting:read:admin', requires: ['User:Read'], confidence: 'manual', sources: ['t']},
  {scope: 'meeting:write:admin', requires: ['User:Edit'], confidence: 'manual', sources: ['t']},
  {
    scope: 'user:read:admin',
    requires: ['User:Read'],
    partial: ['MobileDeviceManagement:Read'],
    confidence: 'documented',
    sources: ['t'],
  },
  {scope: 'meeting:read', requires: ['User:Read'], confidence: 'manual', sources: ['t']},
]
const matrix = buildMatrix([{file: 'm', matrix: {version: '1', rules, implies: {'User:Edit': ['User:Read']}}}])
const role = (privileges: string[], privilegeScopes: Record<string, string[]> = {}): SnapshotRole => ({
  id: 'r',
  name: 'R',
  privileges,
  privilegeScopes,
})

describe('whether a role can hold a scope', () => {
  const cases: Array<{
    name: string
    role: SnapshotRole
    scope: string
    status: string
    missing?: string[]
    group?: string[]
    partial?: string[]
  }> = [
    {name: 'held privilege → ok', role: role(['User:Read']), scope: 'meeting:read:admin', status: 'ok'},
    {name: 'User:Edit implies User:Read', role: role(['User:Edit']), scope: 'meeting:read:admin', status: 'ok'},
    {
      name: 'User:Read does not imply User:Edit',
      role: role(['User:Read']),
      scope: 'meeting:write:admin',
      status: 'missing',
      missing: ['User:Edit'],
    },
    {
      name: 'no privileges → missing',
      role: role([]),
      scope: 'meeting:read:admin',
      status: 'missing',
      missing: ['User:Read'],
    },
    {
      name: 'partial privilege missing → partial',
      role: role(['User:Read']),
      scope: 'user:read:admin',
      status: 'partial',
      partial: ['MobileDeviceManagement:Read'],
    },
    {
      name: 'partial privilege held → ok',
      role: role(['User:Read', 'MobileDeviceManagement:Read']),
      scope: 'user:read:admin',
      status: 'ok',
    },
    {
      name: 'group-limited privilege does not cover an admin scope',
      role: role(['User:Edit'], {'User:Edit': ['g1']}),
      scope: 'meeting:write:admin',
      status: 'missing',
      missing: ['User:Edit'],
      group: ['User:Edit'],
    },
    {
      name: 'group-limited Edit implies a group-limited Read',
      role: role(['User:Edit'], {'User:Edit': ['g1']}),
      scope: 'meeting:read:admin',
      status: 'missing',
      missing: ['User:Read'],
      group: ['User:Read'],
    },
    {
      name: 'group-limited privilege covers a user-level scope',
      role: role(['User:Read'], {'User:Read': ['g1']}),
      scope: 'meeting:read',
      status: 'ok',
    },
    {
      name: 'account-wide Edit + group-limited Read → ok',
      role: role(['User:Edit', 'User:Read'], {'User:Read': ['g1']}),
      scope: 'meeting:read:admin',
      status: 'ok',
    },
    {name: 'no rule → unmapped', role: role(['User:Edit']), scope: 'phone:read:admin', status: 'unmapped'},
  ]
  for (const c of cases) {
    it(c.name, () => {
      const check = checkScope(matrix, rolePrivileges(c.role, matrix), c.scope)
      expect(check.status).to.equal(c.status)
      expect(check.missingPrivileges).to.deep.equal(c.missing ?? [])
      expect(check.groupRestricted).to.deep.equal(c.group ?? [])
      expect(check.partialMissing).to.deep.equal(c.partial ?? [])
    })
  }
})
