// Audit filters: --owner, --app, --severity, --kind narrow the report and what --fail-on counts, and say so; --new-only
// leaves the old findings out of what is left, counting them.
import {expect} from 'chai'

import {filterReport, parseSeverities} from '../../src/audit/filter.js'
import type {AuditReport} from '../../src/audit/types.js'
import {InputError} from '../../src/errors.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {triage} from '../../src/triage/triage.js'
import {EXAMPLE_ACCOUNT} from '../helpers/example-account.js'
import {runCli, runCliJson} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = ['audit', ...EXAMPLE_ACCOUNT]

describe('audit filters', function () {
  this.timeout(120_000)
  let full: AuditReport

  before(async () => {
    const {stdout} = await runCli([...example, '--json'])
    full = JSON.parse(stdout) as AuditReport
  })

  it('--owner: only the apps the person owns (by email in any case, or by id), their findings recounted', () => {
    const byEmail = filterReport(full, {owner: 'BOB.MARTIN@acme.example'})
    expect(byEmail.apps.map((a) => a.id).sort()).to.deep.equal(['aCalHelp09', 'aWebinar08'])
    expect(byEmail.findings.every((f) => ['aCalHelp09', 'aWebinar08'].includes(f.appId))).to.equal(true)
    expect(byEmail.findings).to.deep.equal(full.findings.filter((f) => ['aCalHelp09', 'aWebinar08'].includes(f.appId)))
    expect(byEmail.summary).to.include({apps: 2, findings: byEmail.findings.length})
    expect(byEmail.summary.filter).to.deep.equal({owner: 'BOB.MARTIN@acme.example'})
    // The inventory names Lena by id for aMtgBot004: her email finds it too.
    expect(filterReport(full, {owner: 'lena.fischer@acme.example'}).apps.map((a) => a.id)).to.deep.equal(['aMtgBot004'])
    expect(schemaProblems('report', byEmail)).to.deep.equal([])
  })

  it('--app (repeatable): only those apps; an app not in the audit is refused naming it', () => {
    const two = filterReport(full, {apps: ['aRecArch01', 'aHRSync002']})
    expect(two.apps.map((a) => a.id).sort()).to.deep.equal(['aHRSync002', 'aRecArch01'])
    expect(two.findings.map((f) => f.appId).every((id) => id === 'aRecArch01' || id === 'aHRSync002')).to.equal(true)
    expect(() => filterReport(full, {apps: ['aRecArch01', 'aNope']})).to.throw(
      InputError,
      /^--app aNope: not in this audit/,
    )
  })

  it('--severity and --kind: only those findings; apps stay (the report still lists what was audited)', () => {
    const high = filterReport(full, {severities: ['high']})
    expect(high.findings.length).to.be.greaterThan(0)
    expect(high.findings).to.deep.equal(full.findings.filter((f) => f.severity === 'high'))
    expect(high.summary.bySeverity).to.deep.equal({high: high.findings.length, medium: 0, low: 0})
    expect(high.apps).to.deep.equal(full.apps)
    const kinds = filterReport(full, {kinds: ['owner-inactive', 'owner-not-found']})
    expect(kinds.findings).to.deep.equal(
      full.findings.filter((f) => f.kind === 'owner-inactive' || f.kind === 'owner-not-found'),
    )
    expect(kinds.summary.filter).to.deep.equal({kinds: ['owner-not-found', 'owner-inactive']})
    expect(parseSeverities(['high,MEDIUM'])).to.deep.equal(['high', 'medium'])
    expect(() => parseSeverities(['high,urgent'])).to.throw(InputError, /--severity takes high, medium, low/)
  })

  it('no filter: the report is untouched, and the summary has no "filter"', () => {
    expect(filterReport(full, {})).to.equal(full)
    expect(full.summary).to.not.have.property('filter')
  })

  it('CLI: the stderr line says it is filtered; --fail-on counts only what is left', async () => {
    const bob = await runCli(
      [...example, '--owner', 'bob.martin@acme.example', '--severity', 'low', '--fail-on', 'low'],
      {env: {SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)}},
    )
    expect(bob.stderr).to.equal(
      '2 apps, 0 at risk, 0 findings (filtered: owner bob.martin@acme.example; severity low); snapshot of 2026-11-16T07:00:00.000Z, 4 days old\n',
    )
    expect(bob.code).to.equal(0)
    const inactive = await runCli([...example, '--kind', 'owner-inactive', '--json'])
    expect(inactive.code).to.equal(1)
    const report = JSON.parse(inactive.stdout) as AuditReport
    expect(report.summary.filter).to.deep.equal({kinds: ['owner-inactive']})
    expect(report.findings.map((f) => f.kind)).to.deep.equal(report.findings.map(() => 'owner-inactive'))
    expect(schemaProblems('report', report)).to.deep.equal([])
    const badApp = await runCli([...example, '--app', 'aNope'])
    expect(badApp.code).to.equal(2)
    expect(badApp.stderr).to.equal(
      'Error: --app aNope: not in this audit (neither the inventory nor the account lists it).\n',
    )
    const badSeverity = await runCli([...example, '--severity', 'urgent'])
    expect(badSeverity.code).to.equal(2)
  })

  describe('with --new-only', () => {
    const now = new Date('2026-11-23T08:00:00Z')
    /** Bob's high aWebinar08 finding is the only one the baseline lacks. */
    const freshId = 'zsa-8695322f3c9b'
    const marked = () =>
      triage(full, {baseline: {file: 'b', findings: full.findings.filter((f) => f.id !== freshId)}, now})

    it('alone: only the new findings; the summary still counts them all and says how many it left out', () => {
      const {report} = marked()
      const r = filterReport(report, {newOnly: true})
      expect(r.findings.map((f) => f.id)).to.deep.equal([freshId])
      expect(r.summary).to.include({
        findings: full.findings.length,
        appsAtRisk: full.summary.appsAtRisk,
        new: 1,
        omitted: full.findings.length - 1,
        resolved: 0,
      })
      expect(r.summary).not.to.have.property('filter')
      expect(schemaProblems('report', r)).to.deep.equal([])
    })

    it('with --owner, --app, --severity or --kind: counted over what the filter keeps, old ones omitted, not lost', () => {
      const {report} = marked()
      for (const filter of [
        {owner: 'bob.martin@acme.example'},
        {severities: ['high' as const]},
        {kinds: ['missing-privilege' as const]},
        {apps: ['aWebinar08', 'aRecArch01']},
      ]) {
        const all = filterReport(report, filter)
        const r = filterReport(report, {...filter, newOnly: true})
        const what = JSON.stringify(filter)
        expect(
          r.findings.map((f) => f.id),
          what,
        ).to.deep.equal([freshId])
        expect(r.summary, what).to.deep.equal({...all.summary, omitted: all.findings.length - 1})
        expect(r.summary.findings, what).to.be.greaterThan(1)
        expect(r.summary.filter, what).to.deep.equal(all.summary.filter)
        expect(schemaProblems('report', r), what).to.deep.equal([])
      }
    })

    it('CLI: --baseline --new-only --owner keeps summary.omitted and says so on stderr', async () => {
      const tmp = makeTempDir()
      try {
        const baseline = tmp.write('baseline.json', {...full, findings: full.findings.filter((f) => f.id !== freshId)})
        const args = [...example, '--baseline', baseline, '--new-only', '--owner', 'bob.martin@acme.example']
        const run = await runCliJson<AuditReport>([...args, '--json'], {
          env: {SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)},
        })
        expect(run.code).to.equal(1)
        expect(run.json.findings.map((f) => f.id)).to.deep.equal([freshId])
        expect(run.json.summary).to.include({apps: 2, appsAtRisk: 1, findings: 2, new: 1, omitted: 1})
        expect(run.json.summary.filter).to.deep.equal({owner: 'bob.martin@acme.example'})
        expect(run.stderr).to.equal(
          '2 apps, 1 at risk, 2 findings (1 high, 1 medium), 1 new (only these reported; 1 not new left out), 0 resolved (filtered: owner bob.martin@acme.example); snapshot of 2026-11-16T07:00:00.000Z, 4 days old\n',
        )
      } finally {
        tmp.cleanup()
      }
    })
  })
})
