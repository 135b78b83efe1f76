// `transfer plan` as a subprocess: on the example account, on a fixture with every outcome, and live against the
// fake Zoom API (same answer, call count). Each app's answer is checked against `transfer candidates` / `check`.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {callsByEndpoint, liveEnv, onlyReads} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'

const FIXTURE = 'test/fixtures/offboarding'
const snap = ['--snapshot', `${FIXTURE}/snapshot.json`]
const inv = ['--inventory', `${FIXTURE}/inventory.json`]
const LEO = 'leo.leaving@acme.example'
const creds = {accountId: 'acme-4f9Kx2', clientId: 'planClientId', clientSecret: 'pl4n-sEcReT-16'}

interface Candidate {
  user: {email: string}
  excessPrivileges: number
  accountOwner: boolean
  leaving: boolean
}
interface PlanJson {
  from: {ref: string; user: {email: string; status: string} | null}
  to?: {ref: string}
  apps: Array<{
    app: {id: string}
    checked: boolean
    candidates: Candidate[]
    suggested: Candidate | null
    blockers: {message: string; explanation: unknown} | null
    accountOwner: {eligible: boolean} | null
    to?: Record<string, unknown> & {eligible: boolean}
  }>
  summary: {
    toLosesScopes: number | null
    apps: number
    withSuggestion: number
    withoutCandidate: number
    onlyAccountOwner: number
    ready: boolean
  }
}

async function plan(args: string[]): Promise<{code: number; plan: PlanJson; stderr: string}> {
  const {code, stdout, stderr} = await runCli(['transfer', 'plan', ...args, '--json'])
  return {code, plan: JSON.parse(stdout) as PlanJson, stderr}
}

describe('transfer plan (subprocess)', function () {
  this.timeout(120_000)

  it('a person owning four apps: candidates, only the account owner, nobody, and an app that cannot be read → exit 1', async () => {
    const {code, plan: p} = await plan(['--from', LEO, ...snap, ...inv])
    expect(code).to.equal(1)
    expect(p.from.user).to.include({email: LEO, status: 'active'})
    expect(p.apps.map((a) => a.app.id)).to.deep.equal(['aRecArch01', 'aSubAcct15', 'aRoomCon16', 'aGone00017'])
    const [archiver, subAccount, roomConnector, gone] = p.apps
    // The inventory names Leo by id (aRecArch01) and by email in another case (aSubAcct15).
    expect(archiver!.suggested?.user.email).to.equal('kim.it@acme.example')
    expect(archiver!.candidates.find((c) => c.leaving)?.user.email).to.equal(LEO)
    expect(archiver!.candidates.filter((c) => c.accountOwner).map((c) => c.user.email)).to.deep.equal([
      'ann.lee@acme.example',
    ])
    expect(archiver!.blockers).to.equal(null)
    expect(subAccount!.candidates.map((c) => c.user.email)).to.deep.equal(['ann.lee@acme.example'])
    expect(subAccount!.suggested).to.include({accountOwner: true})
    expect(roomConnector!.candidates).to.deep.equal([])
    expect(roomConnector!.suggested).to.equal(null)
    expect(roomConnector!.blockers?.message).to.match(/^No active user's role holds Room Connector: View/)
    expect(roomConnector!.accountOwner).to.include({eligible: false})
    expect(gone).to.include({checked: false, suggested: null})
    expect(gone!.blockers?.message).to.include('has no app "aGone00017"')
    expect(p.summary).to.include({apps: 4, withSuggestion: 2, withoutCandidate: 2, onlyAccountOwner: 1, ready: false})
  })

  it('each app agrees with "transfer candidates" (same people, same order) and the account owner with "transfer check"', async () => {
    const {plan: p} = await plan(['--from', LEO, ...snap, ...inv])
    for (const app of p.apps.filter((a) => a.checked)) {
      const alone = await runCli(['transfer', 'candidates', '--app', app.app.id, ...snap, ...inv, '--json'])
      const expected = JSON.parse(alone.stdout) as {candidates: Array<Record<string, unknown>>}
      expect(
        app.candidates.map(({accountOwner: _o, leaving: _l, ...rest}) => rest),
        app.app.id,
      ).to.deep.equal(expected.candidates)
      const check = await runCli([
        'transfer',
        'check',
        '--app',
        app.app.id,
        '--to',
        'ann.lee@acme.example',
        ...snap,
        '--json',
      ])
      expect(app.accountOwner, app.app.id).to.deep.equal(JSON.parse(check.stdout).candidates[0])
    }
  })

  it('--to: each app as "transfer check --to" says; exit 1 when the heir would lose a scope somewhere, 0 when not', async () => {
    const {code, plan: p} = await plan(['--from', LEO, '--to', 'kim.it@acme.example', ...snap, ...inv])
    expect(code).to.equal(1)
    for (const app of p.apps.filter((a) => a.checked)) {
      const check = await runCli([
        'transfer',
        'check',
        '--app',
        app.app.id,
        '--to',
        'kim.it@acme.example',
        ...snap,
        '--json',
      ])
      expect(app.to, app.app.id).to.deep.equal(JSON.parse(check.stdout).candidates[0])
    }
    expect(p.apps.map((a) => a.to?.eligible)).to.deep.equal([true, false, false, undefined])
    expect(p.summary).to.include({toLosesScopes: 3, ready: false})

    // Dana owns one app in the example account; Kim can take it (0), Bob cannot (1).
    const ok = await plan(['--from', 'dana.scully@acme.example', '--to', 'kim.it@acme.example', ...example])
    expect(ok.code, ok.stderr).to.equal(0)
    expect(ok.plan.apps.map((a) => [a.app.id, a.to?.eligible])).to.deep.equal([['aRecArch01', true]])
    const refused = await plan(['--from', 'dana.scully@acme.example', '--to', 'bob.martin@acme.example', ...example])
    expect(refused.code).to.equal(1)
  })

  it('the example account: Priya owns two apps, both with a suggested heir → exit 0; by id gives the same plan', async () => {
    const byEmail = await plan(['--from', 'priya.nair@acme.example', ...example])
    expect(byEmail.code, byEmail.stderr).to.equal(0)
    expect(byEmail.plan.apps.map((a) => [a.app.id, a.suggested?.user.email])).to.deep.equal([
      ['aPhoneSy06', 'bob.martin@acme.example'],
      ['aInsight13', 'dana.scully@acme.example'],
    ])
    const byId = await plan(['--from', 'uPriya0002', ...example])
    expect(byId.plan.apps).to.deep.equal(byEmail.plan.apps)
  })

  it("an inactive person's apps are still found, their status shown; the person is never suggested", async () => {
    const {code, plan: p} = await plan(['--from', 'jo.former@acme.example', ...example])
    expect(code).to.equal(0)
    expect(p.from.user).to.include({status: 'inactive'})
    expect(p.apps.map((a) => a.app.id)).to.deep.equal(['aUsageRep5'])
    const table = await runCli(['transfer', 'plan', '--from', 'jo.former@acme.example', ...example])
    expect(table.stdout).to.include('Note: jo.former@acme.example is inactive and still owns these apps.')
  })

  it('the table keeps to 80 columns and marks the account owner; Markdown gives one section per app', async () => {
    const table = await runCli(['transfer', 'plan', '--from', LEO, ...snap, ...inv])
    expect(table.code).to.equal(1)
    for (const line of table.stdout.split('\n')) expect(line.length, line).to.be.at.most(80)
    expect(table.stdout).to.include('ann.lee@acme.example (account owner)')
    expect(table.stdout).to.include('No eligible candidate.')
    const md = await runCli(['transfer', 'plan', '--from', LEO, ...snap, ...inv, '--format', 'markdown'])
    expect(md.stdout.match(/^## /gm)).to.have.length(4)
    expect(md.stdout).to.include('- [ ] Hand over to **kim.it@acme.example**')
  })

  it('an unknown person with no app → exit 2 naming them; a person who owns nothing → exit 0', async () => {
    const unknown = await runCli(['transfer', 'plan', '--from', 'nobody@acme.example', ...example])
    expect(unknown.code).to.equal(2)
    expect(unknown.stderr).to.match(/^Error: --from nobody@acme\.example: no such user in the account/)
    expect(hasStackTrace(unknown.stderr)).to.equal(false)
    const none = await runCli(['transfer', 'plan', '--from', 'ann.lee@acme.example', ...example])
    expect(none.code).to.equal(0)
    expect(none.stdout).to.include('The inventory names no app owned by ann.lee@acme.example.')
  })

  describe('live against the fake Zoom API', () => {
    let scenario: FakeZoomScenario
    let fake: FakeZoom
    const fixture = JSON.parse(readFileSync(`${FIXTURE}/snapshot.json`, 'utf8'))

    before(async () => {
      scenario = scenarioFromSnapshot(fixture, creds)
      fake = await startFakeZoom(scenario)
    })
    beforeEach(() => fake.reset())
    after(() => fake.close())

    it('the same plan as from the snapshot, in no more calls than one "transfer candidates" plus one app per extra app', async () => {
      const offline = await plan(['--from', LEO, ...snap, ...inv])
      const live = await runCli(['transfer', 'plan', '--from', LEO, ...inv, '--json'], {env: liveEnv(fake, scenario)})
      expect(live.code, live.stderr).to.equal(1)
      // The live "cannot check" message names Zoom, not the snapshot file.
      const strip = (p: PlanJson) => ({
        ...p,
        apps: p.apps.map((a) => ({...a, blockers: a.checked ? a.blockers : null})),
      })
      expect(strip(JSON.parse(live.stdout))).to.deep.equal(strip(offline.plan))
      const planCalls = callsByEndpoint(fake)
      expect(onlyReads(fake)).to.equal(true)

      fake.reset()
      const single = await runCli(['transfer', 'candidates', '--app', 'aRecArch01', '--json'], {
        env: liveEnv(fake, scenario),
      })
      expect(single.code, single.stderr).to.equal(0)
      const singleCalls = callsByEndpoint(fake)
      const extraApps = 3 // Leo owns four apps; "transfer candidates" reads one
      expect(planCalls).to.deep.equal({
        ...singleCalls,
        'GET /v2/marketplace/apps/{appId}': singleCalls['GET /v2/marketplace/apps/{appId}']! + extraApps,
      })
      expect(planCalls['GET /v2/users']).to.equal(1)
      expect(planCalls['GET /v2/roles']).to.equal(1)
    })

    it('someone no longer active: one more look-up, by the reference given', async () => {
      const live = await runCli(
        ['transfer', 'plan', '--from', 'jo.former@acme.example', ...example.slice(2), '--json'],
        {
          env: liveEnv(fake, scenario),
        },
      )
      expect(live.code, live.stderr).to.equal(0)
      expect(JSON.parse(live.stdout).from.user).to.include({email: 'jo.former@acme.example', status: 'inactive'})
      expect(callsByEndpoint(fake)['GET /v2/users/{userId}']).to.equal(1)
    })
  })
})

const example = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json']
