// Errors say what went wrong in their message and what to do in their actions (the CLI as a subprocess, offline and
// against the fake Zoom API). For each case, run with --json and without: the code, no advice at the end of the
// message, the actions (one sentence each) where there is something to do, and the stderr line = message + actions.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import type {ErrorCode} from '../../src/errors.js'
import {scenarioFromSnapshot, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {runCli, runCliJson, type CliJsonResult, type CliResult} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const creds = {accountId: 'acme-4f9Kx2', clientId: 'auditorClientId', clientSecret: 'sEcReT-dont-print-me-42'}
const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as Record<string, unknown>
const inventory = ['--inventory', 'examples/inventory.json']
const offline = ['--snapshot', 'examples/snapshot.json', ...inventory]

/** What an action starts with; a message whose last clause starts so has kept its advice. */
const ADVICE = /^(run|use|add|try|check|see|give|take|drop|name|make|keep|write|raise|put|set|fix|exempt|please)\b/i

/** The message's last clause: after its last ". ", ": " or "; ", without an opening parenthesis. */
function lastClause(message: string): string {
  return message
    .split(/[.:;]\s+/)
    .at(-1)!
    .replace(/^\(/, '')
}

interface ErrorJson {
  error: {code: string; message: string; exitCode: number; actions?: unknown}
}

interface Case {
  name: string
  args: string[]
  code: ErrorCode
  /** The actions expected, exactly; none: the error has nothing to do and no `actions`. */
  actions: string[] | 'none'
  /** A live case: the fake's scenario (changed), faults to inject before each run, env over liveEnv. */
  live?: {
    scenario?: (scenario: FakeZoomScenario) => FakeZoomScenario
    setup?: (fake: FakeZoom) => void
    env?: (fake: FakeZoom) => Record<string, string>
  }
  env?: Record<string, string>
}

describe('errors: what went wrong in the message, what to do in actions (subprocess)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  const cases: Case[] = [
    // Input errors (exit 2).
    {
      name: 'a missing snapshot file',
      args: ['audit', '--snapshot', `${tmp.dir}/missing.json`, ...inventory],
      code: 'unreadable_file',
      actions: ['Check the path.'],
    },
    {
      name: 'a folder given as the snapshot',
      args: ['audit', '--snapshot', tmp.dir, ...inventory],
      code: 'unreadable_file',
      actions: ['Name the file, not its folder.'],
    },
    {
      name: 'a snapshot older than --max-age',
      args: ['audit', ...offline, '--max-age', '1d'],
      env: {SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)},
      code: 'snapshot_too_old',
      actions: ['Take a new snapshot (or audit live).'],
    },
    {
      name: 'a snapshot that is not JSON',
      args: ['audit', '--snapshot', tmp.write('broken.json', '{"schemaVersion": 1,,}'), ...inventory],
      code: 'malformed_json',
      actions: 'none',
    },
    {
      name: 'a snapshot that does not fit its schema',
      args: ['audit', '--snapshot', tmp.write('empty-snapshot.json', {schemaVersion: 1}), ...inventory],
      code: 'schema_invalid',
      actions: 'none',
    },
    {
      name: 'a CSV inventory row with a cell too many',
      args: [
        'audit',
        '--snapshot',
        'examples/snapshot.json',
        '--inventory',
        tmp.write('wide.csv', 'app_id,owner\nA1,a@example.com,extra\n'),
      ],
      code: 'wrong_row_width',
      actions: 'none',
    },
    {
      name: 'a CSV inventory row without an app_id',
      args: [
        'audit',
        '--snapshot',
        'examples/snapshot.json',
        '--inventory',
        tmp.write('no-id.csv', 'app_id,owner\n,a@example.com\n'),
      ],
      code: 'missing_app_id',
      actions: 'none',
    },
    {
      name: 'a snapshot to be written to a .csv file',
      args: ['snapshot', '--output', `${tmp.dir}/snapshot.csv`],
      code: 'usage',
      actions: ['Name the file .json.'],
    },
    {
      name: '--compare-last without --output-dir',
      args: ['audit', ...offline, '--compare-last'],
      code: 'usage',
      actions: ['Add --output-dir DIR.'],
    },
    {
      name: 'an inventory that lists an app twice',
      args: [
        'audit',
        '--snapshot',
        'examples/snapshot.json',
        '--inventory',
        tmp.write('twice.csv', 'app_id,owner\nA1,a@example.com\nA1,b@example.com\n'),
      ],
      code: 'duplicate_app',
      actions: ['Keep one.'],
    },
    {
      name: 'a baseline of another report version',
      args: ['audit', ...offline, '--baseline', tmp.write('v2-report.json', {schemaVersion: 2, findings: []})],
      code: 'baseline_version',
      actions: ['Run the audit again with --json to make a new baseline.'],
    },
    {
      name: 'an app neither in the snapshot nor given scopes',
      args: ['transfer', 'check', '--app', 'aNotHere01', '--to', 'bob.martin@acme.example', ...offline],
      code: 'app_not_found',
      actions: ['Check the id, or give the app\'s scopes with --scopes (or in the inventory\'s "scopes").'],
    },
    {
      name: 'a --from that names no one',
      args: ['transfer', 'plan', '--from', 'nobody@acme.example', ...offline],
      code: 'user_not_found',
      actions: ['Check the email or Zoom user id.'],
    },
    {
      name: '--max-age that is no age',
      args: ['audit', ...offline, '--max-age', 'a week'],
      code: 'usage',
      actions: ['Write a number and d, h or m (8d, 36h, 90m).'],
    },
    {
      name: 'a live run without credentials',
      args: ['audit', ...inventory],
      code: 'missing_credentials',
      actions: [
        "Give the Server-to-Server OAuth app's Account ID, Client ID and Client Secret in ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.",
      ],
    },
    // Zoom errors (exit 3), against the fake.
    {
      name: 'a wrong client secret',
      args: ['audit', ...inventory],
      live: {env: () => ({ZOOM_CLIENT_SECRET: 'wrong-secret'})},
      code: 'zoom_auth_failed',
      actions: [
        'Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and that the Server-to-Server OAuth app is activated.',
      ],
    },
    {
      name: "the auditor's app lacks the role scopes",
      args: ['audit', ...inventory],
      live: {scenario: (s) => ({...s, tokenScopes: s.tokenScopes.filter((scope) => !scope.startsWith('role:'))})},
      code: 'zoom_missing_scopes',
      actions: ['Add it to the Server-to-Server OAuth app (ZOOM_CLIENT_ID) on marketplace.zoom.us and run again.'],
    },
    {
      name: "the roles list's daily limit is used up",
      args: ['audit', ...inventory],
      live: {
        setup: (fake) =>
          fake.inject({
            match: {endpoint: 'GET /v2/roles'},
            times: Infinity,
            // A fixed reset time: both runs print the same line.
            fault: {kind: 'rate-limit', retryAfter: {raw: '2099-01-01T00:00:00Z'}, daily: true},
          }),
      },
      code: 'zoom_daily_limit',
      actions: ['Run again after that.'],
    },
    {
      name: 'an answer larger than --max-body-mb',
      args: ['audit', ...inventory, '--max-body-mb', '1'],
      live: {
        setup: (fake) =>
          fake.inject({match: {endpoint: 'GET /v2/roles'}, times: Infinity, fault: {kind: 'gzip-bomb', megabytes: 3}}),
      },
      code: 'zoom_answer_too_large',
      actions: ['If the account really is that large, raise the limit with --max-body-mb.'],
    },
    {
      name: 'a Zoom that does not answer in time',
      args: ['audit', ...inventory, '--timeout', '1'],
      live: {
        setup: (fake) => fake.inject({match: {endpoint: 'GET /v2/roles'}, times: Infinity, fault: {kind: 'hang'}}),
      },
      code: 'zoom_timeout',
      actions: ['Try again later, or allow each request more time with --timeout.'],
    },
    {
      name: 'an unreachable proxy',
      args: ['audit', ...inventory],
      live: {env: () => ({HTTP_PROXY: 'http://127.0.0.1:1'})},
      code: 'zoom_unreachable',
      actions: ['Check HTTPS_PROXY / HTTP_PROXY (or exempt the host with NO_PROXY).'],
    },
    {
      name: 'an answer that is not what Zoom documents',
      args: ['audit', ...inventory],
      live: {
        setup: (fake) =>
          fake.inject({
            match: {endpoint: 'GET /v2/roles'},
            times: Infinity,
            fault: {kind: 'mutate', mutate: () => ({roles: 'none'})},
          }),
      },
      code: 'zoom_bad_answer',
      actions: 'none',
    },
  ]

  /** What a case printed: with --json and without (run at the same time: they are independent). */
  interface Outcome {
    asJson: CliJsonResult<ErrorJson>
    plain: CliResult
  }

  async function runCase(c: Case): Promise<Outcome> {
    const scenario = scenarioFromSnapshot(example, creds)
    const fake = c.live ? await startFakeZoom(c.live.scenario ? c.live.scenario(scenario) : scenario) : undefined
    try {
      const env: Record<string, string> = {
        ...(fake ? {...liveEnv(fake, scenario), ...c.live?.env?.(fake)} : {}),
        ...c.env,
      }
      // Every fault is for all matching requests (times: Infinity), so both runs meet it.
      if (fake) c.live?.setup?.(fake)
      const [asJson, plain] = await Promise.all([
        runCliJson<ErrorJson>([...c.args, '--json'], {env}),
        runCli(c.args, {env}),
      ])
      return {asJson, plain}
    } finally {
      await fake?.close()
    }
  }

  // The cases run a few at a time from the start, each test waiting for its own: most of this file's time is spent
  // waiting (retries with backoff after timeouts and refused connections), not computing. Settled, so that a case that
  // fails is reported by its own test, not as an unhandled rejection.
  const CASES_AT_ONCE = 3
  const outcomes = new Map<Case, Promise<PromiseSettledResult<Outcome>>>()
  before(() => {
    let next = 0
    const started: Array<() => void> = []
    // The live cases first: they do the waiting, and the offline ones fill the cores meanwhile.
    for (const c of [...cases.filter((c) => c.live), ...cases.filter((c) => !c.live)]) {
      outcomes.set(
        c,
        new Promise<void>((resolve) => started.push(resolve))
          .then(() => runCase(c))
          .then(
            (value) => ({status: 'fulfilled', value}) as const,
            (reason: unknown) => ({status: 'rejected', reason}) as const,
          )
          .finally(() => started[next++]?.()),
      )
    }
    for (; next < Math.min(CASES_AT_ONCE, started.length); next++) started[next]!()
  })

  for (const c of cases) {
    it(`${c.name}: ${c.code}, ${c.actions === 'none' ? 'no actions' : 'what to do in actions'}`, async () => {
      const outcome = await outcomes.get(c)!
      if (outcome.status === 'rejected') throw outcome.reason
      const {asJson, plain} = outcome.value
      const {error} = asJson.json
      expect(error, asJson.stdout).to.be.an('object')
      expect(error.code, error.message).to.equal(c.code)
      expect(asJson.code).to.equal(c.code.startsWith('zoom_') ? 3 : 2)
      expect(error.exitCode).to.equal(asJson.code)
      expect(plain.code).to.equal(asJson.code)

      const actions = c.actions === 'none' ? [] : c.actions
      if (c.actions === 'none') expect(error).not.to.have.property('actions')
      else expect(error.actions).to.deep.equal(c.actions)
      for (const action of actions) expect(action, 'one sentence').to.match(/^[A-Z][^\n]*[.)]$/)
      // --json's message is the whole line; what went wrong is what comes before the actions.
      const tail = actions.length > 0 ? ` ${actions.join(' ')}` : ''
      expect(error.message.endsWith(tail), error.message).to.equal(true)
      const said = error.message.slice(0, error.message.length - tail.length)
      expect(lastClause(said), said).not.to.match(ADVICE)
      expect(said, 'one line').not.to.include('\n')
      // Without --json: one line on stderr, the message and then the actions.
      const lines = plain.stderr.split('\n').filter((line) => line.startsWith('Error: '))
      expect(lines, plain.stderr).to.deep.equal([`Error: ${[said, ...actions].join(' ')}`])
    })
  }
})
