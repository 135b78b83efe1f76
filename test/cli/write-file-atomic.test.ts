// writeFileAtomic with a text written piece by piece keeps its promises — 0600, whole or not at all, only
// a plain file replaced, no temp file left behind by a failure or by SIGINT/SIGTERM. Real files in a temp folder.
import {spawn} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {expect} from 'chai'

import {writeFileAtomic} from '../../src/cli/write-file-atomic.js'
import {InputError} from '../../src/errors.js'
import {projectRoot} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const tempNames = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'))

describe('writeFileAtomic, text in pieces (write-file-atomic.ts)', function () {
  this.timeout(60_000)
  const tmp = makeTempDir()
  after(() => tmp.cleanup())

  it('writes the pieces in order, owner-only, in a folder it makes; replaces a plain file', async () => {
    const file = join(tmp.dir, 'new', 'deeper', 'out.json')
    // Pieces larger than one write call takes at times, and non-ASCII text (bytes ≠ characters).
    const pieces = ['{"a": ', `"${'é'.repeat(300_000)}"`, ', "b": 1}\n']
    await writeFileAtomic(file, pieces)
    expect(readFileSync(file, 'utf8')).to.equal(pieces.join(''))
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    writeFileSync(file, 'old', {mode: 0o644})
    async function* later() {
      yield 'new '
      await new Promise((resolve) => setTimeout(resolve, 10))
      yield 'text'
    }
    await writeFileAtomic(file, later())
    expect(readFileSync(file, 'utf8')).to.equal('new text')
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    expect(tempNames(join(tmp.dir, 'new', 'deeper'))).to.deep.equal([])
  })

  it('a piece that fails: the old file stays as it was, no temp file, the error comes through as it is', async () => {
    const dir = join(tmp.dir, 'failing')
    mkdirSync(dir)
    const file = join(dir, 'out.json')
    writeFileSync(file, 'old')
    function* pieces() {
      yield 'half of it'
      throw new RangeError('no more pieces')
    }
    let caught: unknown
    await writeFileAtomic(file, pieces()).catch((error: unknown) => (caught = error))
    expect(caught).to.be.instanceOf(RangeError)
    expect(readFileSync(file, 'utf8')).to.equal('old')
    expect(tempNames(dir)).to.deep.equal([])
  })

  it('a link or a folder at the path: an input error naming the file, nothing written through it', async () => {
    const dir = join(tmp.dir, 'refused')
    mkdirSync(join(dir, 'folder'), {recursive: true})
    writeFileSync(join(dir, 'target'), 'kept')
    symlinkSync(join(dir, 'target'), join(dir, 'link.json'))
    for (const name of ['link.json', 'folder']) {
      let caught: unknown
      await writeFileAtomic(join(dir, name), ['x']).catch((error: unknown) => (caught = error))
      expect(caught, name).to.be.instanceOf(InputError)
      expect((caught as Error).message).to.include(join(dir, name))
    }
    expect(readFileSync(join(dir, 'target'), 'utf8')).to.equal('kept')
    expect(tempNames(dir)).to.deep.equal([])
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the pieces are being written: no temp file, the process ends by ${signal}`, async () => {
      const dir = join(tmp.dir, `signal-${signal}`)
      mkdirSync(dir)
      const module = pathToFileURL(join(projectRoot, 'dist/cli/write-file-atomic.js')).href
      // Pieces that never end: only the signal stops the write.
      const script = `
        const {writeFileAtomic} = await import(${JSON.stringify(module)})
        async function* forever() { for (;;) { yield 'x'.repeat(1000); await new Promise((r) => setTimeout(r, 20)) } }
        await writeFileAtomic(${JSON.stringify(join(dir, 'out.json'))}, forever())`
      let sawTemp = false
      const ended = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: 'ignore'})
        const watcher = watch(dir, (_event, name) => {
          if (!sawTemp && name?.endsWith('.tmp')) {
            sawTemp = true
            // A moment later, so that some pieces have been written.
            setTimeout(() => child.kill(signal), 200)
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
      expect(readdirSync(dir)).to.deep.equal([])
    })
  }
})
