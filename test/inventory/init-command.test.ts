// `inventory init` as a subprocess: from the example snapshot and live from the fake Zoom API; the template loads
// back, its audit reports every app owner-unknown, --merge keeps what the admin filled in.
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {loadInventory} from '../../src/inventory/load.js'
import {EXAMPLE_CREDENTIALS, serveExampleAccount} from '../helpers/example-zoom.js'
import {onlyReads} from '../helpers/live-env.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {
  apps: Array<{id: string; name: string; scopes: string[]}>
}
const byName = [...example.apps].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
const snap = ['--snapshot', 'examples/snapshot.json']

describe('inventory init (subprocess)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  for (const ext of ['json', 'csv']) {
    it(`from a snapshot → ${ext}: every app, empty owners, the account's scopes; loads back; 0600; summary on stderr`, async () => {
      const file = join(tmp.dir, `fresh.${ext}`)
      const {code, stdout, stderr} = await runCli(['inventory', 'init', ...snap, '--output', file])
      expect(code, stderr).to.equal(0)
      expect(stdout).to.equal('')
      expect(stderr).to.equal(`15 apps → ${file}; fill in the owner column, then run audit --inventory ${file}\n`)
      expect(statSync(file).mode & 0o777).to.equal(0o600)
      const inventory = await loadInventory(file)
      expect(inventory.apps).to.deep.equal(
        byName.map((a) => ({
          id: a.id,
          name: a.name,
          owner: '',
          ...(ext === 'csv' && a.scopes.length === 0 ? {} : {scopes: a.scopes}),
        })),
      )
    })
  }

  it('the audit of a fresh template: every app owner-unknown, exit 1', async () => {
    const file = join(tmp.dir, 'audit-me.csv')
    expect((await runCli(['inventory', 'init', ...snap, '--output', file])).code).to.equal(0)
    const {code, stdout} = await runCli(['audit', ...snap, '--inventory', file, '--json'])
    expect(code).to.equal(1)
    const report = JSON.parse(stdout)
    const unknown = report.findings
      .filter((f: {kind: string}) => f.kind === 'owner-unknown')
      .map((f: {appId: string}) => f.appId)
    expect(unknown).to.have.members(example.apps.map((a) => a.id))
    expect(report.findings.filter((f: {kind: string}) => f.kind === 'app-not-found')).to.deep.equal([])
  })

  it('--merge keeps owners, names and mustKeep, adds the new app, keeps and names the gone one', async () => {
    const out = join(tmp.dir, 'merged.json')
    const {code, stderr, stdout} = await runCli([
      'inventory',
      'init',
      ...snap,
      '--merge',
      'examples/inventory.csv',
      '--output',
      out,
      '--json',
    ])
    expect(code, stderr).to.equal(0)
    expect(stderr).to.include(
      "1 app of examples/inventory.csv is not among the account's apps (aLegacyS2S): kept; the audit will report it as app-not-found.",
    )
    expect(stderr).to.include(`16 apps (1 new, 14 kept, 1 gone) → ${out}; fill in the 2 empty owners`)
    expect(JSON.parse(stdout)).to.deep.include({
      output: out,
      format: 'json',
      apps: 16,
      added: ['aChatArc07'],
      gone: ['aLegacyS2S'],
      ownersMissing: 2,
      apiCalls: 0,
    })

    const before = await loadInventory('examples/inventory.csv')
    const merged = await loadInventory(out)
    expect(merged.apps.map((a) => a.id)).to.deep.equal([...before.apps.map((a) => a.id), 'aChatArc07'])
    for (const entry of before.apps) {
      const now = merged.apps.find((a) => a.id === entry.id)!
      expect(now.owner).to.equal(entry.owner)
      expect(now.name).to.equal(entry.name)
      expect(now.mustKeep).to.deep.equal(entry.mustKeep)
      const account = example.apps.find((a) => a.id === entry.id)
      // Scopes come from the account; the gone app keeps the inventory's.
      expect(now.scopes).to.deep.equal(account ? account.scopes : entry.scopes)
    }
    expect(merged.apps.at(-1)).to.deep.include({id: 'aChatArc07', owner: ''})

    // The audit of the merged inventory: the same owners' findings as the original inventory's.
    const essence = (s: string) =>
      JSON.parse(s)
        .findings.filter((f: {kind: string; appId: string}) => f.kind !== 'owner-unknown' || f.appId !== 'aChatArc07')
        .map((f: {id: string}) => f.id)
        .sort()
    const a = await runCli(['audit', ...snap, '--inventory', 'examples/inventory.csv', '--json'])
    const b = await runCli(['audit', ...snap, '--inventory', out, '--json'])
    expect(essence(b.stdout)).to.deep.equal(essence(a.stdout))
  })

  it('refuses to overwrite an existing --output (exit 2) unless it is the --merge file or --force', async () => {
    const file = join(tmp.dir, 'exists.csv')
    writeFileSync(file, 'app_id,owner\r\naHRSync002,marco.rossi@acme.example\r\n')
    const refused = await runCli(['inventory', 'init', ...snap, '--output', file])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.include(`${file} already exists. Give --force to replace it, or --merge ${file}`)
    expect(readFileSync(file, 'utf8')).to.equal('app_id,owner\r\naHRSync002,marco.rossi@acme.example\r\n')

    const merged = await runCli(['inventory', 'init', ...snap, '--merge', file, '--output', file])
    expect(merged.code, merged.stderr).to.equal(0)
    const inventory = await loadInventory(file)
    expect(inventory.apps).to.have.length(15)
    expect(inventory.apps[0]).to.deep.include({id: 'aHRSync002', owner: 'marco.rossi@acme.example', name: 'HR Sync'})

    const forced = await runCli(['inventory', 'init', ...snap, '--output', file, '--force'])
    expect(forced.code, forced.stderr).to.equal(0)
    expect((await loadInventory(file)).apps.every((a) => a.owner === '')).to.equal(true)
  })

  it('bad input: unknown extension, unreadable --merge → exit 2, nothing written', async () => {
    const yaml = await runCli(['inventory', 'init', ...snap, '--output', join(tmp.dir, 'x.yaml')])
    expect(yaml.code).to.equal(2)
    expect(yaml.stderr).to.include('--output must end in .json or .csv')
    const missing = await runCli([
      'inventory',
      'init',
      ...snap,
      '--merge',
      join(tmp.dir, 'nope.csv'),
      '--output',
      join(tmp.dir, 'y.csv'),
    ])
    expect(missing.code).to.equal(2)
    expect(() => statSync(join(tmp.dir, 'y.csv'))).to.throw()
  })
})

describe('inventory init live, against the fake Zoom API (subprocess)', function () {
  this.timeout(60_000)
  const zoom = serveExampleAccount()
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('the same template as from the snapshot of that account, reading no user', async () => {
    const live = join(tmp.dir, 'live.csv')
    const offline = join(tmp.dir, 'offline.csv')
    const {code, stderr} = await runCli(['inventory', 'init', '--output', live], {env: zoom.env()})
    expect(code, stderr).to.equal(0)
    expect(
      zoom.fake.requests.filter((r) => r.path.startsWith('/v2/users') || r.path.startsWith('/v2/roles')),
    ).to.deep.equal([])
    expect(zoom.fake.requests.filter((r) => r.endpoint === 'GET /v2/marketplace/apps')).to.have.length(1)
    expect(onlyReads(zoom.fake)).to.equal(true)
    expect(stderr).to.match(new RegExp(`^15 apps, ${zoom.fake.requests.length - 1} API calls, [\\d.]+ s → `))
    expect(stderr).not.to.include(EXAMPLE_CREDENTIALS.clientSecret)
    await runCli(['inventory', 'init', ...snap, '--output', offline])
    expect(readFileSync(live, 'utf8')).to.equal(readFileSync(offline, 'utf8'))
  })

  it("--merge live: the inventory's unlisted apps are looked up by id; a 404 one is kept as gone", async () => {
    const out = join(tmp.dir, 'merged-live.json')
    const {code, stderr, stdout} = await runCli(
      ['inventory', 'init', '--merge', 'examples/inventory.json', '--output', out, '--json'],
      {env: zoom.env()},
    )
    expect(code, stderr).to.equal(0)
    expect(JSON.parse(stdout)).to.deep.include({gone: ['aLegacyS2S'], added: ['aChatArc07']})
    expect(
      zoom.fake.requests.filter((r) => r.path === '/v2/marketplace/apps/aLegacyS2S').map((r) => r.status),
    ).to.deep.equal([404])
    expect(zoom.fake.requests.filter((r) => r.path.startsWith('/v2/users'))).to.deep.equal([])
  })
})
