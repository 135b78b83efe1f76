import {expect} from 'chai'

import type {MatrixFile} from '../../src/matrix/types.js'
import type {AppTarget} from '../../src/ownership/app-target.js'
import {findCandidates} from '../../src/transfer/candidates.js'
import {account, role, ROLES, testMatrix, user} from './support.js'

const matrix = testMatrix()
const app = (scopes: string[]): AppTarget => ({
  id: 'aArch',
  name: 'Archiver',
  scopes,
  scopesFrom: 'account',
  mustKeep: [],
})
const ARCH = app(['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'])

const snapshot = account([
  user('zed@x.com', 'r-recorder'),
  user('Amy@x.com', 'r-recorder'),
  user('bob@x.com', 'r-recplus'),
  user('boss@x.com', 'r-admin'),
  user('reader@x.com', 'r-reader'),
  user('emea@x.com', 'r-emea'),
  user('gone@x.com', 'r-recorder', 'inactive'),
  user('invited@x.com', 'r-recorder', 'pending'),
  user('orphan@x.com', 'r-deleted'),
])

const emails = (r: ReturnType<typeof findCandidates>) => r.candidates.map((c) => c.user.email)

describe('transfer candidates (pure)', () => {
  it('active users whose role keeps every mapped scope, least excess first, ties by email (any case)', () => {
    const result = findCandidates({snapshot, matrix, app: ARCH})
    expect(emails(result)).to.deep.equal(['Amy@x.com', 'zed@x.com', 'bob@x.com', 'boss@x.com'])
    expect(result.candidates.map((c) => c.excessPrivileges)).to.deep.equal([0, 0, 3, 5])
    expect(result.candidates[0]).to.deep.equal({
      user: {id: 'u-Amy', email: 'Amy@x.com', name: 'Amy', roleId: 'r-recorder', roleName: 'Recorder'},
      excessPrivileges: 0,
      currentOwner: false,
    })
    expect(result).to.include({total: 4, explanation: null})
    expect(result.requiredPrivileges).to.deep.equal(['Recording:Read', 'User:Edit', 'User:Read'])
    expect(result.labels).to.deep.equal({
      'Recording:Read': 'Recordings: View',
      'User:Edit': 'Users: Edit',
      'User:Read': 'Users: View',
    })
  })

  it('excess counts the role privileges no scope needs; a partial privilege the app uses is not excess', () => {
    // r-recplus: MobileDeviceManagement:Read, Recording:Edit, Recording:Read, Role:Read, User:Edit, User:Read
    const withPartial = findCandidates({snapshot, matrix, app: app([...ARCH.scopes, 'user:read:admin'])})
    expect(withPartial.candidates.find((c) => c.user.email === 'bob@x.com')!.excessPrivileges).to.equal(2)
  })

  it('never inactive, pending, role-unknown users, nor a group-limited privilege for an admin-level scope', () => {
    const all = emails(findCandidates({snapshot, matrix, app: ARCH}))
    for (const out of ['gone@x.com', 'invited@x.com', 'orphan@x.com', 'emea@x.com', 'reader@x.com'])
      expect(all).not.to.include(out)
  })

  it('unmapped scopes are listed and held against nobody', () => {
    const result = findCandidates({snapshot, matrix, app: app(['meeting:read:admin', 'phone:read:admin'])})
    expect(result.unmappedScopes).to.deep.equal(['phone:read:admin'])
    expect(emails(result)).to.include('reader@x.com')
  })

  it('limit keeps the first N; total counts everyone; 0 means all', () => {
    const two = findCandidates({snapshot, matrix, app: ARCH, limit: 2})
    expect(emails(two)).to.deep.equal(['Amy@x.com', 'zed@x.com'])
    expect(two.total).to.equal(4)
    expect(findCandidates({snapshot, matrix, app: ARCH, limit: 0}).candidates).to.have.length(4)
  })

  it("marks the inventory's owner", () => {
    const result = findCandidates({snapshot, matrix, app: ARCH, ownerRef: 'ZED@x.com'})
    expect(result.candidates.filter((c) => c.currentOwner).map((c) => c.user.email)).to.deep.equal(['zed@x.com'])
  })

  describe('when nobody qualifies', () => {
    const layer: MatrixFile = {
      version: 'x',
      privileges: {'Group:Read': {label: 'Groups: View'}, 'Secret:Read': {label: 'Secrets: View'}},
      rules: [
        {scope: 'combo:read:admin', requires: ['Group:Read', 'Recording:Edit'], confidence: 'manual', sources: ['t']},
        {scope: 'secret:read:admin', requires: ['Secret:Read'], confidence: 'manual', sources: ['t']},
      ],
    }
    const m = testMatrix(layer)
    const roles = [
      role('r-grp', 'Group Viewer', ['Group:Read']),
      role('r-rec', 'Recording Editor', ['Recording:Edit', 'Recording:Read']),
      role('r-both', 'Both', ['Group:Read', 'Recording:Edit']),
    ]
    const nobody = account(
      [
        user('g@x.com', 'r-grp'),
        user('r@x.com', 'r-rec'),
        user('r2@x.com', 'r-rec'),
        user('b@x.com', 'r-both', 'inactive'),
      ],
      roles,
    )

    it('says which required privileges no active role combines, and which roles come closest (a memberless role that covers first)', () => {
      const result = findCandidates({snapshot: nobody, matrix: m, app: app(['combo:read:admin'])})
      expect(result.candidates).to.deep.equal([])
      expect(result.total).to.equal(0)
      const x = result.explanation!
      expect(x.heldByNoActiveUser).to.deep.equal([])
      expect(x.required).to.deep.equal([
        {privilege: 'Group:Read', label: 'Groups: View', accountWide: true, heldBy: ['Group Viewer']},
        {privilege: 'Recording:Edit', label: 'Recordings: Edit', accountWide: true, heldBy: ['Recording Editor']},
      ])
      expect(x.closestRoles.map((r) => [r.name, r.activeMembers, r.missingPrivileges])).to.deep.equal([
        ['Both', 0, []],
        ['Group Viewer', 1, ['Recording:Edit']],
        ['Recording Editor', 2, ['Group:Read']],
      ])
      expect(x.message).to.equal(
        "Every required privilege is held by some active user, but no active user's role combines Groups: View, Recordings: Edit. The role Both would keep every scope of Archiver but has no active member: give it to the new owner.",
      )
    })

    it('a privilege nobody active holds is named; the closest role and what to add', () => {
      const result = findCandidates({
        snapshot: nobody,
        matrix: m,
        app: app(['secret:read:admin', 'recording:write:admin']),
      })
      const x = result.explanation!
      expect(x.heldByNoActiveUser).to.deep.equal(['Secret:Read'])
      // Ties on what is missing go to the role with fewer excess privileges, then by name.
      expect(
        x.closestRoles.map((r) => [r.name, r.activeMembers, r.missingPrivileges, r.excessPrivileges]),
      ).to.deep.equal([
        ['Both', 0, ['Secret:Read'], 1],
        ['Recording Editor', 2, ['Secret:Read'], 1],
        ['Group Viewer', 1, ['Recording:Edit', 'Secret:Read'], 1],
      ])
      expect(x.message).to.match(
        /^No active user's role holds Secrets: View account-wide \(as admin-level scopes need\)\. Closest: Both \(0 active members\) lacks only Secrets: View; add it to that role/,
      )
    })

    it('the closest role that holds a privilege only for some groups says so', () => {
      const limited = account([user('e@x.com', 'r-emea')], [ROLES.emea])
      const x = findCandidates({snapshot: limited, matrix, app: ARCH}).explanation!
      expect(x.closestRoles[0]).to.deep.include({
        name: 'EMEA Editor',
        missingPrivileges: ['User:Edit'],
        groupLimited: {'User:Edit': ['g-emea']},
      })
      expect(x.message).to.match(/it holds Users: Edit only for some groups/)
    })
  })

  it('20 000 users: one coverage per role, well under a second', () => {
    const users = Array.from({length: 20_000}, (_, i) =>
      user(`u${String(i).padStart(5, '0')}@x.com`, Object.values(ROLES)[i % 7]!.id),
    )
    const started = Date.now()
    const result = findCandidates({snapshot: account(users), matrix, app: ARCH, limit: 20})
    expect(Date.now() - started).to.be.lessThan(1000)
    const qualifying = new Set(['r-recorder', 'r-recplus', 'r-admin'])
    expect(result.total).to.equal(users.filter((u) => qualifying.has(u.roleId)).length)
    expect(result.candidates).to.have.length(20)
  })
})
