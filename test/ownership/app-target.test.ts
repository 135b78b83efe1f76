import {expect} from 'chai'

import {InputError} from '../../src/errors.js'
import {resolveApp} from '../../src/ownership/app-target.js'
import {ARCHIVER, account, user} from '../transfer/support.js'

describe('resolveApp: which scopes a transfer is about', () => {
  const snapshot = account([user('a@x', 'r-admin')], undefined, [
    {...ARCHIVER, scopes: [' recording:read:admin', 'meeting:read:admin', 'meeting:read:admin']},
  ])
  const inventory = {
    apps: [
      {id: 'aArch', owner: 'a@x', mustKeep: ['recording:read:admin']},
      {id: 'aGhost', owner: 'a@x', name: 'Ghost', scopes: ['user:read:admin']},
      {id: 'aBare', owner: 'a@x'},
    ],
  }

  it("the account's scopes win, cleaned (trimmed, unique, sorted); --scopes given too is reported as ignored", () => {
    const r = resolveApp(snapshot, ' aArch ', {scopes: ['user:read:admin'], inventory, source: {snapshot: 's.json'}})
    expect(r.app).to.deep.equal({
      id: 'aArch',
      name: 'Archiver',
      scopes: ['meeting:read:admin', 'recording:read:admin'],
      scopesFrom: 'account',
      mustKeep: ['recording:read:admin'],
    })
    expect(r.flagScopesIgnored).to.equal(true)
    expect(r.entry?.owner).to.equal('a@x')
  })

  it('an app the account does not show: --scopes, else the inventory', () => {
    expect(resolveApp(snapshot, 'aGhost', {scopes: ['meeting:read:admin'], inventory, source: {}}).app).to.include({
      scopesFrom: 'flag',
      name: 'Ghost',
    })
    const fromInventory = resolveApp(snapshot, 'aGhost', {inventory, source: {}}).app
    expect(fromInventory).to.deep.include({scopesFrom: 'inventory', scopes: ['user:read:admin']})
  })

  it('no scopes anywhere → InputError (exit 2) naming the app and what to do', () => {
    const offline = () => resolveApp(snapshot, 'aNope', {source: {snapshot: 'snap.json'}})
    expect(offline).to.throw(InputError, /^the snapshot snap\.json has no app "aNope"\.$/)
    expect(rejection(offline).actions.join(' ')).to.match(/--scopes/)
    const live = () => resolveApp(snapshot, 'aBare', {inventory, source: {}})
    expect(live).to.throw(
      InputError,
      /Zoom does not show an app "aBare".*404.*the inventory lists it, but without scopes/,
    )
    expect(() => resolveApp(snapshot, '  ', {source: {}})).to.throw(InputError, /--app is empty/)
  })
})

/** The InputError that `f` throws. */
function rejection(f: () => unknown): InputError {
  try {
    f()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}
