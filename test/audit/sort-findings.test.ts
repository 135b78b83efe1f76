import {expect} from 'chai'

import {sortFindings} from '../../src/audit/summary.js'
import {FINDING_KINDS, SEVERITIES, type Finding} from '../../src/audit/types.js'
import {compareText} from '../../src/text-order.js'

/** The order the report promises, written as one comparison of every key. */
const byEveryKey = (a: Finding, b: Finding) =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
  compareText(a.appName, b.appName) ||
  compareText(a.appId, b.appId) ||
  compareText(a.kind, b.kind) ||
  compareText(a.scope ?? '', b.scope ?? '') ||
  compareText(a.id, b.id)

describe('sortFindings', () => {
  it('orders findings by severity, app name, app id, kind, scope and id, like a comparison of every key', () => {
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed % n
    }
    // Few names, ids and scopes, so that many findings tie on the first keys (two apps share a name, one app id
    // comes with two names, app-level findings have no scope).
    const findings = Array.from({length: 3000}, (_, i): Finding => ({
      id: `zsa-${next(50)}`,
      kind: FINDING_KINDS[next(4)]!,
      severity: SEVERITIES[next(3)]!,
      appId: `app${next(12)}`,
      appName: ['Zeta', 'alpha', 'Alpha', 'Ärger', ''][next(5)]!,
      owner: null,
      ownerRole: null,
      scope: next(4) === 0 ? null : `meeting:read:${next(6)}`,
      missingPrivileges: [],
      labels: {},
      confidence: null,
      message: `finding ${i}`,
    }))
    const sorted = sortFindings(findings)
    expect(sorted.map((f) => f.message)).to.deep.equal([...findings].sort(byEveryKey).map((f) => f.message))
    expect(findings[0]!.message, 'the input is left as it was').to.equal('finding 0')
  })
})
