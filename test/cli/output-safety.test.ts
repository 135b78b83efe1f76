// Files the tool writes (--output, --save-snapshot, inventory init --output), as subprocesses: only plain files are
// written or replaced. FIFOs, sockets, folders and links made in a temp folder (never a system path) stay what they
// were; an output that is one of the run's inputs, or that cannot be created, fails with exit 2 before any request to
// Zoom; an interrupted write leaves no temp file.
import {spawn} from 'node:child_process'
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'

import {expect} from 'chai'

import {serveExampleAccount} from '../helpers/example-zoom.js'
import {hasStackTrace, projectRoot, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as {apps: Array<Record<string, unknown>>}
const offline = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.csv']

/** Names of files the tool left half-written (its temp and probe files start with a dot). */
function leftovers(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => /\.(tmp|probe)$/.test(name))
}

/** Every special file gets its own folder, so one test's leftovers cannot hide in another's. */
function folder(tmp: {dir: string}, name: string): string {
  const dir = join(tmp.dir, name)
  mkdirSync(dir, {recursive: true})
  return dir
}

async function listenOn(path: string): Promise<Server> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(path, resolve))
  return server
}

describe('output paths: only plain files are written (subprocess)', function () {
  this.timeout(120_000)
  const zoom = serveExampleAccount()
  const tmp = makeTempDir()
  const servers: Server[] = []
  after(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve))
    tmp.cleanup()
  })

  /** Makes the special file `kind` at dir/name; returns a check that it is still that, untouched. */
  async function makeSpecial(kind: string, dir: string, name: string): Promise<{path: string; unchanged(): void}> {
    const path = join(dir, name)
    switch (kind) {
      case 'FIFO':
        execFileSync('mkfifo', [path])
        return {path, unchanged: () => expect(lstatSync(path).isFIFO(), 'still a FIFO').to.equal(true)}
      case 'socket':
        servers.push(await listenOn(path))
        return {path, unchanged: () => expect(lstatSync(path).isSocket(), 'still a socket').to.equal(true)}
      case 'folder':
        mkdirSync(path)
        writeFileSync(join(path, 'inside.txt'), 'kept')
        return {
          path,
          unchanged: () => {
            expect(lstatSync(path).isDirectory()).to.equal(true)
            expect(readdirSync(path)).to.deep.equal(['inside.txt'])
          },
        }
      case 'symbolic link': {
        const target = join(dir, 'target.txt')
        writeFileSync(target, 'the target, unchanged')
        symlinkSync(target, path)
        return {
          path,
          unchanged: () => {
            expect(lstatSync(path).isSymbolicLink(), 'still a link').to.equal(true)
            expect(readlinkSync(path)).to.equal(target)
            expect(readFileSync(target, 'utf8')).to.equal('the target, unchanged')
          },
        }
      }
      default: {
        // A dangling link: following it would create a file wherever it points.
        const target = join(dir, 'nowhere', 'created.txt')
        symlinkSync(target, path)
        return {
          path,
          unchanged: () => {
            expect(lstatSync(path).isSymbolicLink()).to.equal(true)
            expect(() => statSync(join(dir, 'nowhere'))).to.throw()
          },
        }
      }
    }
  }

  const kinds = [
    ['FIFO', 'is a FIFO (named pipe), not a plain file'],
    ['socket', 'is a socket, not a plain file'],
    ['folder', 'is a folder, not a plain file'],
    ['symbolic link', 'is a symbolic link (to '],
    ['dangling symbolic link', 'is a symbolic link (to '],
  ] as const

  for (const [kind, words] of kinds) {
    it(`audit --output at a ${kind}: exit 2 naming it, left as it was, no temp file`, async () => {
      const dir = folder(tmp, `audit-${kind.replace(/ /g, '-')}`)
      const special = await makeSpecial(kind, dir, 'report.csv')
      const {code, stdout, stderr} = await runCli(['audit', ...offline, '--format', 'csv', '--output', special.path])
      expect(code, stderr).to.equal(2)
      expect(stderr.startsWith(`Error: ${special.path} (--output) ${words}`), stderr).to.equal(true)
      expect(stderr.trimEnd().split('\n')).to.have.length(1)
      expect(stderr).to.include('Nothing was written.')
      expect(stdout).to.equal('')
      expect(hasStackTrace(stderr)).to.equal(false)
      special.unchanged()
      expect(leftovers(dir)).to.deep.equal([])
    })
  }

  for (const [kind, words] of kinds.slice(0, 4)) {
    it(`live audit --save-snapshot at a ${kind}: exit 2 before any request to Zoom`, async () => {
      const dir = folder(tmp, `save-${kind.replace(/ /g, '-')}`)
      const special = await makeSpecial(kind, dir, 'snap.json')
      const {code, stdout, stderr} = await runCli(
        ['audit', '--inventory', 'examples/inventory.csv', '--save-snapshot', special.path, '--json'],
        {env: zoom.env()},
      )
      expect(code, stderr).to.equal(2)
      expect(zoom.fake.requests).to.deep.equal([])
      special.unchanged()
      expect(leftovers(dir)).to.deep.equal([])
      const {error} = JSON.parse(stdout) as {error: {message: string}}
      expect(error.message).to.include(`${special.path} (--save-snapshot) ${words}`)
    })
  }

  it("the README's example: --output at a FIFO", async () => {
    const readme = readFileSync('README.md', 'utf8')
    const block = /```text\n\$ mkfifo reports\/pipe\n\$ zoom-scope-audit (.+)\n(Error: .+)\n```/.exec(readme)
    expect(block, 'the example is in the README').to.not.equal(null)
    const dir = folder(tmp, 'readme')
    const fifo = await makeSpecial('FIFO', dir, 'pipe')
    const argv = block![1]!.split(' ').map((arg) => (arg === 'reports/pipe' ? fifo.path : arg))
    const {code, stderr} = await runCli(argv)
    expect(code).to.equal(2)
    expect(stderr).to.equal(`${block![2]!.replace('reports/pipe', fifo.path)}\n`)
    fifo.unchanged()
  })

  it('--json: the refusal is {"error": …} with the file and the flag', async () => {
    const dir = folder(tmp, 'json-error')
    const special = await makeSpecial('FIFO', dir, 'report.json')
    const {code, stdout} = await runCli(['audit', ...offline, '--json', '--output', special.path])
    expect(code).to.equal(2)
    expect(JSON.parse(stdout).error).to.deep.include({
      code: 'unwritable_output',
      file: special.path,
      place: '--output',
      exitCode: 2,
    })
    special.unchanged()
  })

  it('snapshot --output at a FIFO and inventory init --output at a socket: exit 2, no request, untouched', async () => {
    const dir = folder(tmp, 'other-commands')
    const fifo = await makeSpecial('FIFO', dir, 'snap.json')
    const snap = await runCli(['snapshot', '--output', fifo.path], {env: zoom.env()})
    expect(snap.code, snap.stderr).to.equal(2)
    expect(snap.stderr).to.include(`${fifo.path} (--output) is a FIFO`)
    const socket = await makeSpecial('socket', dir, 'apps.csv')
    const init = await runCli(['inventory', 'init', '--output', socket.path], {env: zoom.env()})
    expect(init.code, init.stderr).to.equal(2)
    expect(init.stderr).to.include(`${socket.path} (--output) is a socket`)
    expect(zoom.fake.requests).to.deep.equal([])
    fifo.unchanged()
    socket.unchanged()
    expect(leftovers(dir)).to.deep.equal([])
  })

  describe("an output that is one of the run's inputs: exit 2, the input intact", () => {
    const dir = join(tmp.dir, 'inputs')
    const original = readFileSync('examples/inventory.csv', 'utf8')
    const files = {
      inventory: join(dir, 'inventory.csv'),
      matrix: join(dir, 'matrix.json'),
      baseline: join(dir, 'baseline.json'),
      accept: join(dir, 'accepted.json'),
      snapshot: join(dir, 'snapshot.json'),
    }
    before(async () => {
      mkdirSync(join(dir, 'sub'), {recursive: true})
      writeFileSync(files.inventory, original)
      writeFileSync(files.matrix, readFileSync('test/fixtures/test-matrix.json'))
      writeFileSync(files.accept, JSON.stringify({accepted: []}))
      writeFileSync(files.snapshot, readFileSync('examples/snapshot.json'))
      const baseline = await runCli(['audit', '--snapshot', files.snapshot, '--inventory', files.inventory, '--json'])
      writeFileSync(files.baseline, baseline.stdout)
      linkSync(files.inventory, join(dir, 'hard-link.csv'))
    })

    const inputs = (): string[] => [
      '--snapshot',
      files.snapshot,
      '--inventory',
      files.inventory,
      '--matrix',
      files.matrix,
      '--baseline',
      files.baseline,
      '--accept',
      files.accept,
    ]
    const contents = (): string[] => Object.values(files).map((f) => readFileSync(f, 'utf8'))

    const cases: Array<[string, () => string, string]> = [
      ['the inventory, by a hard link', () => join(dir, 'hard-link.csv'), '--inventory'],
      [
        'the inventory, spelled through a folder not yet made and ..',
        () => join(dir, 'new', '..', 'inventory.csv'),
        '--inventory',
      ],
      ['the inventory, spelled through sub/..', () => join(dir, 'sub', '..', 'inventory.csv'), '--inventory'],
      ['the matrix', () => files.matrix, '--matrix'],
      ['the baseline', () => files.baseline, '--baseline'],
      ['the accepted findings', () => files.accept, '--accept'],
      ['the snapshot', () => files.snapshot, '--snapshot'],
    ]
    for (const [what, output, flag] of cases) {
      it(`--output is ${what}`, async () => {
        const before = contents()
        const {code, stderr} = await runCli(['audit', ...inputs(), '--output', output()])
        expect(code, stderr).to.equal(2)
        expect(stderr).to.include(`${output()} (--output) is the same file as ${flag}`)
        expect(contents()).to.deep.equal(before)
        expect(leftovers(dir)).to.deep.equal([])
        expect(() => statSync(join(dir, 'new')), 'no folder made').to.throw()
      })
    }

    it('inventory init --output is its --snapshot', async () => {
      const before = contents()
      const {code, stderr} = await runCli([
        'inventory',
        'init',
        '--snapshot',
        files.snapshot,
        '--output',
        files.snapshot,
      ])
      expect(code, stderr).to.equal(2)
      expect(stderr).to.include(`${files.snapshot} (--output) is the same file as --snapshot`)
      expect(contents()).to.deep.equal(before)
    })

    it('--output and --save-snapshot the same file (live): exit 2, no request', async () => {
      const out = join(dir, 'both.json')
      const {code, stderr} = await runCli(
        ['audit', '--inventory', files.inventory, '--output', out, '--save-snapshot', join(dir, '.', 'both.json')],
        {env: zoom.env()},
      )
      expect(code, stderr).to.equal(2)
      expect(stderr).to.include('(--save-snapshot) is also given to --output')
      expect(zoom.fake.requests).to.deep.equal([])
      expect(() => statSync(out)).to.throw()
    })
  })

  describe('impossible paths: exit 2 within seconds, before any request to Zoom', () => {
    const dir = join(tmp.dir, 'impossible')
    before(() => {
      mkdirSync(dir, {recursive: true})
      writeFileSync(join(dir, 'a-file'), 'not a folder')
    })

    const commands: Array<[string, (out: string) => string[]]> = [
      ['audit --output', (out) => ['audit', '--inventory', 'examples/inventory.csv', '--output', out]],
      ['audit --save-snapshot', (out) => ['audit', '--inventory', 'examples/inventory.csv', '--save-snapshot', out]],
      ['snapshot --output', (out) => ['snapshot', '--output', out]],
      ['inventory init --output', (out) => ['inventory', 'init', '--output', out]],
    ]
    for (const [command, argv] of commands) {
      it(`${command} under a file`, async () => {
        const out = join(dir, 'a-file', 'deeper', 'out.json')
        const started = Date.now()
        const {code, stderr} = await runCli(argv(out), {env: zoom.env()})
        const seconds = (Date.now() - started) / 1000
        expect(code, stderr).to.equal(2)
        expect(stderr).to.include(`${out} (--`)
        expect(stderr).to.include(`cannot be created: ${join(dir, 'a-file')} is a file, not a folder`)
        expect(zoom.fake.requests).to.deep.equal([])
        // Start-up included; the check itself takes milliseconds (it spun for minutes before).
        expect(seconds).to.be.below(10)
        expect(readFileSync(join(dir, 'a-file'), 'utf8')).to.equal('not a folder')
      })
    }

    it('a folder the user may not write to (run as an unprivileged user when the tests run as root)', async function () {
      const locked = join(tmp.dir, 'locked')
      mkdirSync(locked)
      chmodSync(tmp.dir, 0o755)
      chmodSync(locked, 0o555)
      const asRoot = process.getuid?.() === 0
      const out = join(locked, 'out.csv')
      const started = Date.now()
      const {code, stderr} = await new Promise<{code: number | null; stderr: string}>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['bin/run.js', 'audit', '--inventory', 'examples/inventory.csv', '--output', out],
          {
            cwd: projectRoot,
            env: {PATH: process.env.PATH, HOME: tmp.dir, OCLIF_COLUMNS: '500', ...zoom.env()},
            ...(asRoot ? {uid: 65534, gid: 65534} : {}),
          },
        )
        let err = ''
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
        child.on('error', reject)
        child.on('close', (exit) => resolve({code: exit, stderr: err}))
      })
      expect(code, stderr).to.equal(2)
      expect(stderr).to.include(`${out} (--output) cannot be created: ${locked} does not accept new files (EACCES`)
      expect(zoom.fake.requests).to.deep.equal([])
      expect((Date.now() - started) / 1000).to.be.below(10)
      expect(readdirSync(locked)).to.deep.equal([])
    })
  })

  it('a plain file is replaced (0600), through a linked folder and a folder still to be made', async () => {
    const dir = folder(tmp, 'plain')
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'linked'))
    const existing = join(dir, 'real', 'report.csv')
    writeFileSync(existing, 'old', {mode: 0o644})
    const viaLink = await runCli([
      'audit',
      ...offline,
      '--format',
      'csv',
      '--output',
      join(dir, 'linked', 'report.csv'),
    ])
    expect(viaLink.code, viaLink.stderr).to.equal(1)
    expect(readFileSync(existing, 'utf8')).to.match(/^finding_id,/)
    expect(statSync(existing).mode & 0o777).to.equal(0o600)
    expect(lstatSync(join(dir, 'linked')).isSymbolicLink()).to.equal(true)
    const nested = join(dir, 'new', 'deeper', 'report.csv')
    const made = await runCli(['audit', ...offline, '--format', 'csv', '--output', nested])
    expect(made.code, made.stderr).to.equal(1)
    expect(readFileSync(nested, 'utf8')).to.match(/^finding_id,/)
    expect(leftovers(dir)).to.deep.equal([])
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the output is being written: no temp file, the process ends by ${signal}`, async () => {
      const dir = folder(tmp, `signal-${signal}`)
      // A large account, so the write lasts long enough to be interrupted.
      const big = structuredClone(example) as {apps: Array<Record<string, unknown>>}
      const template = big.apps[0]!
      big.apps = Array.from({length: 60_000}, (_, i) => ({
        ...template,
        id: `app${i.toString().padStart(8, '0')}`,
        name: `Application number ${i} with a reasonably long descriptive name`,
      }))
      const snapshotFile = join(tmp.dir, `big-${signal}.json`)
      writeFileSync(snapshotFile, JSON.stringify(big))
      const out = join(dir, 'apps.json')
      let sawTemp = false
      const ended = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['bin/run.js', 'inventory', 'init', '--snapshot', snapshotFile, '--output', out],
          {
            cwd: projectRoot,
            stdio: 'ignore',
          },
        )
        const watcher = watch(dir, (_event, name) => {
          if (!sawTemp && name && name.endsWith('.tmp')) {
            sawTemp = true
            child.kill(signal)
          }
        })
        child.on('error', reject)
        child.on('close', (code, sig) => {
          watcher.close()
          resolve({code, signal: sig})
        })
      })
      expect(sawTemp, 'the temp file appeared').to.equal(true)
      expect(ended.signal, JSON.stringify(ended)).to.equal(signal)
      expect(leftovers(dir)).to.deep.equal([])
      // Interrupted before the rename: no output. (Had the rename won the race, the output would be whole.)
      const written = readdirSync(dir)
      if (written.length > 0) expect(JSON.parse(readFileSync(out, 'utf8')).apps).to.have.length(60_000)
    })
  }
})
