// The snapshot's text, written in pieces, must be exactly the text of JSON.stringify(snapshot, null, 2) plus a
// newline: snapshots taken before and after are byte-identical, and tests compare files.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {snapshotText} from '../../src/snapshot/serialise.js'
import type {Snapshot, SnapshotUser} from '../../src/snapshot/types.js'

const example = JSON.parse(readFileSync('examples/snapshot.json', 'utf8')) as Snapshot
const expected = (snapshot: object) => `${JSON.stringify(snapshot, null, 2)}\n`

function user(i: number): SnapshotUser {
  const id = `u${i}`
  const email = `user.${i}@example.com`
  // Names with what JSON must escape: quotes, backslashes, line breaks, a line separator, non-ASCII.
  const name = [`Ann "${i}"`, 'Zoë\\Back', 'Line\nbreak', 'Sep\u2028arator', ''][i % 5]!
  if (i % 7 === 0) return {email, status: 'pending', roleId: '2'}
  return name ? {id, email, status: 'active', roleId: '2', name} : {id, email, status: 'inactive', roleId: ''}
}

describe('snapshot text (serialise.ts)', () => {
  it('the example snapshot: the text of JSON.stringify(…, null, 2), and examples/snapshot.json is that text', () => {
    expect([...snapshotText(example)].join('')).to.equal(expected(example))
    expect([...snapshotText(example)].join('')).to.equal(readFileSync('examples/snapshot.json', 'utf8'))
  })

  it('empty lists, inventoryApps null or absent, account warnings: the same text', () => {
    const bare: Snapshot = {
      schemaVersion: 1,
      capturedAt: '2026-11-29T08:00:00.000Z',
      account: {id: 'acc'},
      users: [],
      roles: [],
      apps: [],
    }
    const cases: Snapshot[] = [
      bare,
      {...bare, inventoryApps: null},
      {...bare, inventoryApps: []},
      {...bare, inventoryApps: ['a', 'b']},
      {...bare, account: {id: 'acc', warnings: ['one', 'two "quoted"']}, users: [user(1)]},
      {...example, inventoryApps: undefined},
    ]
    for (const snapshot of cases) expect([...snapshotText(snapshot)].join('')).to.equal(expected(snapshot))
  })

  it('2 500 users: the same text, in pieces of well under 128 KB (V8 keeps longer strings in a slower space)', () => {
    const snapshot: Snapshot = {...example, users: Array.from({length: 2500}, (_, i) => user(i))}
    const pieces = [...snapshotText(snapshot)]
    expect(pieces.join('')).to.equal(expected(snapshot))
    expect(pieces.filter((piece) => piece.includes('"email"')).length).to.be.above(3)
    // A long list comes a user at a piece (the writer gathers pieces into batches of bytes).
    expect(Math.max(...pieces.map((piece) => piece.length))).to.be.below(64 * 1024)
    expect(JSON.parse(pieces.join('')).users).to.deep.equal(snapshot.users)
  })
})
