// `npm run bench`: speed and memory of the real CLI on a large account (Priya's: tens of thousands of users,
// hundreds of apps), against the fake Zoom API on 127.0.0.1. Targets live here, not in timed unit tests.
// Exit 1 when a target is missed.
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {generateScenario, startFakeZoom} from '../test/fake-zoom/index.js'

const USERS = Number(process.env.BENCH_USERS ?? 50_000)
const APPS = Number(process.env.BENCH_APPS ?? 500)
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))

interface Measure {
  name: string
  seconds: number
  maxRssMb: number
  code: number
  stderr: string
}

/** Runs the CLI under /usr/bin/time -v for wall time and peak memory. */
function measure(name: string, args: string[], env: Record<string, string>): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn('/usr/bin/time', ['-v', process.execPath, bin, ...args], {
      env: {...process.env, ...env, NO_COLOR: '1'},
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0)
      resolve({
        name,
        seconds,
        maxRssMb: rssKb / 1024,
        code: code ?? -1,
        stderr: stderr.split('\n\tCommand being timed')[0]!.trim(),
      })
    })
  })
}

// Live runs are paced by the client's rate budget (default: half of Zoom's Business limits), so their time targets
// leave room for ~700 MEDIUM calls at 30/s; the offline audit has no such excuse.
const targets: Array<{name: string; maxSeconds: number; maxRssMb: number}> = [
  {name: `snapshot (${USERS} users, ${APPS} apps)`, maxSeconds: 60, maxRssMb: 400},
  {name: 'audit --snapshot (json to file)', maxSeconds: 3, maxRssMb: 300},
  {name: 'audit --snapshot (csv to file)', maxSeconds: 3, maxRssMb: 300},
  {name: 'live audit (owners only)', maxSeconds: 40, maxRssMb: 300},
]

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zsa-bench-'))
  const scenario = generateScenario({users: USERS, apps: APPS, seed: 2026, pageCaps: {'GET /v2/users': 300}})
  const fake = await startFakeZoom(scenario)
  try {
    const env = {
      ZOOM_ACCOUNT_ID: scenario.credentials.accountId,
      ZOOM_CLIENT_ID: scenario.credentials.clientId,
      ZOOM_CLIENT_SECRET: scenario.credentials.clientSecret,
      ZOOM_API_URL: fake.apiUrl,
      ZOOM_OAUTH_URL: fake.oauthUrl,
    }
    // Owners: every 97th active user, so some hold the right roles and some do not.
    const active = scenario.users.filter((u) => u.status === 'active' && u.id)
    const inventory = {
      apps: scenario.apps.map((app, i) => ({id: app.app_id, owner: active[(i * 97) % active.length]!.email})),
    }
    const inventoryFile = join(dir, 'inventory.json')
    writeFileSync(inventoryFile, JSON.stringify(inventory))
    const snapshotFile = join(dir, 'snapshot.json')

    const results: Measure[] = []
    results.push(
      await measure(targets[0]!.name, ['snapshot', '--output', snapshotFile, '--inventory', inventoryFile], env),
    )
    results.push(
      await measure(
        targets[1]!.name,
        [
          'audit',
          '--snapshot',
          snapshotFile,
          '--inventory',
          inventoryFile,
          '--format',
          'json',
          '--output',
          join(dir, 'a.json'),
          '--fail-on',
          'none',
        ],
        {},
      ),
    )
    results.push(
      await measure(
        targets[2]!.name,
        [
          'audit',
          '--snapshot',
          snapshotFile,
          '--inventory',
          inventoryFile,
          '--format',
          'csv',
          '--output',
          join(dir, 'a.csv'),
          '--fail-on',
          'none',
        ],
        {},
      ),
    )
    results.push(
      await measure(
        targets[3]!.name,
        [
          'audit',
          '--inventory',
          inventoryFile,
          '--format',
          'json',
          '--output',
          join(dir, 'live.json'),
          '--fail-on',
          'none',
        ],
        env,
      ),
    )

    const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))
    console.log(
      `account: ${USERS} users, ${scenario.roles.length} roles, ${APPS} apps; report: ${report.summary.findings} findings, ${fake.requests.length} requests served`,
    )
    let failed = false
    for (const [i, r] of results.entries()) {
      const target = targets[i]!
      const ok = r.code === 0 && r.seconds <= target.maxSeconds && r.maxRssMb <= target.maxRssMb
      failed ||= !ok
      console.log(
        `${ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${r.seconds.toFixed(2).padStart(7)} s (≤ ${target.maxSeconds})  ${r.maxRssMb.toFixed(0).padStart(5)} MB (≤ ${target.maxRssMb})  exit ${r.code}  ${r.stderr.split('\n').at(-1)}`,
      )
    }
    process.exitCode = failed ? 1 : 0
  } finally {
    await fake.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

await main()
