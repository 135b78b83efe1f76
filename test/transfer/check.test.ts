import {expect} from 'chai'

import type {AppTarget} from '../../src/ownership/app-target.js'
import {checkTransfer} from '../../src/transfer/check.js'
import {account, role, testMatrix, user} from './support.js'

const matrix = testMatrix()
const app = (scopes: string[], mustKeep: string[] = []): AppTarget => ({
  id: 'aArch',
  name: 'Archiver',
  scopes,
  scopesFrom: 'account',
  mustKeep,
})
const ARCH = app(['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'])

const snapshot = account([
  user('rec@x.com', 'r-recorder'),
  user('Mixed.Case@X.com', 'r-recorder', 'active', 'uMixed'),
  user('reader@x.com', 'r-reader'),
  user('emea@x.com', 'r-emea'),
  user('member@x.com', 'r-member'),
  user('gone@x.com', 'r-recorder', 'inactive'),
  user('invited@x.com', 'r-recorder', 'pending'),
  user('orphan@x.com', 'r-deleted'),
  user('mdm@x.com', 'r-recplus'),
])

const check = (to: string[], options: {scopes?: string[]; strict?: boolean; ownerRef?: string} = {}) =>
  checkTransfer({
    snapshot,
    matrix,
    app: options.scopes ? app(options.scopes) : ARCH,
    candidates: to,
    strict: options.strict,
    ownerRef: options.ownerRef,
  })

describe('transfer check (pure)', () => {
  it('eligible: active and keeps every mapped scope', () => {
    const result = check(['rec@x.com'])
    expect(result.allEligible).to.equal(true)
    expect(result.candidates).to.deep.equal([
      {
        ref: 'rec@x.com',
        user: {
          id: 'u-rec',
          email: 'rec@x.com',
          name: 'rec',
          status: 'active',
          roleId: 'r-recorder',
          roleName: 'Recorder',
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
    expect(result.currentOwner).to.equal(null)
  })

  it('by Zoom user id or by email in any case; the same user named twice is checked once', () => {
    const result = check(['uMixed', 'mixed.case@x.COM', ' uMixed '])
    expect(result.candidates.map((c) => [c.ref, c.user.email])).to.deep.equal([['uMixed', 'Mixed.Case@X.com']])
    expect(check(['MIXED.CASE@x.com']).candidates[0]!.user.id).to.equal('uMixed')
    expect(result.allEligible).to.equal(true)
  })

  it('missing privileges: the scopes lost, each with missingPrivileges as strings and portal labels apart', () => {
    const [c] = check(['reader@x.com']).candidates
    expect(c!.eligible).to.equal(false)
    expect(c!.reasonCode).to.equal('missing-privileges')
    expect(c!.keptScopes).to.deep.equal(['meeting:read:admin'])
    expect(c!.deactivatedScopes).to.deep.equal([
      {scope: 'meeting:write:admin', missingPrivileges: ['User:Edit'], groupLimited: {}},
      {scope: 'recording:read:admin', missingPrivileges: ['Recording:Read'], groupLimited: {}},
    ])
    expect(c!.labels).to.deep.equal({'Recording:Read': 'Recordings: View', 'User:Edit': 'Users: Edit'})
    expect(c!.reason).to.equal(
      "reader's role Reader lacks Recordings: View and Users: Edit: Zoom would deactivate 2 scopes (meeting:write:admin, recording:read:admin).",
    )
  })

  it('a group-limited privilege does not keep an admin-level scope: reason group-limited, with the groups', () => {
    const [c] = check(['emea@x.com']).candidates
    expect(c!.reasonCode).to.equal('group-limited')
    expect(c!.deactivatedScopes).to.deep.equal([
      {scope: 'meeting:write:admin', missingPrivileges: ['User:Edit'], groupLimited: {'User:Edit': ['g-emea']}},
    ])
    expect(c!.reason).to.match(
      /role EMEA Editor holds Users: Edit only for some groups; the app's admin-level scopes need it account-wide/,
    )
  })

  it('a group-limited privilege does keep a user-level scope', () => {
    const limited = account([user('g@x.com', 'r-g')], [role('r-g', 'G', ['User:Read'], {'User:Read': ['g1']})])
    const rule = {
      version: 'x',
      rules: [{scope: 'user:read', requires: ['User:Read'], confidence: 'manual' as const, sources: ['t']}],
    }
    const result = checkTransfer({
      snapshot: limited,
      matrix: testMatrix(rule),
      app: app(['user:read', 'meeting:read:admin']),
      candidates: ['g@x.com'],
    })
    expect(result.candidates[0]!.keptScopes).to.deep.equal(['user:read'])
    expect(result.candidates[0]!.deactivatedScopes[0]).to.deep.equal({
      scope: 'meeting:read:admin',
      missingPrivileges: ['User:Read'],
      groupLimited: {'User:Read': ['g1']},
    })
  })

  it('inactive, pending, unknown user, unknown role: ineligible with the reason; scopes still shown when the role is known', () => {
    const result = check(['gone@x.com', 'invited@x.com', 'nobody@x.com', 'orphan@x.com'])
    expect(result.allEligible).to.equal(false)
    expect(result.candidates.map((c) => [c.reasonCode, c.eligible])).to.deep.equal([
      ['inactive', false],
      ['pending', false],
      ['not-found', false],
      ['role-unknown', false],
    ])
    const [gone, invited, nobody, orphan] = result.candidates
    expect(gone!.keptScopes).to.have.length(3)
    expect(gone!.reason).to.match(/gone is inactive/)
    expect(invited!.user).to.include({id: null, status: 'pending'})
    expect(invited!.reason).to.match(/invited is pending/)
    expect(nobody!.user).to.deep.equal({id: null, email: null, name: null, status: null, roleId: null, roleName: null})
    expect(nobody!.reason).to.equal('No user "nobody@x.com" in the account (by email or Zoom user id).')
    expect(orphan!.user).to.include({roleId: 'r-deleted', roleName: null})
    expect(orphan!.reason).to.match(/role \(id r-deleted\) is not among the account's roles/)
  })

  it('unmapped scopes: "cannot tell", not held against anyone — unless strict', () => {
    const scopes = ['meeting:read:admin', 'phone:read:admin']
    const lenient = check(['reader@x.com'], {scopes}).candidates[0]!
    expect(lenient).to.include({eligible: true, reasonCode: null})
    expect(lenient.unmappedScopes).to.deep.equal(['phone:read:admin'])
    expect(lenient.keptScopes).to.deep.equal(['meeting:read:admin'])
    const strict = check(['reader@x.com'], {scopes, strict: true})
    expect(strict.allEligible).to.equal(false)
    expect(strict.candidates[0]).to.include({eligible: false, reasonCode: 'unmapped-strict'})
    expect(strict.candidates[0]!.reason).to.match(
      /--strict: 1 scope cannot be checked \(no matrix rule: phone:read:admin\)/,
    )
  })

  it('partial privileges: the scope is kept, what some operations lack is listed apart', () => {
    const c = check(['reader@x.com', 'mdm@x.com'], {scopes: ['user:read:admin']}).candidates
    expect(c[0]).to.deep.include({
      eligible: true,
      keptScopes: ['user:read:admin'],
      partialScopes: [{scope: 'user:read:admin', missingPrivileges: ['MobileDeviceManagement:Read']}],
    })
    expect(c[0]!.labels).to.deep.equal({'MobileDeviceManagement:Read': 'Mobile Device Management: View'})
    expect(c[1]!.partialScopes).to.deep.equal([])
  })

  it("the inventory's owner is checked the same way, beside the candidates, and does not decide allEligible", () => {
    const result = check(['rec@x.com'], {ownerRef: 'reader@x.com'})
    expect(result.currentOwner).to.include({ref: 'reader@x.com', eligible: false, reasonCode: 'missing-privileges'})
    expect(result.allEligible).to.equal(true)
  })

  it('one ineligible candidate among eligible ones makes allEligible false', () => {
    expect(check(['rec@x.com', 'member@x.com']).allEligible).to.equal(false)
  })
})
