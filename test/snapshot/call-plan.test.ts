import {expect} from 'chai'

import {
  boundMs,
  chooseUsersPlan,
  planAccount,
  planActiveUsers,
  type AccountShape,
} from '../../src/snapshot/call-plan.js'
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

// transfer candidates: the active users of the qualifying roles, by role or from the one listing. `others` = the
// role list and the app (Medium), one detail per role (Light).
describe('call plans: active users of the qualifying roles (transfer candidates)', () => {
  const business = rateBudget('business', 100)
  const others = (roles: number) => ({MEDIUM: 2, LIGHT: roles})
  const roles = (members: number[], qualifying: number[]) =>
    members.map((m, i) => ({members: m, qualifies: qualifying.includes(i)}))
  // 50 roles: the Member role with 15 500 active users, 49 smaller ones (Admin 175, 48 custom roles of 70).
  const account20k = [15_500, 175, ...Array<number>(48).fill(70)]

  const table: Array<{
    name: string
    input: Parameters<typeof planActiveUsers>[0]
    users: 'listing' | 'by-role'
    calls: Record<string, number>
    boundMs: number
    chainPages: number
  }> = [
    {
      name: 'few roles qualify (20 000 users, Admin + 3 custom roles): by role, 4 pages instead of 67',
      input: {activeUsers: 19_035, roles: roles(account20k, [1, 2, 3, 4]), others: others(50), budget: business},
      users: 'by-role',
      calls: {MEDIUM: 2 + 1 + 3, LIGHT: 50},
      boundMs: (50 / 80) * 1000,
      chainPages: 1,
    },
    {
      name: 'every role qualifies, 10 roles of 3 000: by role, more calls (10 × 10 = 100 pages, same) but 10 chains at once',
      input: {
        activeUsers: 30_000,
        roles: roles(Array(10).fill(3000), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        others: others(10),
        budget: business,
      },
      users: 'by-role',
      calls: {MEDIUM: 102, LIGHT: 10},
      boundMs: (102 / 60) * 1000,
      chainPages: 10,
    },
    {
      name: 'every role qualifies, 50 roles of 301: by role has 100 pages against 51, yet 2 pages in a chain beat 51',
      input: {
        activeUsers: 15_050,
        roles: roles(Array(50).fill(301), [...Array(50).keys()]),
        others: others(50),
        budget: business,
      },
      users: 'by-role',
      calls: {MEDIUM: 102, LIGHT: 50},
      boundMs: (102 / 60) * 1000,
      chainPages: 2,
    },
    {
      name: '200 tiny roles that all qualify (10 users each): 200 pages by role against 7 — the listing',
      input: {
        activeUsers: 2000,
        roles: roles(Array(200).fill(10), [...Array(200).keys()]),
        others: others(200),
        budget: business,
      },
      users: 'listing',
      calls: {MEDIUM: 2 + 7, LIGHT: 200},
      boundMs: (200 / 80) * 1000,
      chainPages: 7,
    },
    {
      name: 'a small account (one page of users): the listing, fewer calls at the same estimate',
      input: {activeUsers: 10, roles: roles([1, 1, 1, 1, 6], [0, 1, 4]), others: others(5), budget: business},
      users: 'listing',
      calls: {MEDIUM: 3, LIGHT: 5},
      boundMs: (5 / 80) * 1000,
      chainPages: 1,
    },
    {
      name: 'nothing qualifies: by role reads no user at all',
      input: {activeUsers: 19_035, roles: roles(account20k, []), others: others(50), budget: business},
      users: 'by-role',
      calls: {MEDIUM: 2, LIGHT: 50},
      boundMs: (50 / 80) * 1000,
      chainPages: 0,
    },
    {
      name: 'qualifying roles without members cost nothing; unknown counts as qualifying',
      input: {
        activeUsers: 19_035,
        roles: [{members: 0, qualifies: true}, {members: 600}, {members: 15_000, qualifies: false}],
        others: others(3),
        budget: business,
      },
      users: 'by-role',
      calls: {MEDIUM: 4, LIGHT: 3},
      boundMs: (4 / 60) * 1000,
      chainPages: 2,
    },
  ]
  for (const row of table) {
    it(row.name, () => {
      const {chosen} = planActiveUsers(row.input)
      expect(chosen.users).to.equal(row.users)
      expect(chosen.calls).to.deep.equal(row.calls)
      expect(chosen.boundMs).to.be.closeTo(row.boundMs, 1e-6)
      expect(chosen.chainPages).to.equal(row.chainPages)
    })
  }

  it('the estimate is the bound, or the chain at the page latency when that is longer; both plans are returned', () => {
    const input = {activeUsers: 20_000, roles: roles([20_000], [0]), others: others(1), budget: business}
    const {plans} = planActiveUsers({...input, pageLatencyMs: 10})
    expect(plans.listing.estimateMs).to.be.closeTo((69 / 60) * 1000, 1e-6)
    expect(plans['by-role'].estimateMs).to.be.closeTo((69 / 60) * 1000, 1e-6)
    expect(planActiveUsers({...input, pageLatencyMs: 100}).plans.listing.estimateMs).to.equal(6700)
    // One role holding every active user: the same calls and the same chain either way.
    expect(plans.listing.calls).to.deep.equal(plans['by-role'].calls)
    expect(plans.listing.chainPages).to.equal(plans['by-role'].chainPages)
  })
})
