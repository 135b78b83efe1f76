// Audit filters: --owner, --app, --severity, --kind narrow the report and what --fail-on counts, and say so.
import {expect} from 'chai'

import {filterReport, parseSeverities} from '../../src/audit/filter.js'
import type {AuditReport} from '../../src/audit/types.js'
import {InputError} from '../../src/errors.js'
import {schemaProblems} from '../../src/input/schema-check.js'
import {runCli} from '../helpers/run-cli.js'

const example = ['audit', '--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json']

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
})
