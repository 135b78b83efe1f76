// terminalSafeDeep: every string of a result escaped, copying only what changes.
import {expect} from 'chai'

import {terminalSafeDeep} from '../../src/report/escape.js'

describe('terminalSafeDeep', () => {
  it('escapes controls in strings and keys at any depth; the input stays as it was', () => {
    const input = {apps: [{name: 'ok', owner: 'evil\u001b[31m'}, {name: 'fine'}], ['k\u202e']: ['a', 'b\u0007'], n: 3}
    const before = JSON.stringify(input)
    const safe = terminalSafeDeep(input)
    expect(safe).to.deep.equal({
      apps: [{name: 'ok', owner: 'evil\\x1b[31m'}, {name: 'fine'}],
      ['k\\u202e']: ['a', 'b\\x07'],
      n: 3,
    })
    expect(JSON.stringify(input)).to.equal(before)
    // What needed nothing is the input's own; what changed is a copy.
    expect(safe.apps[1]).to.equal(input.apps[1])
    expect(safe.apps[0]).not.to.equal(input.apps[0])
  })

  it('a clean result is returned as it is, and a part met twice is mapped once (the same copy both times)', () => {
    const clean = {apps: Array.from({length: 100}, (_, i) => ({id: `a${i}`, scopes: ['x', 'y']}))}
    expect(terminalSafeDeep(clean)).to.equal(clean)
    const shared = {scope: 'bad\u0000'}
    const safe = terminalSafeDeep({a: [shared, shared], b: shared})
    expect(safe.a[0]).to.deep.equal({scope: 'bad\\x00'})
    expect(safe.a[0]).to.equal(safe.a[1]).and.to.equal(safe.b)
  })

  it('leaves non-plain objects (dates, maps, class instances) alone', () => {
    const date = new Date(0)
    const map = new Map([['k\u001b', 'v']])
    const safe = terminalSafeDeep({date, map})
    expect(safe.date).to.equal(date)
    expect(safe.map).to.equal(map)
  })
})

describe('terminalSafeDeep on parsed JSON', () => {
  it('a key named "__proto__" (JSON.parse makes it an own key) stays an own key of the copy, the prototype untouched', () => {
    const input = JSON.parse('{"a": "x\\u001b", "__proto__": {"b": "y\\u0007"}, "c": "z"}') as Record<string, unknown>
    const safe = terminalSafeDeep(input)
    expect(Object.getPrototypeOf(safe)).to.equal(Object.prototype)
    expect(Object.keys(safe)).to.deep.equal(['a', '__proto__', 'c'])
    expect(Object.getOwnPropertyDescriptor(safe, '__proto__')!.value).to.deep.equal({b: 'y\\x07'})
    expect(safe.a).to.equal('x\\x1b')
  })
})
