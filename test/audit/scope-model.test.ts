// The audit says each app's scope model, counts apps still on classic scopes, and flags JWT apps from the inventory.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {runAudit} from '../../src/audit/audit.js'
import {parseInventoryCsv} from '../../src/inventory/parse-csv.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {renderAuditMarkdown} from '../../src/report/audit-markdown.js'
import {renderAuditTable} from '../../src/report/audit-table.js'
import {createStyle} from '../../src/report/style.js'
import type {Snapshot, SnapshotApp} from '../../src/snapshot/types.js'

const matrix = buildMatrix([
  {
    file: 'test-matrix.json',
    matrix: JSON.parse(readFileSync(new URL('../fixtures/test-matrix.json', import.meta.url), 'utf8')) as MatrixFile,
  },
])
const app = (id: string, scopes: string[]): SnapshotApp => ({
  id,
  name: `App ${id}`,
  type: 'OAuthApp',
  status: 'PUBLISHED',
  scopes,
})
const snapshot: Snapshot = {
  schemaVersion: 1,
  capturedAt: '2026-11-20T09:00:00Z',
  account: {id: 'acc'},
  roles: [{id: 'admin', name: 'Admin', privileges: ['User:Edit'], privilegeScopes: {}}],
  users: [{id: 'u1', email: 'ann@x.example', name: 'Ann', status: 'active', roleId: 'admin'}],
  apps: [
    app('classic', ['meeting:read:admin', 'user:read']),
    app('granular', ['meeting:read:meeting:admin']),
    app('mixed', ['meeting:read:admin', 'meeting:read:meeting:admin']),
    app('none', []),
  ],
}
const owned = (id: string, extra: object = {}) => ({id, owner: 'ann@x.example', ...extra})

describe('audit: scope model, apps on classic scopes, legacy JWT apps', () => {
  const report = runAudit({
    snapshot,
    inventory: {
      apps: ['classic', 'granular', 'mixed', 'none']
        .map((id) => owned(id))
        .concat([owned('jwt1', {type: 'JWT', scopes: ['meeting:read:admin']})]),
    },
    matrix,
    now: new Date('2026-11-20T10:00:00Z'),
  })
  const byId = Object.fromEntries(report.apps.map((a) => [a.id, a]))

  it('each app says classic, granular or mixed (null without scopes); the summary counts classic and mixed', () => {
    expect(byId.classic?.scopeModel).to.equal('classic')
    expect(byId.granular?.scopeModel).to.equal('granular')
    expect(byId.mixed?.scopeModel).to.equal('mixed')
    expect(byId.none?.scopeModel).to.equal(null)
    expect(byId.jwt1?.scopeModel).to.equal('classic')
    expect(report.summary.appsOnClassicScopes).to.equal(3)
  })

  it('an inventory app of type jwt (any case) gets a medium legacy-jwt-app finding; its type is reported', () => {
    const jwt = report.findings.filter((f) => f.kind === 'legacy-jwt-app')
    expect(jwt.map((f) => [f.appId, f.severity, f.scope])).to.deep.equal([['jwt1', 'medium', null]])
    expect(jwt[0]?.message).to.equal(
      'jwt1 is a JWT app: Zoom ended JWT apps in September 2023; move the integration to a Server-to-Server OAuth app.',
    )
    expect(byId.jwt1?.type).to.equal('JWT')
    expect(report.summary.byKind['legacy-jwt-app']).to.equal(1)
  })

  it('the table shows the model on each heading and ends pointing at migrate preview; Markdown says the model', () => {
    const table = renderAuditTable(report, {style: createStyle(false)})
    expect(table).to.match(/^jwt1 \(jwt1\) {2}owner ann@x\.example \(Admin\) · classic scopes$/m)
    // The footer wraps at the width (80 when none is given).
    expect(table.trimEnd().split('\n\n').at(-1)!.replace(/\n/g, ' ')).to.equal(
      '3 apps are still on classic scopes: before migrating one to granular scopes, see what its owner would need with "zoom-scope-audit migrate preview --app APP_ID".',
    )
    expect(renderAuditMarkdown(report)).to.include('Owner: ann@x.example, role Admin. Scopes: classic.')
  })

  it('the inventory CSV reads a type column', () => {
    const inventory = parseInventoryCsv(
      'app_id,owner,type\r\naJwt1,ann@x.example,jwt\r\naOk2,ann@x.example,\r\n',
      'apps.csv',
    )
    expect(inventory.apps).to.deep.equal([
      {id: 'aJwt1', owner: 'ann@x.example', type: 'jwt'},
      {id: 'aOk2', owner: 'ann@x.example'},
    ])
  })
})
