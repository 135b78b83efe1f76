// `npm run bench`: the real CLI, as separate processes, against the fake Zoom with Business limits enforced per
// rate-limit label, compared with the bound Zoom allows (src/snapshot/call-plan.ts) and with the script an admin
// would write (bench/naive.ts). Prints every run and the targets with PASS/FAIL; writes bench/results.json.
// Options: --quick (2 000 users, no naive run at 20 000, 3 start-up runs), --sizes 2000,20000, --no-naive,
// --startup-only, --offline-only, --only snapshot (live runs of that command only, e.g. `--only 'transfer
// candidates'`; no start-up runs), --repeat N (each live run N times), --bin A,B (other bin/run.js files, e.g.
// main's, run interleaved with this one: compare old and new code on a loaded machine). Only a run without options
// writes bench/results.json. Exit 1 when a target is missed.
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, tmpdir, totalmem} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {matrixFromFlags} from '../src/cli/matrix-from-flags.js'
import {roleCoverage, scopeNeeds} from '../src/ownership/coverage.js'
import {planAccount, planActiveUsers, type AccountShape} from '../src/snapshot/call-plan.js'
import {toSnapshotRole} from '../src/snapshot/snapshot-role.js'
import {ENDPOINT_LABELS} from '../src/zoom/endpoints.js'
import {rateBudget} from '../src/zoom/rate-plans.js'
import {generateScenario, startFakeZoom, type FakeZoomScenario} from '../test/fake-zoom/index.js'
import {OFFLINE_CASES, writeOfflineFixture, type OfflineCase} from './offline-fixture.js'

const {values: args} = parseArgs({
  options: {
    quick: {type: 'boolean', default: false},
    sizes: {type: 'string'},
    'no-naive': {type: 'boolean', default: false},
    'startup-only': {type: 'boolean', default: false},
    'offline-only': {type: 'boolean', default: false},
    only: {type: 'string'},
    repeat: {type: 'string', default: '1'},
    bin: {type: 'string'},
  },
})
const SIZES = args.sizes ? args.sizes.split(',').map(Number) : args.quick ? [2000] : [2000, 20_000, 100_000]
const NAIVE_SIZES = args['no-naive'] || args.only ? [] : args.quick ? [2000] : [2000, 20_000]
const STARTUP_RUNS = args.quick ? 3 : 7
const APPS = 300
const ROLES = 50
const BUSINESS = {LIGHT: 80, MEDIUM: 60, HEAVY: 40} as const
const budget = rateBudget('business', 100)
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin/run.js')
const bins = [bin, ...(args.bin ? args.bin.split(',') : [])]
const REPEAT = Number(args.repeat)
const fullRun =
  !args.quick &&
  args.sizes === undefined &&
  !args['no-naive'] &&
  !args['startup-only'] &&
  !args['offline-only'] &&
  args.only === undefined &&
  args.bin === undefined &&
  REPEAT === 1

interface Measured {
  code: number
  wallS: number
  peakRssMb: number
  /** User + system CPU seconds (disturbed less by other jobs than wall time). */
  cpuS: number
  stdout: string
}

/** One process under /usr/bin/time -v: wall time from spawn to exit, peak RSS. */
function measure(command: string[], env: Record<string, string> = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('/usr/bin/time', ['-v', ...command], {cwd: root, env: {...process.env, ...env, NO_COLOR: '1'}})
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0)
      const status = Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code ?? -1)
      if (status > 1) process.stderr.write(stderr.split('\tCommand being timed')[0]!)
      const seconds = (what: string) =>
        Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0)
      const cpuS = seconds('User') + seconds('System')
      resolve({code: status, wallS: (performance.now() - started) / 1000, peakRssMb: rssKb / 1024, cpuS, stdout})
    })
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

interface LiveRun {
  name: string
  users: number
  code: number
  wallS: number
  peakRssMb: number
  calls: number
  byEndpoint: Record<string, number>
  byLabel: Record<string, number>
  rateLimited: number
  boundS: number
  plan: string
  ratio: number
  cpuS: number
  bin: string
}

const results: {machine: string; date: string; live: LiveRun[]; naive: unknown[]; startup: unknown; offline?: unknown} =
  {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    date: new Date().toISOString(),
    live: [],
    naive: [],
    startup: {},
  }
const targets: Array<{name: string; ok: boolean; detail: string}> = []
const target = (name: string, ok: boolean, detail: string) => targets.push({name, ok, detail})

async function liveRuns(users: number, dir: string): Promise<void> {
  const scenario = generateScenario({users, apps: APPS, roles: ROLES, seed: 2026, pageCaps: {'GET /v2/users': 300}})
  const fake = await startFakeZoom(scenario, {labelLimits: BUSINESS})
  try {
    const env = {
      ZOOM_ACCOUNT_ID: scenario.credentials.accountId,
      ZOOM_CLIENT_ID: scenario.credentials.clientId,
      ZOOM_CLIENT_SECRET: scenario.credentials.clientSecret,
      ZOOM_API_URL: fake.apiUrl,
      ZOOM_OAUTH_URL: fake.oauthUrl,
      OCLIF_COLUMNS: '500',
    }
    const active = scenario.users.filter((u) => u.status === 'active' && u.id)
    // Owners: every 97th active user, so some hold the right roles and some do not.
    const inventory = {
      apps: scenario.apps.map((app, i) => ({id: app.app_id, owner: active[(i * 97) % active.length]!.email})),
    }
    const inventoryFile = join(dir, `inventory-${users}.json`)
    writeFileSync(inventoryFile, JSON.stringify(inventory))
    const count = (status: string) => scenario.users.filter((u) => u.status === status).length
    const shapeBase = {
      users: {active: count('active'), inactive: count('inactive'), pending: count('pending')},
      roles: scenario.roles.length,
      apps: scenario.apps.filter((a) => a.listed !== false).length,
    }
    const runs: Array<[string, string[], (details: number) => AccountShape | Promise<Bound>]> = [
      [
        'audit',
        ['audit', '--inventory', inventoryFile, '--format', 'json', '--output', join(dir, 'audit.json')],
        (details) => ({...shapeBase, need: new Set(inventory.apps.map((a) => a.owner)).size, appDetails: details}),
      ],
      [
        'snapshot',
        ['snapshot', '--inventory', inventoryFile, '--output', join(dir, 'snapshot.json')],
        (details) => ({...shapeBase, need: 'all', appDetails: details}),
      ],
      [
        'transfer candidates',
        ['transfer', 'candidates', '--app', scenario.apps[0]!.app_id, '--json'],
        () => candidatesBound(scenario),
      ],
    ]
    const chosen = runs.filter(([name]) => args.only === undefined || name === args.only)
    const repeated = chosen.flatMap((run) =>
      // Each round starts with the next build in turn: whichever runs first after a pause fares differently.
      Array.from({length: REPEAT}, (_, round) =>
        bins.map((_, i) => [...run, bins[(i + round) % bins.length]!] as const),
      ).flat(),
    )
    for (const [name, argv, shapeOf, bin] of repeated) {
      const from = fake.requests.length
      const measured = await measure(
        [process.execPath, bin, ...argv, '--rate-budget', '100', '--fail-on', 'none'].filter(
          (arg, i, all) => !(name !== 'audit' && (arg === '--fail-on' || all[i - 1] === '--fail-on')),
        ),
        env,
      )
      const served = fake.requests.slice(from).filter((r) => r.path.startsWith('/v2/'))
      const byEndpoint: Record<string, number> = {}
      const byLabel: Record<string, number> = {}
      for (const r of served) {
        byEndpoint[r.endpoint] = (byEndpoint[r.endpoint] ?? 0) + 1
        const label = labelOf(r.endpoint)
        byLabel[label] = (byLabel[label] ?? 0) + 1
      }
      const details = served.filter((r) => r.endpoint === 'GET /v2/marketplace/apps/{appId}').length
      const shape = await shapeOf(details)
      const plan =
        'users' in shape && 'boundMs' in shape ? (shape as Bound) : planAccount(shape as AccountShape, budget)
      const boundS = plan.boundMs / 1000
      const run: LiveRun = {
        name,
        users,
        code: measured.code,
        wallS: measured.wallS,
        peakRssMb: measured.peakRssMb,
        calls: served.length,
        byEndpoint,
        byLabel,
        rateLimited: served.filter((r) => r.status === 429).length,
        boundS,
        plan: plan.users,
        ratio: measured.wallS / boundS,
        cpuS: measured.cpuS,
        bin,
      }
      results.live.push(run)
      console.log(
        `${name.padEnd(20)} ${String(users).padStart(6)} users  ${measured.wallS.toFixed(2)} s  bound ${boundS.toFixed(2)} s (${plan.users})  ×${run.ratio.toFixed(2)}  ${measured.peakRssMb.toFixed(0)} MB  cpu ${measured.cpuS.toFixed(2)} s  ${run.calls} calls ${JSON.stringify(byLabel)}  429s ${run.rateLimited}  exit ${measured.code}`,
      )
      console.log(`${' '.repeat(22)}${JSON.stringify(byEndpoint)}${bins.length > 1 ? `  ${bin}` : ''}`)
    }
    if (NAIVE_SIZES.includes(users)) {
      const from = fake.requests.length
      const measured = await measure(
        [process.execPath, '--import', 'tsx', join(root, 'bench/naive.ts'), inventoryFile],
        env,
      )
      // The script reports how many (active) users it listed: kept apart from the account's size, which names the run.
      const {users: usersListed, ...reported} = JSON.parse(measured.stdout || '{}') as {users?: number}
      const naive = {
        users,
        usersListed,
        wallS: measured.wallS,
        calls: fake.requests.length - from - 1,
        ...reported,
      }
      results.naive.push(naive)
      console.log(
        `naive script         ${String(users).padStart(6)} users  ${measured.wallS.toFixed(2)} s  ${naive.calls} calls`,
      )
    }
    target(
      `no request to a label before the Retry-After of its 429 (${users} users)`,
      fake.violations.length === 0,
      fake.violations.slice(0, 2).join('; ') || 'none',
    )
  } finally {
    await fake.close()
  }
}

interface Bound {
  users: string
  boundMs: number
}

/**
 * transfer candidates needs the active users of the roles that keep every scope of the app: the smallest bound of
 * the plans that read them — every active user in one listing, or each qualifying role's active members
 * (docs/rate-limits.md) — from the scenario's true numbers (active members per role, not total_members, which
 * counts inactive members too and would make the by-role bound easier).
 */
async function candidatesBound(scenario: FakeZoomScenario): Promise<Bound> {
  const matrix = await matrixFromFlags({matrix: [], 'builtin-matrix': true})
  const needs = scopeNeeds(matrix, scenario.apps[0]!.app_scopes ?? [])
  const active = scenario.users.filter((u) => u.status === 'active')
  const members = new Map<string, number>()
  for (const user of active) members.set(user.role_id, (members.get(user.role_id) ?? 0) + 1)
  const {plans} = planActiveUsers({
    activeUsers: active.length,
    roles: scenario.roles.map((role) => ({
      members: members.get(role.id) ?? 0,
      qualifies: roleCoverage(matrix, toSnapshotRole(role, role.id, role.name), needs).covers,
    })),
    others: {MEDIUM: 2, LIGHT: scenario.roles.length},
    budget,
  })
  return plans['by-role'].boundMs < plans.listing.boundMs ? plans['by-role'] : plans.listing
}

function labelOf(endpoint: string): string {
  const templated = endpoint.replace(/^GET \/v2/, 'GET ')
  return (ENDPOINT_LABELS as Record<string, string>)[templated] ?? '?'
}

async function startup(): Promise<void> {
  // Start-ups are short and this machine is shared: interleaved runs, many of them, medians; one unmeasured round
  // first so every file is in the page cache.
  const rounds = args.quick ? STARTUP_RUNS : 3 * STARTUP_RUNS
  const runs = {node: [] as number[], version: [] as number[], audit: [] as number[]}
  const cpu = {node: [] as number[], version: [] as number[], audit: [] as number[]}
  for (let i = -1; i < rounds; i++) {
    const node = await measure([process.execPath, '-e', '0'])
    const version = await measure([process.execPath, bin, '--version'])
    const audit = await measure([
      process.execPath,
      bin,
      'audit',
      '--snapshot',
      'examples/snapshot.json',
      '--inventory',
      'examples/inventory.json',
    ])
    if (i < 0) continue
    runs.node.push(node.wallS)
    runs.version.push(version.wallS)
    runs.audit.push(audit.wallS)
    cpu.node.push(node.cpuS)
    cpu.version.push(version.cpuS)
    cpu.audit.push(audit.cpuS)
  }
  // CPU time (user + system) is disturbed less by other jobs than wall time: printed beside it, the targets use wall.
  const cpuRatio = (what: 'version' | 'audit') => median(cpu[what]) / Math.max(median(cpu.node), 0.01)
  const node = median(runs.node)
  const version = median(runs.version) / node
  const audit = median(runs.audit) / node
  results.startup = {
    runs: rounds,
    nodeS: node,
    versionS: median(runs.version),
    auditS: median(runs.audit),
    version,
    audit,
    cpu: {nodeS: median(cpu.node), version: cpuRatio('version'), audit: cpuRatio('audit')},
  }
  console.log(
    `start-up (median of ${rounds}): node -e 0 ${node.toFixed(3)} s, --version ×${version.toFixed(2)}, example audit ×${audit.toFixed(2)}; CPU: node -e 0 ${median(cpu.node).toFixed(2)} s, --version ×${cpuRatio('version').toFixed(2)}, example audit ×${cpuRatio('audit').toFixed(2)}`,
  )
  target('--version ≤ 2.5 × node -e 0', version <= 2.5, `×${version.toFixed(2)}`)
  target("the example's offline audit ≤ 3 × node -e 0", audit <= 3, `×${audit.toFixed(2)}`)
}

/**
 * 10 000 apps × 50 scopes, 100 000 users: an offline audit from files, JSON report to a file (median of three runs).
 * The target is the typical account (bench/offline-fixture.ts); the account where every app is at risk is shown for
 * its cost. Beside each, the floor on this machine: a bare node process that only reads and parses the same two input
 * files and writes as many bytes as the report has. No audit, in any Node program, is faster than that.
 */
async function offline(dir: string): Promise<void> {
  const runs: Array<{
    case: OfflineCase
    wallS: number
    cpuS: number
    peakRssMb: number
    code: number
    summary: string
    floorS: number
    reportMb: number
  }> = []
  const output = join(dir, 'big.json')
  for (const which of OFFLINE_CASES) {
    const fixture = await writeOfflineFixture(dir, which)
    const audits: Measured[] = []
    const floors: Measured[] = []
    let summary = ''
    let reportBytes = 0
    for (let round = 0; round < 3; round++) {
      audits.push(
        await measure([
          process.execPath,
          bin,
          'audit',
          '--snapshot',
          fixture.snapshot,
          '--inventory',
          fixture.inventory,
          '--format',
          'json',
          '--output',
          output,
          '--fail-on',
          'none',
        ]),
      )
      const text = readFileSync(output, 'utf8')
      reportBytes = Buffer.byteLength(text)
      const report = JSON.parse(text) as {summary: {appsAtRisk: number; findings: number}}
      summary = `${report.summary.appsAtRisk} apps at risk, ${report.summary.findings} findings`
      rmSync(output, {force: true})
      floors.push(
        await measure([
          process.execPath,
          '-e',
          FLOOR,
          fixture.snapshot,
          fixture.inventory,
          output,
          String(reportBytes),
        ]),
      )
      rmSync(output, {force: true})
    }
    const mid = (xs: Measured[], key: 'wallS' | 'cpuS' | 'peakRssMb') => median(xs.map((m) => m[key]))
    const run = {
      case: which,
      wallS: mid(audits, 'wallS'),
      cpuS: mid(audits, 'cpuS'),
      peakRssMb: mid(audits, 'peakRssMb'),
      code: Math.max(...audits.map((m) => m.code)),
      summary,
      floorS: mid(floors, 'wallS'),
      reportMb: reportBytes / 1e6,
    }
    runs.push(run)
    console.log(
      `offline audit 10 000 apps × 50 scopes, 100 000 users, ${which} (${summary}, ${run.reportMb.toFixed(0)} MB report): ` +
        `${run.wallS.toFixed(2)} s (CPU ${run.cpuS.toFixed(2)} s), ${run.peakRssMb.toFixed(0)} MB, exit ${run.code}; ` +
        `floor (node reading and parsing the inputs, writing ${run.reportMb.toFixed(0)} MB) ${run.floorS.toFixed(2)} s`,
    )
  }
  results.offline = runs
  const typical = runs.find((r) => r.case === 'typical')!
  target(
    'offline audit of 10 000 apps × 50 scopes against 100 000 users < 1 s',
    typical.code === 0 && typical.wallS < 1,
    `${typical.wallS.toFixed(2)} s (floor on this machine ${typical.floorS.toFixed(2)} s)`,
  )
}

/**
 * The floor of an offline audit: read and JSON.parse the snapshot and the inventory (argv 1, 2), then write argv 4
 * bytes to argv 3 in 1 MB writes. Everything the tool must do and nothing it chooses to.
 */
const FLOOR = `
const fs = require('node:fs')
const [snapshot, inventory, output, bytes] = process.argv.slice(1)
JSON.parse(fs.readFileSync(snapshot, 'utf8'))
JSON.parse(fs.readFileSync(inventory, 'utf8'))
const block = Buffer.alloc(1 << 20, 32)
const fd = fs.openSync(output, 'w')
for (let left = Number(bytes); left > 0; left -= block.length) fs.writeSync(fd, block, 0, Math.min(left, block.length))
fs.closeSync(fd)
`

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zsa-bench-'))
  try {
    console.log(`machine: ${results.machine}; ${results.date}`)
    if (args['offline-only']) await offline(dir)
    else {
      if (args.only === undefined) await startup()
      if (!args['startup-only']) {
        for (const users of SIZES) await liveRuns(users, dir)
        if (!args.quick && args.only === undefined) await offline(dir)
      }
    }
    for (const run of results.live.filter((r) => r.users === 20_000 && r.name !== 'snapshot'))
      target(
        `${run.name} at 20 000 users: wall ≤ 1.2 × bound`,
        run.code === 0 && run.ratio <= 1.2,
        `×${run.ratio.toFixed(2)}`,
      )
    const naive20 = results.naive.find((n) => (n as {users: number}).users === 20_000) as {calls: number} | undefined
    const transfer20 = results.live.find((r) => r.users === 20_000 && r.name === 'transfer candidates')
    if (naive20 && transfer20)
      target(
        'transfer candidates at 20 000 users: ≥ 50 × fewer calls than the naive script',
        naive20.calls >= 50 * transfer20.calls,
        `${naive20.calls} vs ${transfer20.calls}`,
      )
    for (const run of results.live.filter((r) => r.users === 100_000))
      target(`${run.name} at 100 000 users: peak RSS ≤ 250 MB`, run.peakRssMb <= 250, `${run.peakRssMb.toFixed(0)} MB`)
    console.log('')
    for (const t of targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`)
    // Only a full run replaces bench/results.json: a partial one would leave out what it did not measure.
    if (fullRun) writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify({...results, targets}, null, 2)}\n`)
    else console.log('(a partial run: bench/results.json left as it is)')
    process.exitCode = targets.every((t) => t.ok) ? 0 : 1
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

await main()
