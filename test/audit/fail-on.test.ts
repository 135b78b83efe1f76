// --fail-on with --fail-on-confidence: which findings make the audit exit 1.
import {expect} from 'chai'

import {countsForFailOn, failsOn, type FailOn} from '../../src/audit/fail-on.js'
import type {Finding, Severity} from '../../src/audit/types.js'
import type {Confidence} from '../../src/matrix/types.js'

function finding(severity: Severity, scope: string | null, confidence: Confidence | null = null): Finding {
  return {
    confidence,
    id: 'zsa-x',
    kind: scope === null ? 'owner-inactive' : 'missing-privilege',
    severity,
    appId: 'a',
    appName: 'A',
    owner: null,
    ownerRole: null,
    scope,
    missingPrivileges: [],
    labels: {},
    message: '',
  }
}

describe('--fail-on-confidence', () => {
  const cases: Array<{severity: Severity; rule: Confidence | null; failOn: FailOn; counts: boolean}> = [
    {severity: 'high', rule: 'inferred', failOn: {severity: 'medium', confidence: 'inferred'}, counts: true},
    {severity: 'high', rule: 'inferred', failOn: {severity: 'medium', confidence: 'manual'}, counts: false},
    {severity: 'high', rule: 'inferred', failOn: {severity: 'medium', confidence: 'documented'}, counts: false},
    {severity: 'high', rule: 'manual', failOn: {severity: 'medium', confidence: 'manual'}, counts: true},
    {severity: 'high', rule: 'manual', failOn: {severity: 'medium', confidence: 'documented'}, counts: false},
    {severity: 'high', rule: 'documented', failOn: {severity: 'medium', confidence: 'documented'}, counts: true},
    {severity: 'low', rule: 'documented', failOn: {severity: 'medium', confidence: 'inferred'}, counts: false},
    {severity: 'high', rule: 'documented', failOn: {severity: 'none', confidence: 'inferred'}, counts: false},
    // Findings that rest on no rule (inactive owner, unmapped scope) always count.
    {severity: 'high', rule: null, failOn: {severity: 'medium', confidence: 'documented'}, counts: true},
    {severity: 'low', rule: null, failOn: {severity: 'low', confidence: 'documented'}, counts: true},
  ]
  for (const c of cases) {
    it(`${c.severity} on a ${c.rule ?? 'no'} rule, --fail-on ${c.failOn.severity} --fail-on-confidence ${c.failOn.confidence} → ${c.counts ? 'counts' : 'ignored'}`, () => {
      expect(countsForFailOn(finding(c.severity, c.rule === null ? null : 'x:read:admin', c.rule), c.failOn)).to.equal(
        c.counts,
      )
    })
  }

  it('fails when any finding counts', () => {
    const findings = [
      finding('high', 'phone:write:admin', 'inferred'),
      finding('medium', 'user:read:admin', 'documented'),
    ]
    expect(failsOn(findings, {severity: 'high', confidence: 'inferred'})).to.equal(true)
    expect(failsOn(findings, {severity: 'high', confidence: 'manual'})).to.equal(false)
    expect(failsOn(findings, {severity: 'medium', confidence: 'documented'})).to.equal(true)
  })
})
