// the progress line on stderr — when it is shown, what it looks like, that it is erased.
import {spawn} from 'node:child_process'
import {join} from 'node:path'

import {expect} from 'chai'

import {createProgress, renderProgressLine, shouldShowProgress} from '../../src/cli/progress.js'
import {generateScenario, startFakeZoom, type FakeZoom, type FakeZoomScenario} from '../fake-zoom/index.js'
import {liveEnv} from '../helpers/live-env.js'
import {projectRoot} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

/** A stream that keeps what was written, and a timer the test ticks by hand. */
function harness(columns?: number) {
  const writes: string[] = []
  let t = 0
  let tick: (() => void) | undefined
  let stopped = false
  const progress = createProgress(
    {write: (text: string) => writes.push(text), ...(columns ? {columns} : {})},
    {
      now: () => t,
      every: (_ms, fn) => {
        tick = fn
        return () => (stopped = true)
      },
    },
  )
  return {
    progress,
    writes,
    at(ms: number) {
      t = ms
      tick?.()
    },
    get stopped() {
      return stopped
    },
  }
}

describe('progress line', () => {
  it('is shown only on a terminal, without --json, outside CI', () => {
    const env = {}
    expect(shouldShowProgress({isTTY: true, json: false, env})).to.equal(true)
    expect(shouldShowProgress({isTTY: true, json: undefined, env})).to.equal(true)
    expect(shouldShowProgress({isTTY: undefined, json: false, env}), 'stderr is a pipe or a file').to.equal(false)
    expect(shouldShowProgress({isTTY: false, json: false, env})).to.equal(false)
    expect(shouldShowProgress({isTTY: true, json: true, env}), '--json').to.equal(false)
    for (const ci of ['true', '1', 'yes', 'woodpecker'])
      expect(shouldShowProgress({isTTY: true, json: false, env: {CI: ci}}), `CI=${ci}`).to.equal(false)
    for (const ci of ['', '0', 'false', 'FALSE'])
      expect(shouldShowProgress({isTTY: true, json: false, env: {CI: ci}}), `CI=${ci}`).to.equal(true)
  })

  it('renders users fetched / total, apps, roles and the seconds so far', () => {
    const state = new Map([
      ['roles', {fetched: 7, total: 7}],
      ['users', {fetched: 1200, total: 4000}],
      ['apps', {fetched: 12, total: 40}],
    ] as const)
    expect(renderProgressLine(state, 3400)).to.equal(
      'Fetching from Zoom… users 1,200/4,000 · apps 12/40 · roles 7/7 · 3 s',
    )
    expect(renderProgressLine(new Map([['users', {fetched: 25_000}]]), 12_000)).to.equal(
      'Fetching from Zoom… users 25,000 · 12 s',
    )
    expect(renderProgressLine(new Map(), 1000)).to.equal('Fetching from Zoom… · 1 s')
  })

  it('draws nothing in the first second: a quick fetch leaves no trace', () => {
    const h = harness()
    h.progress.update({phase: 'users', fetched: 300, total: 900})
    h.at(250)
    h.at(999)
    h.progress.done()
    expect(h.writes).to.deep.equal([])
    expect(h.stopped).to.equal(true)
  })

  it('after a second: one line redrawn in place with \\r, only when it changes, erased at the end', () => {
    const h = harness()
    h.progress.update({phase: 'users', fetched: 300, total: 900})
    h.at(1000)
    h.at(1250) // same text: not drawn again
    h.progress.update({phase: 'apps', fetched: 3, total: 40})
    h.at(1500)
    h.progress.update({phase: 'users', fetched: 900, total: 900})
    h.at(2100)
    h.progress.done()
    h.progress.done() // twice is harmless
    expect(h.writes).to.deep.equal([
      '\rFetching from Zoom… users 300/900 · 1 s\u001B[K',
      '\rFetching from Zoom… users 300/900 · apps 3/40 · 1 s\u001B[K',
      '\rFetching from Zoom… users 900/900 · apps 3/40 · 2 s\u001B[K',
      '\r\u001B[K',
    ])
    expect(h.writes.join('')).not.to.include('\n')
    h.at(3000)
    expect(h.writes).to.have.length(4)
  })

  it('is cut to the terminal width (a wrapped line could not be redrawn)', () => {
    const h = harness(30)
    h.progress.update({phase: 'users', fetched: 1200, total: 4000})
    h.at(1000)
    expect(h.writes[0]).to.equal('\rFetching from Zoom… users 1,…\u001B[K')
  })
})

describe('progress line on a real terminal (script(1) pty, fake Zoom)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  let scenario: FakeZoomScenario
  let fake: FakeZoom
  before(async () => {
    scenario = generateScenario({users: 600, apps: 10, seed: 5, pageCaps: {'GET /v2/users': 30}})
    fake = await startFakeZoom(scenario)
  })
  after(async () => {
    await fake.close()
    tmp.cleanup()
  })

  /** Runs the CLI under a pseudo-terminal; returns everything the terminal received. */
  function onTerminal(args: string[], env: Record<string, string>): Promise<{code: number; screen: string}> {
    const command = ['node', 'bin/run.js', ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
    return new Promise((resolve, reject) => {
      const child = spawn('script', ['-qefc', command, '/dev/null'], {
        cwd: projectRoot,
        env: {...process.env, CI: '', NO_COLOR: '1', COLUMNS: '200', ...env},
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let screen = ''
      child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({code: code ?? -1, screen}))
    })
  }

  it('a fetch longer than a second shows users / apps progress, then erases it; --json and CI=1 show none', async () => {
    // ~24 user pages at 10 a second (pro plan, 50 %) keep the fetch busy for about 2.5 s.
    const args = ['snapshot', '--output', join(tmp.dir, 'snap.json'), '--plan', 'pro', '--rate-budget', '50']
    const shown = await onTerminal(args, liveEnv(fake, scenario))
    expect(shown.code, shown.screen).to.equal(0)
    expect(shown.screen).to.match(
      /\rFetching from Zoom… users \d[\d,]*(\/\d[\d,]*)? · apps \d+\/\d+ · roles \d+\/\d+ · \d s\u001B\[K/,
    )
    expect(shown.screen).to.include('\r\u001B[K')
    // The summary line comes after the erased progress line.
    expect(shown.screen).to.match(/\r\u001B\[K\d+ users, \d+ roles, 10 apps/)

    const json = await onTerminal([...args, '--json'], liveEnv(fake, scenario))
    expect(json.code, json.screen).to.equal(0)
    expect(json.screen).not.to.include('Fetching from Zoom')
    const ci = await onTerminal(args, {...liveEnv(fake, scenario), CI: 'true'})
    expect(ci.code, ci.screen).to.equal(0)
    expect(ci.screen).not.to.include('Fetching from Zoom')
  })
})
