import {expect} from 'chai'

import {boundMs, chooseUsersPlan, planAccount, type AccountShape} from '../../src/snapshot/call-plan.js'
import {rateBudget, type ZoomPlan} from '../../src/zoom/rate-plans.js'

const roles50 = {roles: 50}

// Account shapes → the plan that finishes soonest under Zoom's per-label limits, and its bound.
const table: Array<{
  name: string
  shape: AccountShape
  plan?: [ZoomPlan, number]
  users: 'listing' | 'per-user'
  calls: Record<string, number>
  boundMs: number
}> = [
  {
    name: '500 owners, 500 apps to read one by one, 50 000 users: owners on LIGHT beat 168 MEDIUM pages',
    shape: {users: {active: 49_000, inactive: 500, pending: 500}, need: 500, apps: 500, appDetails: 500, ...roles50},
    users: 'per-user',
    calls: {LIGHT: 550, MEDIUM: 503},
    boundMs: (503 / 60) * 1000,
  },
  {
    name: '2 000 owners, app list carries scopes, 20 000 users: the listing is far quicker',
    shape: {users: {active: 20_000, inactive: 0, pending: 0}, need: 2000, apps: 300, appDetails: 0, ...roles50},
    users: 'listing',
    calls: {LIGHT: 50, MEDIUM: 71},
    boundMs: (71 / 60) * 1000,
  },
  {
    name: '100 owners, 600 app details: per-user although the listing has fewer calls (69 < 100)',
    shape: {users: {active: 20_000, inactive: 0, pending: 0}, need: 100, apps: 600, appDetails: 600, ...roles50},
    users: 'per-user',
    calls: {LIGHT: 150, MEDIUM: 603},
    boundMs: (603 / 60) * 1000,
  },
  {
    name: '4 owners in a small account: one call each',
    shape: {users: {active: 40, inactive: 2, pending: 1}, need: 4, apps: 15, appDetails: 3, roles: 5},
    users: 'per-user',
    calls: {LIGHT: 9, MEDIUM: 5},
    boundMs: (9 / 80) * 1000,
  },
  {
    name: 'transfer candidates at 20 000 users: active listing, one app by id',
    shape: {
      users: {active: 20_000, inactive: 5, pending: 5},
      need: 'active',
      apps: 0,
      appDetails: 0,
      appsById: 1,
      ...roles50,
    },
    users: 'listing',
    calls: {LIGHT: 50, MEDIUM: 69},
    boundMs: (69 / 60) * 1000,
  },
  {
    name: 'snapshot of 100 000 users, 300 apps read one by one',
    shape: {users: {active: 99_000, inactive: 600, pending: 400}, need: 'all', apps: 300, appDetails: 300, ...roles50},
    users: 'listing',
    calls: {LIGHT: 50, MEDIUM: 330 + 2 + 2 + 1 + 1 + 300},
    boundMs: (636 / 60) * 1000,
  },
  {
    name: 'Pro at 50 %: the same 500-owner account, slower labels, same choice',
    shape: {users: {active: 49_000, inactive: 500, pending: 500}, need: 500, apps: 500, appDetails: 500, ...roles50},
    plan: ['pro', 50],
    users: 'per-user',
    calls: {LIGHT: 550, MEDIUM: 503},
    boundMs: (503 / 10) * 1000,
  },
]

describe('call plans (label-aware)', () => {
  for (const row of table) {
    it(row.name, () => {
      const [plan, percent] = row.plan ?? ['business', 100]
      const chosen = planAccount(row.shape, rateBudget(plan, percent))
      expect(chosen.users).to.equal(row.users)
      expect(chosen.calls).to.deep.equal(row.calls)
      expect(chosen.boundMs).to.be.closeTo(row.boundMs, 1e-6)
    })
  }

  it('bound: the slowest label at its budgeted rate, stretched windows included', () => {
    const business = rateBudget('business', 100)
    expect(boundMs({LIGHT: 160, MEDIUM: 60, HEAVY: 40}, business)).to.equal(2000)
    expect(boundMs({}, business)).to.equal(0)
    // Free at 50 %: Heavy 1/s becomes one request per 2 s.
    expect(boundMs({HEAVY: 3}, rateBudget('free', 50))).to.equal(6000)
  })

  it('a tie goes to the plan with fewer calls', () => {
    // 80 LIGHT calls and 60 MEDIUM pages both take 1 s; MEDIUM others of 0.
    const chosen = chooseUsersPlan({wanted: 80, listingPages: 60, others: {}, budget: rateBudget('business', 100)})
    expect(chosen.users).to.equal('listing')
    expect(chosen.boundMs).to.equal(1000)
  })
})
