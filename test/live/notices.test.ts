// The notes of a live run: what the Zoom client has to say (a listing shorter than announced, a long 429 wait) and
// what the command says about its flags (--max-age on a live run) reach stderr and, with --json, `notes` — one
// path, the command's note(). And the account is read while the files load: a bad file still wins (exit 2).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {hasStackTrace, runCli, runCliJson} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}
const inventoryArgs = ['--inventory', 'examples/inventory.json']

describe('live notes: Zoom client notices and ignored flags in --json notes (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom

  before(async () => {
    scenario = scenarioFromSnapshot(JSON.parse(readFileSync('examples/snapshot.json', 'utf8')), creds)
    fake = await startFakeZoom(scenario)
  })
  beforeEach(() => fake.reset())
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  it('a short listing, a long 429 wait and --max-age on a live run: on stderr and in notes, once each', async () => {
    // The role list announces three more roles than it holds; one role read is told to come back in 3 s.
    fake.inject({
      match: {endpoint: 'GET /v2/roles'},
      fault: {
        kind: 'mutate',
        mutate: (body) => {
          const page = body as {total_records: number}
          return {...page, total_records: page.total_records + 3}
        },
      },
    })
    fake.inject({match: {endpoint: 'GET /v2/roles/{roleId}'}, fault: {kind: 'rate-limit', retryAfter: 3}})
    const {code, json, stderr} = await runCliJson<{notes: string[]}>(
      ['audit', ...inventoryArgs, '--json', '--max-age', '8d'],
      {env: liveEnv(fake, scenario)},
    )
    expect(code, stderr).to.equal(1)
    const roles = scenario.roles.length
    const expected = [
      'Note: --max-age 8d was not checked: it applies to a --snapshot file, and this run read the account live from Zoom.',
      `Warning: Zoom's listing of GET /roles ended with ${roles} of the ${roles + 3} items its total_records announced; the snapshot may miss some (did the account change while it was read?).`,
      'Warning: Zoom rate-limited GET /roles/{roleId}; waiting 3 s as it asked before trying again.',
    ]
    expect(json.notes).to.have.members(expected)
    for (const note of expected) expect(stderr.split('\n').filter((line) => line === note)).to.have.length(1)
    // Calls queued behind their label's budget or the 429 are not "still waiting for Zoom's answer".
    expect(stderr).not.to.include('Still waiting')
  })

  it('--max-age with --snapshot still checks and adds no note', async () => {
    const {code, json} = await runCliJson<{notes: string[]}>(
      ['audit', '--snapshot', 'examples/snapshot.json', ...inventoryArgs, '--json', '--max-age', '9999d'],
      {env: {SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)}},
    )
    expect(code).to.equal(1)
    expect(json.notes).to.deep.equal([])
  })

  for (const [what, args, message] of [
    [
      'a missing matrix file',
      [...inventoryArgs, '--matrix', join('no-such-dir', 'matrix.json')],
      /no-such-dir\/matrix\.json/,
    ],
    ['an inventory that is not JSON', ['--inventory', 'README.md'], /README\.md/],
  ] as const) {
    it(`${what} while the account is being read live: exit 2 with the file's own error, no stack trace`, async () => {
      const started = Date.now()
      const {code, stdout, stderr} = await runCli(['audit', ...args], {env: liveEnv(fake, scenario)})
      expect(code, stderr).to.equal(2)
      expect(stderr).to.match(message)
      expect(stderr.trim().split('\n')).to.have.length(1)
      expect(hasStackTrace(stderr)).to.equal(false)
      expect(stdout).to.equal('')
      // Nothing waits for the fetch that was under way.
      expect(Date.now() - started).to.be.lessThan(20_000)
    })
  }
})
