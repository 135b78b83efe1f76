// Start the fake Zoom API by hand or for the benchmark:
//   npx tsx test/fake-zoom/cli.ts scenario.json [--port N] [--json]
//   npx tsx test/fake-zoom/cli.ts --generate users=5000,apps=300,seed=1[,roles=10] [--port N] [--json]
// Prints the URLs and the scenario's S2S credentials, then serves until SIGINT/SIGTERM.
import {generateScenario, loadScenario} from './scenario.js'
import {startFakeZoom} from './server.js'
import type {FakeZoomScenario} from './types.js'

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`)
  process.stderr.write(
    'usage: tsx test/fake-zoom/cli.ts (SCENARIO.json | --generate users=N,apps=N,seed=S[,roles=N]) [--port N] [--json]\n',
  )
  process.exit(2)
}

const args = process.argv.slice(2)
let file: string | undefined
let generate: string | undefined
let port = 0
let json = false
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--port') {
    const v = args[++i]
    if (v === undefined || !/^\d+$/.test(v)) usage('--port needs a number')
    port = Number(v)
  } else if (a.startsWith('--port=')) port = Number(a.slice(7))
  else if (a === '--generate') generate = args[++i] ?? usage('--generate needs users=N,apps=N,seed=S')
  else if (a === '--json') json = true
  else if (a === '--help' || a === '-h') usage()
  else if (a.startsWith('-')) usage(`unknown option ${a}`)
  else if (file === undefined) file = a
  else usage('only one scenario file')
}
if ((file === undefined) === (generate === undefined)) usage('give a scenario file or --generate')

let scenario: FakeZoomScenario
if (generate !== undefined) {
  const o = Object.fromEntries(generate.split(',').map((kv) => kv.split('=') as [string, string]))
  if (o.users === undefined || o.apps === undefined || o.seed === undefined)
    usage('--generate needs users, apps and seed')
  scenario = generateScenario({
    users: Number(o.users),
    apps: Number(o.apps),
    seed: /^\d+$/.test(o.seed) ? Number(o.seed) : o.seed,
    roles: o.roles === undefined ? undefined : Number(o.roles),
  })
} else scenario = loadScenario(file!)

const fake = await startFakeZoom(scenario, {port})
const info = {
  url: fake.url,
  apiUrl: fake.apiUrl,
  oauthUrl: fake.oauthUrl,
  accountId: scenario.credentials.accountId,
  clientId: scenario.credentials.clientId,
  clientSecret: scenario.credentials.clientSecret,
  users: scenario.users.length,
  roles: scenario.roles.length,
  apps: scenario.apps.length,
}
if (json) process.stdout.write(`${JSON.stringify(info)}\n`)
else for (const [k, v] of Object.entries(info)) process.stdout.write(`${k}=${v}\n`)

const stop = (): void => {
  void fake.close().then(() => {
    process.stderr.write(`fake-zoom: ${fake.requests.length} requests, ${fake.violations.length} violations\n`)
    for (const v of fake.violations) process.stderr.write(`  violation: ${v}\n`)
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
