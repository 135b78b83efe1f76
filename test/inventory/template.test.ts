// Inventory templates and merges (pure), and the writers: what is written loads back unchanged.
import {expect} from 'chai'

import {parseInventoryCsv} from '../../src/inventory/parse-csv.js'
import {inventoryTemplate, mergeInventory} from '../../src/inventory/template.js'
import {inventoryFormatOf, renderInventoryCsv, renderInventoryJson} from '../../src/inventory/write.js'
import type {SnapshotApp} from '../../src/snapshot/types.js'

const app = (id: string, name: string, scopes: string[], extra: Partial<SnapshotApp> = {}): SnapshotApp => ({
  id,
  name,
  type: 'OAuthApp',
  status: 'PUBLISHED',
  scopes,
  source: 'detail',
  ...extra,
})
const apps = [
  app('b2', 'zeta sync', ['user:read:admin']),
  app('a1', 'Alpha', ['meeting:read:admin', 'recording:read:admin']),
  app('c3', '', []),
  app('d4', 'only in an inventory', ['x:read'], {source: 'inventory'}),
]

describe('inventory template (pure)', () => {
  it('one entry per account app, empty owner, scopes from the account, by name (case-insensitive) then id', () => {
    const result = inventoryTemplate(apps)
    expect(result.inventory.apps).to.deep.equal([
      {id: 'a1', name: 'Alpha', owner: '', scopes: ['meeting:read:admin', 'recording:read:admin']},
      {id: 'c3', owner: '', scopes: []},
      {id: 'b2', name: 'zeta sync', owner: '', scopes: ['user:read:admin']},
    ])
    expect(result).to.deep.include({added: ['a1', 'c3', 'b2'], kept: [], gone: [], ownersMissing: 3})
  })

  it('merge keeps owners, names, mustKeep and order; refreshes scopes; appends new apps; keeps gone ones', () => {
    const existing = {
      apps: [
        {id: 'gone9', name: 'Old Exporter', owner: 'kim@x.example', scopes: ['meeting:read:admin']},
        {
          id: 'b2',
          name: 'Zeta Sync (HR)',
          owner: 'dana@x.example',
          scopes: ['stale:read'],
          mustKeep: ['user:read:admin'],
        },
        {id: 'a1', owner: ''},
      ],
    }
    const result = mergeInventory(existing, apps)
    expect(result.inventory.apps).to.deep.equal([
      {id: 'gone9', name: 'Old Exporter', owner: 'kim@x.example', scopes: ['meeting:read:admin']},
      {
        id: 'b2',
        name: 'Zeta Sync (HR)',
        owner: 'dana@x.example',
        scopes: ['user:read:admin'],
        mustKeep: ['user:read:admin'],
      },
      {id: 'a1', name: 'Alpha', owner: '', scopes: ['meeting:read:admin', 'recording:read:admin']},
      {id: 'c3', owner: '', scopes: []},
    ])
    expect(result).to.deep.include({added: ['c3'], kept: ['b2', 'a1'], gone: ['gone9'], ownersMissing: 2})
  })

  it('merging a template into itself changes nothing', () => {
    const once = inventoryTemplate(apps).inventory
    const twice = mergeInventory(once, apps)
    expect(twice.inventory).to.deep.equal(once)
    expect(twice.added).to.deep.equal([])
  })
})

describe('inventory writers', () => {
  const inventory = {
    apps: [
      {
        id: 'a1',
        name: 'Alpha, "the first"',
        owner: 'ann@x.example',
        scopes: ['meeting:read:admin', 'recording:read:admin'],
        mustKeep: ['recording:read:admin'],
      },
      {id: 'c3', owner: '', scopes: []},
    ],
  }

  it('CSV: the header the loader reads, lists space-separated, CRLF, quoting; loads back', () => {
    const csv = renderInventoryCsv(inventory)
    expect(csv.split('\r\n')[0]).to.equal('app_id,name,owner,scopes,must_keep')
    expect(csv).to.include(
      'a1,"Alpha, ""the first""",ann@x.example,meeting:read:admin recording:read:admin,recording:read:admin\r\n',
    )
    expect(parseInventoryCsv(csv, 'x.csv')).to.deep.equal({
      apps: [
        {
          id: 'a1',
          name: 'Alpha, "the first"',
          owner: 'ann@x.example',
          scopes: ['meeting:read:admin', 'recording:read:admin'],
          mustKeep: ['recording:read:admin'],
        },
        {id: 'c3', owner: ''},
      ],
    })
  })

  it('JSON: the schema shape with a fixed key order', () => {
    const json = renderInventoryJson({apps: [{owner: '', scopes: [], id: 'c3'} as never]})
    expect(json).to.equal(
      '{\n  "apps": [\n    {\n      "id": "c3",\n      "owner": "",\n      "scopes": []\n    }\n  ]\n}\n',
    )
  })

  it('format by extension', () => {
    expect(inventoryFormatOf('a/b.CSV')).to.equal('csv')
    expect(inventoryFormatOf('b.json')).to.equal('json')
    expect(inventoryFormatOf('b.yaml')).to.equal(undefined)
  })
})
