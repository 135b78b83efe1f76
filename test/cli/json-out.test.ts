import {expect} from 'chai'

import {Writable} from 'node:stream'

import {streamJsonLines, writeJsonLines} from '../../src/cli/json-out.js'

function written(value: unknown): {text: string; pieces: number} {
  const pieces: string[] = []
  writeJsonLines(value, (bytes) => pieces.push(Buffer.from(bytes).toString('utf8')))
  return {text: pieces.join(''), pieces: pieces.length}
}

describe('--json output written in pieces', () => {
  const candidate = (i: number) => ({
    user: {id: i % 3 === 0 ? null : `u${i}`, email: `user${i}@example.com`, name: i % 5 ? `User "${i}"\n` : null},
    excessPrivileges: i % 7,
    currentOwner: i === 3,
    skipped: undefined,
    tags: i % 2 ? [] : ['a', {b: [1, 2, {}]}],
  })

  it('is exactly JSON.stringify(value, null, 2) and a newline, for long arrays at any depth', () => {
    const values: unknown[] = [
      {app: {id: 'a', scopes: ['x', 'y']}, total: 3000, candidates: Array.from({length: 3000}, (_, i) => candidate(i))},
      Array.from({length: 1000}, (_, i) => (i % 10 === 0 ? undefined : i % 11 === 0 ? () => 1 : candidate(i))),
      {nested: [{deeper: {list: Array.from({length: 400}, (_, i) => [i, String(i), null])}}], empty: {}, none: []},
      {date: new Date(0), map: new Map([[1, 2]]), long: Array.from({length: 300}, () => ({}))},
      'plain',
      null,
      {},
    ]
    for (const value of values) expect(written(value).text).to.equal(`${JSON.stringify(value, null, 2)}\n`)
  })

  it('never builds the whole text of a long result at once', () => {
    const big = {candidates: Array.from({length: 20_000}, (_, i) => candidate(i))}
    const {text, pieces} = written(big)
    expect(text).to.equal(`${JSON.stringify(big, null, 2)}\n`)
    expect(pieces).to.be.greaterThan(2)
  })

  it('to a slow stream: waits whenever the stream asks to, so its buffer never holds much of the text', async () => {
    const big = {candidates: Array.from({length: 20_000}, (_, i) => candidate(i))}
    const received: string[] = []
    let most = 0
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      decodeStrings: false,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString('utf8'))
        setTimeout(done, 1)
      },
    })
    const watch = setInterval(() => (most = Math.max(most, slow.writableLength)), 0)
    try {
      await streamJsonLines(big, slow)
    } finally {
      clearInterval(watch)
    }
    const text = `${JSON.stringify(big, null, 2)}\n`
    expect(received.join('')).to.equal(text)
    expect(most).to.be.greaterThan(0)
    expect(most).to.be.lessThan(text.length / 10)
  })
})
