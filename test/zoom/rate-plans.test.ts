// Zoom's limits per plan and label, and the budget the tool allows itself.
import {readdirSync, readFileSync} from 'node:fs'

import {expect} from 'chai'

import {ENDPOINT_LABELS, type RateLimitLabel} from '../../src/zoom/endpoints.js'
import {describeLabelBudget, rateBudget, ZOOM_RATE_LIMITS} from '../../src/zoom/rate-plans.js'

const OPERATIONS = new URL('../../data/zoom/operations/', import.meta.url)

describe('rate plans and budgets', () => {
  it("holds Zoom's table (docs/zoom-api.md §Rate limits: Free 4/2/1/10 per min, Pro 30/20/10/10 per min, Business+ 80/60/40/20 per min)", () => {
    const perSecond = (plan: keyof typeof ZOOM_RATE_LIMITS) =>
      (['LIGHT', 'MEDIUM', 'HEAVY'] as const).map((label) => {
        const {requests, perMs} = ZOOM_RATE_LIMITS[plan][label]
        expect(perMs).to.equal(1000)
        return requests
      })
    expect(perSecond('free')).to.deep.equal([4, 2, 1])
    expect(perSecond('pro')).to.deep.equal([30, 20, 10])
    expect(perSecond('business')).to.deep.equal([80, 60, 40])
    expect(ZOOM_RATE_LIMITS.free.RESOURCE_INTENSIVE).to.deep.equal({requests: 10, perMs: 60_000})
    expect(ZOOM_RATE_LIMITS.pro.RESOURCE_INTENSIVE).to.deep.equal({requests: 10, perMs: 60_000})
    expect(ZOOM_RATE_LIMITS.business.RESOURCE_INTENSIVE).to.deep.equal({requests: 20, perMs: 60_000})
  })

  it('default (business, 50 %): Light 40/s, Medium 30/s, Heavy 20/s, Resource-intensive 10/min', () => {
    expect(rateBudget('business', 50)).to.deep.equal({
      LIGHT: {requests: 40, windowMs: 1000},
      MEDIUM: {requests: 30, windowMs: 1000},
      HEAVY: {requests: 20, windowMs: 1000},
      RESOURCE_INTENSIVE: {requests: 10, windowMs: 60_000},
    })
    expect(describeLabelBudget(rateBudget('business', 50).MEDIUM)).to.equal('30 req/s')
    expect(describeLabelBudget(rateBudget('business', 50).RESOURCE_INTENSIVE)).to.equal('10 req/min')
  })

  it('rounds down, and stretches the window when less than one request per window is allowed', () => {
    // Free at 50 %: Light 2/s, Medium 1/s, Heavy 0.5/s → one per 2 s, Resource-intensive 5/min.
    expect(rateBudget('free', 50)).to.deep.equal({
      LIGHT: {requests: 2, windowMs: 1000},
      MEDIUM: {requests: 1, windowMs: 1000},
      HEAVY: {requests: 1, windowMs: 2000},
      RESOURCE_INTENSIVE: {requests: 5, windowMs: 60_000},
    })
    expect(rateBudget('free', 100).MEDIUM).to.deep.equal({requests: 2, windowMs: 1000})
    expect(rateBudget('pro', 62).LIGHT).to.deep.equal({requests: 18, windowMs: 1000}) // 18.6 → 18
    expect(rateBudget('free', 62).LIGHT).to.deep.equal({requests: 2, windowMs: 1000}) // 2.48 → 2
    expect(rateBudget('business', 1).LIGHT).to.deep.equal({requests: 1, windowMs: 1250}) // 0.8/s
    expect(rateBudget('free', 15).LIGHT).to.deep.equal({requests: 1, windowMs: 1667}) // 0.6/s
    expect(describeLabelBudget(rateBudget('free', 50).HEAVY)).to.equal('1 req per 2 s')
    // Never more than the share, whatever the percentage.
    for (const plan of ['free', 'pro', 'business'] as const) {
      for (let percent = 1; percent <= 100; percent++) {
        for (const [label, {requests, windowMs}] of Object.entries(rateBudget(plan, percent)) as Array<
          [RateLimitLabel, {requests: number; windowMs: number}]
        >) {
          const limit = ZOOM_RATE_LIMITS[plan][label]
          expect(requests / windowMs, `${plan} ${percent} % ${label}`).to.be.at.most(
            ((limit.requests / limit.perMs) * percent) / 100 + 1e-12,
          )
          expect(windowMs).to.be.at.least(limit.perMs)
        }
      }
    }
  })

  it('refuses a percentage outside (0, 100]', () => {
    for (const bad of [0, -5, 101, Number.NaN]) expect(() => rateBudget('pro', bad)).to.throw(RangeError)
  })

  it("labels every endpoint the client calls as Zoom's OpenAPI documents do (data/zoom/operations/*.tsv)", () => {
    const documented = new Map<string, string>()
    for (const file of readdirSync(OPERATIONS).filter((f) => f.endsWith('.tsv') && !f.endsWith('-ma.tsv'))) {
      const [header, ...rows] = readFileSync(new URL(file, OPERATIONS), 'utf8').trimEnd().split('\n')
      const columns = header!.split('\t')
      const [method, path, label] = ['method', 'path', 'rate_limit_label'].map((c) => columns.indexOf(c)) as [
        number,
        number,
        number,
      ]
      for (const row of rows) {
        const cells = row.split('\t')
        documented.set(`${cells[method]} ${cells[path]}`, cells[label]!.replace('-', '_'))
      }
    }
    for (const [endpoint, label] of Object.entries(ENDPOINT_LABELS))
      expect(documented.get(endpoint), endpoint).to.equal(label)
  })
})
