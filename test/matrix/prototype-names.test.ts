// Names from files are data: a scope, privilege or label called like an Object.prototype member must not be read
// from (or written to) the prototype.
import {expect} from 'chai'

import {fileErrors} from '../../src/matrix/file-problems.js'
import {layerWarnings} from '../../src/matrix/layer-problems.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import {listPrivileges} from '../../src/matrix/privileges.js'
import type {MatrixFile} from '../../src/matrix/types.js'

const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

describe('names from matrix files that are Object.prototype members', () => {
  // JSON.parse makes "__proto__" an own key, as a real file would.
  const file = JSON.parse(`{
    "version": "1",
    "privileges": {"__proto__": {"label": "Proto: View"}, "constructor": {"label": "Ctor: View"}},
    "implies": {"__proto__": ["constructor"], "toString": ["User:Read"]},
    "unmapped": {"__proto__": "from a file", "to_string": "also from a file"},
    "rules": [
      {"scope": "constructor", "requires": ["User:Read"], "confidence": "manual", "sources": ["t"]},
      {"scope": "__proto__:*", "requires": ["User:Edit"], "confidence": "manual", "sources": ["t"]}
    ]
  }`) as MatrixFile

  it('leaves Object.prototype untouched and keeps every name as data', () => {
    const matrix = buildMatrix([{file: 'hostile.json', matrix: file}])
    expect(Object.getPrototypeOf(matrix.privileges)).to.equal(null)
    expect(Object.hasOwn(matrix.privileges, '__proto__')).to.equal(true)
    expect(matrix.label('__proto__')).to.equal('Proto: View')
    expect(matrix.label('constructor')).to.equal('Ctor: View')
    expect(matrix.label('toString')).to.equal('toString')
    expect(matrix.label('valueOf')).to.equal('valueOf')
    expect(matrix.withImplied('__proto__')).to.deep.equal(['__proto__', 'constructor'])
    expect(matrix.withImplied('constructor')).to.deep.equal(['constructor'])
    expect(matrix.withImplied('hasOwnProperty')).to.deep.equal(['hasOwnProperty'])
    expect(({} as Record<string, unknown>).label).to.equal(undefined)
  })

  it('resolves scopes named like prototype members to their own rules, or to none', () => {
    const matrix = buildMatrix([{file: 'hostile.json', matrix: file}])
    expect(matrix.resolve('constructor').winner?.rule.requires).to.deep.equal(['User:Read'])
    expect(matrix.resolve('__proto__:x').winner?.rule.scope).to.equal('__proto__:*')
    expect(matrix.resolve('__proto__')).to.include({winner: null, unmappedReason: 'from a file'})
    expect(matrix.resolve('to_string')).to.include({unmappedReason: 'also from a file'})
    const none = matrix.resolve('value_of')
    expect(none.winner).to.equal(null)
    expect('unmappedReason' in none).to.equal(false)
    // A matrix without those names: nothing leaks in from Object.prototype.
    const plain = buildMatrix([])
    for (const name of hostile) {
      expect(plain.resolve(name).unmappedReason, name).to.equal(undefined)
      expect(plain.withImplied(name), name).to.deep.equal([name])
      expect(plain.label(name), name).to.equal(name)
    }
  })

  it('validates and lists them without crashing', () => {
    expect(fileErrors(file, 'hostile.json').map((p) => p.place)).to.include.members([
      '/privileges/__proto__',
      '/privileges/constructor',
      '/implies/__proto__',
      '/implies/toString',
    ])
    const matrix = buildMatrix([{file: 'hostile.json', matrix: file}])
    expect(() => layerWarnings(matrix, new Set(['hostile.json']))).not.to.throw()
    const names = listPrivileges(matrix).map((p) => p.privilege)
    expect(names).to.include.members(['__proto__', 'constructor', 'toString', 'User:Read', 'User:Edit'])
  })
})
