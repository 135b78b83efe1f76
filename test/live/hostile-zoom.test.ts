// A hostile Zoom against the CLI as a subprocess: the exit code, the message, how many requests were sent, how long
// it took, and that no output file was written.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {schemaProblems} from '../../src/input/schema-check.js'
import {DEFAULT_MAX_BODY_BYTES} from '../../src/zoom/body.js'
import {DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS} from '../../src/zoom/client.js'
import {concurrencyFor} from '../../src/zoom/client-defaults.js'
import {rateBudget} from '../../src/zoom/rate-plans.js'
import {loadSnapshot} from '../../src/snapshot/load.js'
import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {hasStackTrace, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {APP, BAD_ANSWERS, firstItem, mutate, ROLE, ROLES, TOKEN, USERS} from '../zoom/bad-answers.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8'))
const CLI_SAMPLE = [
  'a users page that is not JSON',
  'a numeric next_page_token',
  'privileges sent as a string',
  'an app detail without app_scopes',
  'a token answer that is null',
  'a 3 GB gzip bomb',
]

describe('hostile Zoom answers (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  let cleanRequests = 0

  before(async () => {
    scenario = scenarioFromSnapshot(example, creds)
    fake = await startFakeZoom(scenario)
    const output = join(tmp.dir, 'clean.json')
    const {code, stderr} = await runCli(['snapshot', '--output', output], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(0)
    cleanRequests = fake.requests.length
  })
  beforeEach(() => fake.reset())
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  // The whole table runs in-process (test/zoom/hostile-answers.test.ts); here a sample goes through the CLI.
  const sample = BAD_ANSWERS.filter((bad) => CLI_SAMPLE.includes(bad.name))
  it('the CLI sample is part of the table', () => expect(sample).to.have.length(CLI_SAMPLE.length))

  it('README "Reliability" quotes the table\'s size and the client\'s bounds', () => {
    const readme = readFileSync('README.md', 'utf8')
    const section = /### Reliability\n([\s\S]*?)\n### /.exec(readme)?.[1] ?? ''
    const n = BAD_ANSWERS.length
    expect(section).to.contain(`${n} kinds of malformed answer`)
    expect(section).to.contain(`${n} handled`)
    expect(section).to.match(
      new RegExp(`\\(\`--timeout\`, \`ZOOM_TIMEOUT\`\\) \\| ${DEFAULT_REQUEST_TIMEOUT_MS / 1000} s \\|`),
    )
    expect(section).to.match(new RegExp(`attempts per request, whatever the reason \\| ${DEFAULT_MAX_ATTEMPTS} \\|`))
    expect(section).to.contain(`| ${DEFAULT_MAX_BODY_BYTES / 1024 / 1024} MB, counted as it arrives |`)
  })
  for (const [index, bad] of sample.entries()) {
    it(`${bad.name}: exit 3 naming the endpoint and the place, no file written`, async () => {
      for (const fault of bad.faults) fake.inject(fault)
      const output = join(tmp.dir, `bad-${index}.json`)
      const started = Date.now()
      const {code, stderr} = await runCli(['snapshot', '--output', output], {env: liveEnv(fake, scenario)})
      const seconds = (Date.now() - started) / 1000
      expect(code, stderr).to.equal(3)
      expect(stderr).to.match(bad.message)
      expect(stderr.trim().split('\n'), stderr).to.have.length(1)
      expect(hasStackTrace(stderr)).to.equal(false)
      expect(fake.requests.length).to.be.at.most(cleanRequests)
      expect(seconds).to.be.lessThan(15)
      expect(existsSync(output)).to.equal(false)
    })
  }

  it('a listing that ends short of its total_records: a warning on stderr and in the snapshot and report', async () => {
    fake.inject(mutate(USERS, (b) => ({...b, total_records: (b.total_records as number) + 5}), Infinity))
    const output = join(tmp.dir, 'short.json')
    const {code, stderr} = await runCli(['snapshot', '--output', output], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(0)
    expect(stderr).to.match(
      /^Warning: Zoom's listing of GET \/users\?status=active ended with \d+ of the \d+ items its total_records announced/m,
    )
    const snapshot = JSON.parse(readFileSync(output, 'utf8'))
    expect(schemaProblems('snapshot', snapshot)).to.deep.equal([])
    expect(snapshot.account.warnings).to.have.length(3) // one per user status listed
    const audit = await runCli(['audit', '--snapshot', output, '--inventory', 'examples/inventory.json', '--json'])
    expect(audit.code, audit.stderr).to.equal(1)
    const report = JSON.parse(audit.stdout)
    expect(schemaProblems('report', report)).to.deep.equal([])
    expect(report.account.warnings).to.deep.equal(snapshot.account.warnings)
  })

  it('names from Zoom such as __proto__, constructor, toString and numbers are data: the snapshot reads back', async () => {
    const names = ['__proto__', 'constructor', 'toString', '123', 'hasOwnProperty']
    fake.inject(
      mutate(
        ROLE,
        (b) => ({
          ...b,
          name: 'constructor',
          privileges: [...names, ...((b.privileges as string[]) ?? [])],
          privilege_scopes: names.map((name) => ({permission_id: name, group_ids: ['g1']})),
        }),
        Infinity,
      ),
    )
    fake.inject(
      mutate(
        USERS,
        firstItem('users', (u) => ({...u, display_name: '__proto__', role_id: 'constructor'})),
        Infinity,
      ),
    )
    fake.inject(
      mutate(
        APP,
        (b) => ({...b, app_name: 'toString', app_scopes: [...(b.app_scopes as string[]), '__proto__']}),
        Infinity,
      ),
    )
    const output = join(tmp.dir, 'names.json')
    const {code, stderr} = await runCli(['snapshot', '--output', output], {env: liveEnv(fake, scenario)})
    expect(code, stderr).to.equal(0)
    const snapshot = JSON.parse(readFileSync(output, 'utf8'))
    expect(schemaProblems('snapshot', snapshot)).to.deep.equal([])
    const role = snapshot.roles.find((r: {id: string}) => r.id === '2')
    expect(Object.keys(role.privilegeScopes)).to.include.members(names)
    // The tool reads back what it wrote.
    const loaded = await loadSnapshot(output)
    expect(loaded.roles.find((r) => r.id === '2')?.name).to.equal('constructor')
    const audit = await runCli(['audit', '--snapshot', output, '--inventory', 'examples/inventory.json', '--json'])
    expect(audit.code, audit.stderr).to.be.oneOf([0, 1])
    expect(schemaProblems('report', JSON.parse(audit.stdout))).to.deep.equal([])
  })

  it('429 with Retry-After: 0 for ever: waits at least 1 s each time, stops after a bounded number of attempts', async () => {
    fake.inject({match: {endpoint: ROLES}, times: Infinity, fault: {kind: 'rate-limit', retryAfter: {raw: '0'}}})
    const output = join(tmp.dir, 'rate.json')
    const started = Date.now()
    const {code, stderr} = await runCli(['snapshot', '--output', output], {env: liveEnv(fake, scenario)})
    const seconds = (Date.now() - started) / 1000
    expect(code, stderr).to.equal(3)
    expect(stderr).to.match(/Zoom keeps rate-limiting GET \/roles: still HTTP 429 after 6 attempts; stopped\./)
    const limited = fake.requests.filter((r) => r.endpoint === ROLES)
    expect(limited).to.have.length(6)
    for (let i = 1; i < limited.length; i++) expect(limited[i]!.at - limited[i - 1]!.at).to.be.at.least(990)
    expect(seconds).to.be.within(5, 15)
    expect(existsSync(output)).to.equal(false)
  })

  it('a token URL that never answers: exit 3 within --timeout × attempts, naming the endpoint', async () => {
    fake.inject({match: {endpoint: TOKEN}, times: Infinity, fault: {kind: 'hang'}})
    const started = Date.now()
    const {code, stderr, stdout} = await runCli(['doctor', '--timeout', '1'], {env: liveEnv(fake, scenario)})
    const seconds = (Date.now() - started) / 1000
    expect(code, stderr).to.equal(3)
    expect(stdout + stderr).to.match(/did not answer POST \/oauth\/token in time after 3 retries/)
    expect(fake.requests.filter((r) => r.endpoint === TOKEN)).to.have.length(4)
    // Never a silent wait: each timed-out attempt is announced.
    expect(
      stderr.match(/^Warning: No answer from Zoom to POST \/oauth\/token within 1 s; trying again/gm),
    ).to.have.length(3)
    expect(seconds).to.be.lessThan(4 * 1 + 7 + 8) // 4 attempts of 1 s, backoff ≤ 1 + 2 + 4 s, start-up on a busy machine
  })

  it('an explicit API URL without /v2: a hint up front and in the error', async () => {
    const {code, stderr} = await runCli(['snapshot', '--output', join(tmp.dir, 'v2.json')], {
      env: liveEnv(fake, scenario, {ZOOM_API_URL: fake.url}),
    })
    expect(code, stderr).to.equal(3)
    expect(stderr).to.match(/^Warning: The API URL http:\/\/127\.0\.0\.1:\d+ does not end in \/v2/m)
    expect(stderr).to.match(/^Error: .*HTTP 404.* The API URL has no \/v2 in its path/m)
    // At most the calls in flight at once (sized from the default budget: business, 50 %).
    expect(fake.requests.filter((r) => r.status === 404).length).to.be.at.most(
      concurrencyFor(rateBudget('business', 50)),
    )
  })

  it('--max-body-mb lowers the cap (a 2 MB answer with --max-body-mb 1): exit 3', async () => {
    fake.inject({
      match: {endpoint: ROLES},
      fault: {kind: 'raw', body: JSON.stringify({roles: [], pad: 'x'.repeat(2 * 1024 * 1024)})},
    })
    const output = join(tmp.dir, 'cap.json')
    const {code, stderr} = await runCli(['snapshot', '--output', output, '--max-body-mb', '1'], {
      env: liveEnv(fake, scenario),
    })
    expect(code, stderr).to.equal(3)
    expect(stderr).to.match(/Zoom's answer to GET \/roles is larger than 1 MB/)
    expect(existsSync(output)).to.equal(false)
  })
})
