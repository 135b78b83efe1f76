// The generator's building blocks: normalisation, the half-of-operations threshold, labels, JSON layout, version.
import {expect} from 'chai'

import {derive, derivedLabel, versionOf} from '../../scripts/matrix/build.js'
import type {Operation} from '../../scripts/matrix/data.js'
import {formatJson} from '../../scripts/matrix/format.js'
import {NORMALISATIONS, canonicalPrivilege, normalizePrivilege} from '../../scripts/matrix/normalize.js'

function op(...privileges: string[]): Operation {
  return {
    product: 'p',
    masterDocument: false,
    method: 'GET',
    path: `/x/${privileges.join('/')}`,
    operationId: 'x',
    privileges,
    privilegeChanges: [],
    permissionsState: privileges.length > 0 ? 'present' : 'empty',
    classicScopes: [],
    granularScopes: [],
    summary: '',
  }
}

describe('matrix generator: building blocks', () => {
  it("normalises Zoom's typos, trims, drops the junk value and stops on anything unknown", () => {
    expect(normalizePrivilege('MoileDeviceManagement:Read').value).to.equal('MobileDeviceManagement:Read')
    expect(normalizePrivilege('Marketplace:Edit').value).to.equal('MarketPlace:Edit')
    expect(normalizePrivilege(' User:Read ').value).to.equal('User:Read')
    expect(normalizePrivilege('User:Read').change).to.equal(undefined)
    expect(normalizePrivilege('scheduler')).to.deep.include({value: null})
    expect(() => normalizePrivilege('Meeting:Join')).to.throw(/not Resource:Read\|Edit/)
    expect(canonicalPrivilege('Meeting:Join')).to.equal(null)
    expect(NORMALISATIONS.join('\n'))
      .to.include('MoileDeviceManagement')
      .and.include('scheduler')
      .and.include('trimmed')
  })

  it('requires = privileges on at least half of the operations, partial = the rest', () => {
    const d = derive([
      op('User:Read'),
      op('User:Read', 'MobileDeviceManagement:Read'),
      op('User:Read'),
      op('Other:Read'),
    ])
    expect(d.requires).to.deep.equal(['User:Read'])
    expect(d.partial).to.deep.equal(['MobileDeviceManagement:Read', 'Other:Read'])
    expect(d.fallback).to.equal(false)
    // exactly half counts
    expect(derive([op('A:Read'), op('B:Read')]).requires).to.deep.equal(['A:Read', 'B:Read'])
  })

  it('when no privilege reaches half: the most frequent ones, flagged', () => {
    const d = derive([op('A:Read'), op('A:Read'), op('B:Read'), op('C:Read'), op('D:Read')])
    expect(d.requires).to.deep.equal(['A:Read'])
    expect(d.partial).to.deep.equal(['B:Read', 'C:Read', 'D:Read'])
    expect(d.fallback).to.equal(true)
  })

  it('derives readable labels from privilege names', () => {
    expect(derivedLabel('IMChatHistory:Read')).to.equal('IM Chat History: View')
    expect(derivedLabel('ZRWebController:Edit')).to.equal('ZR Web Controller: Edit')
    expect(derivedLabel('DashboardCRC:Read')).to.equal('Dashboard CRC: View')
    expect(derivedLabel('SubAccount:Edit')).to.equal('Sub Account: Edit')
  })

  it('lays JSON out with 2-space indent, short string arrays inline, and a trailing newline', () => {
    const text = formatJson({
      a: ['x', 'y'],
      b: [],
      c: {d: 1},
      long: Array.from({length: 20}, (_, i) => `item-number-${i}`),
    })
    expect(text).to.match(
      /^\{\n {2}"a": \["x", "y"\],\n {2}"b": \[\],\n {2}"c": \{\n {4}"d": 1\n {2}\},\n {2}"long": \[\n {4}"item-number-0",/,
    )
    expect(text.endsWith('}\n')).to.equal(true)
    expect(JSON.parse(text)).to.deep.equal({
      a: ['x', 'y'],
      b: [],
      c: {d: 1},
      long: Array.from({length: 20}, (_, i) => `item-number-${i}`),
    })
  })

  it('builds the version from the snapshots: the common one, then the exceptions', () => {
    expect(
      versionOf([
        {product: 'users', snapshot: '2026-02-07', source: ''},
        {product: 'accounts', snapshot: '2026-02-07', source: ''},
        {product: 'phone', snapshot: '2026-07', source: ''},
        {product: 'meetings', snapshot: '2025-06', source: ''},
      ]),
    ).to.equal('zoom-openapi-2026-02-07+meetings-2025-06+phone-2026-07')
  })
})
