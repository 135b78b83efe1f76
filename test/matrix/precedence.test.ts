import {expect} from 'chai'

import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile, MatrixRule} from '../../src/matrix/types.js'

const rule = (scope: string, requires: string[], extra: Partial<MatrixRule> = {}): MatrixRule => ({
  scope,
  requires,
  confidence: 'manual',
  sources: ['test'],
  ...extra,
})
const file = (rules: MatrixRule[], extra: Partial<MatrixFile> = {}): MatrixFile => ({version: 't', rules, ...extra})
const layers = (...files: MatrixFile[]) => files.map((matrix, i) => ({file: `layer${i}.json`, matrix}))

describe('matrix precedence across layers', () => {
  const cases: Array<{name: string; files: MatrixFile[]; scope: string; matched: string | null; from?: string}> = [
    {
      name: 'exact rule beats a pattern in the same file',
      files: [file([rule('meeting:*:admin', ['A:Read']), rule('meeting:read:admin', ['B:Read'])])],
      scope: 'meeting:read:admin',
      matched: 'meeting:read:admin',
    },
    {
      name: 'exact rule in an earlier file beats a pattern in a later one',
      files: [file([rule('meeting:read:admin', ['B:Read'])]), file([rule('meeting:*:admin', ['A:Read'])])],
      scope: 'meeting:read:admin',
      matched: 'meeting:read:admin',
      from: 'layer0.json',
    },
    {
      name: 'a later exact rule for the same scope wins',
      files: [file([rule('meeting:read:admin', ['B:Read'])]), file([rule('meeting:read:admin', ['C:Read'])])],
      scope: 'meeting:read:admin',
      matched: 'meeting:read:admin',
      from: 'layer1.json',
    },
    {
      name: 'fewer * beats more, even from an earlier file',
      files: [file([rule('meeting:read:*:admin', ['A:Read'])]), file([rule('meeting:*:*:admin', ['B:Read'])])],
      scope: 'meeting:read:meeting:admin',
      matched: 'meeting:read:*:admin',
      from: 'layer0.json',
    },
    {
      name: 'between equal patterns the later file wins',
      files: [file([rule('meeting:read:*:admin', ['A:Read'])]), file([rule('meeting:*:meeting:admin', ['B:Read'])])],
      scope: 'meeting:read:meeting:admin',
      matched: 'meeting:*:meeting:admin',
      from: 'layer1.json',
    },
    {
      name: 'the same pattern in a later file wins',
      files: [file([rule('meeting:*:admin', ['A:Read'])]), file([rule('meeting:*:admin', ['B:Read'])])],
      scope: 'meeting:write:admin',
      matched: 'meeting:*:admin',
      from: 'layer1.json',
    },
    {
      name: '* matches exactly one segment: 4-segment pattern vs 3-segment scope',
      files: [file([rule('meeting:*:*:admin', ['A:Read'])])],
      scope: 'meeting:read:admin',
      matched: null,
    },
    {
      name: '* matches exactly one segment: 4-segment pattern vs 5-segment scope',
      files: [file([rule('meeting:*:*:admin', ['A:Read'])])],
      scope: 'meeting:read:a:b:admin',
      matched: null,
    },
    {
      name: '* does not match across a colon',
      files: [file([rule('meeting:*', ['A:Read'])])],
      scope: 'meeting:read:admin',
      matched: null,
    },
    {
      name: '* matches any single segment',
      files: [file([rule('*:read:admin', ['A:Read'])])],
      scope: 'webinar:read:admin',
      matched: '*:read:admin',
    },
    {
      name: 'no rule: unmapped',
      files: [file([rule('meeting:read:admin', ['A:Read'])])],
      scope: 'webinar:read:admin',
      matched: null,
    },
    {
      name: 'unmapped entries never shadow a user pattern',
      files: [file([], {unmapped: {'phone:read:admin': 'no data'}}), file([rule('phone:*:admin', ['PbxAdmin:Read'])])],
      scope: 'phone:read:admin',
      matched: 'phone:*:admin',
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const resolution = buildMatrix(layers(...c.files)).resolve(c.scope)
      expect(resolution.winner?.rule.scope ?? null).to.equal(c.matched)
      if (c.from) expect(resolution.winner?.file).to.equal(c.from)
    })
  }

  it("rules never merge: the winner's requires and partial are used alone", () => {
    const m = buildMatrix(
      layers(file([rule('x:read:admin', ['A:Read'], {partial: ['P:Read']})]), file([rule('x:read:admin', ['B:Read'])])),
    )
    expect(m.resolve('x:read:admin').winner?.rule).to.include({scope: 'x:read:admin'})
    expect(m.resolve('x:read:admin').winner?.rule.requires).to.deep.equal(['B:Read'])
    expect(m.resolve('x:read:admin').winner?.rule.partial).to.equal(undefined)
  })

  it('scopes are trimmed before matching (Zoom data has stray spaces)', () => {
    const m = buildMatrix(layers(file([rule('division:read:admin', ['Division:Read'])])))
    expect(m.resolve(' division:read:admin ').winner?.rule.scope).to.equal('division:read:admin')
  })

  it('keeps the unmapped reason, later layers win by key', () => {
    const m = buildMatrix(
      layers(
        file([], {unmapped: {'phone:read:admin': 'old'}}),
        file([], {unmapped: {'phone:read:admin': 'Phone documents no privileges'}}),
      ),
    )
    expect(m.resolve('phone:read:admin')).to.include({winner: null, unmappedReason: 'Phone documents no privileges'})
  })

  it('merges privileges and implies by key, later wins', () => {
    const m = buildMatrix(
      layers(
        file([], {
          privileges: {'User:Read': {label: 'Users: View'}, 'User:Edit': {label: 'old'}},
          implies: {'User:Edit': ['User:Read']},
        }),
        file([], {privileges: {'User:Edit': {label: 'Users: Edit'}}, implies: {'Role:Edit': ['Role:Read']}}),
      ),
    )
    expect(m.label('User:Read')).to.equal('Users: View')
    expect(m.label('User:Edit')).to.equal('Users: Edit')
    expect(m.label('Nope:Read')).to.equal('Nope:Read')
    expect(m.implies).to.deep.equal({'User:Edit': ['User:Read'], 'Role:Edit': ['Role:Read']})
  })

  it('implies is transitive and includes the privilege itself', () => {
    const m = buildMatrix(layers(file([], {implies: {'A:Edit': ['A:Read'], 'A:Read': ['B:Read']}})))
    expect(m.withImplied('A:Edit').sort()).to.deep.equal(['A:Edit', 'A:Read', 'B:Read'])
    expect(m.withImplied('C:Read')).to.deep.equal(['C:Read'])
  })
})

describe('scope level and action', () => {
  const cases: Array<[string, string, string]> = [
    ['meeting:read:admin', 'admin', 'read'],
    ['meeting:write:meeting:admin', 'admin', 'write'],
    ['meeting:update:meeting:admin', 'admin', 'update'],
    ['meeting:delete:meeting:admin', 'admin', 'delete'],
    ['user:master', 'master', 'write'],
    ['account:read:list_sub_accounts:master', 'master', 'read'],
    ['meeting:read', 'user', 'read'],
    ['user_profile', 'user', 'write'],
    ['imchat:bot', 'user', 'write'],
    ['meeting:read:admin:sip_dialing', 'admin', 'read'],
  ]
  for (const [scope, level, action] of cases) {
    it(`${scope} is ${level}-level, ${action}`, () => {
      const r = buildMatrix([]).resolve(scope)
      expect([r.level, r.action]).to.deep.equal([level, action])
    })
  }
})
