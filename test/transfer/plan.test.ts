// planTransfer, pure: built from findCandidates and checkTransfer, so each app's answer is theirs.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {matrixFromFlags} from '../../src/cli/matrix-from-flags.js'
import type {Inventory} from '../../src/inventory/types.js'
import type {Matrix} from '../../src/matrix/matrix.js'
import type {Snapshot} from '../../src/snapshot/types.js'
import {findCandidates} from '../../src/transfer/candidates.js'
import {accountOwners, appsOwnedBy, planTransfer} from '../../src/transfer/plan.js'
import {renderPlanTable} from '../../src/report/transfer-plan-table.js'
import {createStyle} from '../../src/report/style.js'

const snapshot = JSON.parse(readFileSync('test/fixtures/offboarding/snapshot.json', 'utf8')) as Snapshot
const inventory = JSON.parse(readFileSync('test/fixtures/offboarding/inventory.json', 'utf8')) as Inventory

describe('planTransfer', () => {
  let matrix: Matrix
  before(async () => {
    matrix = await matrixFromFlags({'builtin-matrix': true})
  })

  it("finds the person's apps by the reference given, their email or their id (any case)", () => {
    const leo = snapshot.users.find((u) => u.email === 'leo.leaving@acme.example')!
    const ids = (ref: string) => appsOwnedBy(inventory, ref, leo).map((a) => a.id)
    expect(ids('uLeo000012')).to.deep.equal(['aRecArch01', 'aSubAcct15', 'aRoomCon16', 'aGone00017'])
    expect(ids('Leo.Leaving@ACME.example')).to.deep.equal(ids('uLeo000012'))
    expect(accountOwners(snapshot).map((u) => u.email)).to.deep.equal(['ann.lee@acme.example'])
  })

  it('when only the person leaving qualifies: no suggestion, and the blockers explain the account without them', () => {
    // An account where Leo is the only user: he qualifies, nobody else does.
    const app = {
      id: 'aOnlyLeo',
      name: 'Only Leo',
      scopes: ['meeting:read:admin'],
      scopesFrom: 'flag' as const,
      mustKeep: [],
    }
    const lone: Snapshot = {
      ...snapshot,
      users: snapshot.users.filter((u) => u.email === 'leo.leaving@acme.example'),
      apps: [...snapshot.apps, {...app, type: 'OAuthApp', status: 'published', scopes: app.scopes}],
    }
    const inv: Inventory = {apps: [{id: 'aOnlyLeo', owner: 'leo.leaving@acme.example'}]}
    const plan = planTransfer({snapshot: lone, matrix, inventory: inv, from: 'leo.leaving@acme.example', source: {}})
    const [only] = plan.apps
    expect(only!.candidates.map((c) => [c.user.email, c.leaving])).to.deep.equal([['leo.leaving@acme.example', true]])
    expect(only!.suggested).to.equal(null)
    const withoutLeo = findCandidates({snapshot: {...lone, users: []}, matrix, app: {...app, scopesFrom: 'account'}})
    expect(only!.blockers?.message).to.equal(`Only the person leaving qualifies. ${withoutLeo.explanation!.message}`)
    expect(plan.accountOwner).to.equal(null)
    expect(plan.summary).to.include({withoutCandidate: 1, ready: false})
    expect(renderPlanTable(plan, {style: createStyle(false)})).to.include('none active in the account')
  })

  it('--to someone not in the account: every app counts against them', () => {
    const plan = planTransfer({snapshot, matrix, inventory, from: 'uLeo000012', to: 'ghost@acme.example', source: {}})
    expect(plan.to).to.deep.equal({ref: 'ghost@acme.example', user: null})
    expect(plan.apps.map((a) => a.to?.reasonCode ?? null)).to.deep.equal(['not-found', 'not-found', 'not-found', null])
    expect(plan.summary).to.include({toLosesScopes: 4, ready: false})
  })
})
