import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {runAudit} from '../../src/audit/audit.js'
import type {AuditReport, Finding} from '../../src/audit/types.js'
import type {Inventory} from '../../src/inventory/types.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import type {Snapshot, SnapshotApp} from '../../src/snapshot/types.js'

const matrix = buildMatrix([
  {
    file: 'test-matrix.json',
    matrix: JSON.parse(readFileSync(new URL('../fixtures/test-matrix.json', import.meta.url), 'utf8')) as MatrixFile,
  },
])
const now = new Date('2026-11-20T10:00:00Z')

function account(apps: SnapshotApp[]): Snapshot {
  return {
    schemaVersion: 1,
    capturedAt: '2026-11-20T09:00:00Z',
    account: {id: 'acc'},
    roles: [
      {
        id: 'admin',
        name: 'Admin',
        privileges: ['User:Edit', 'Recording:Edit', 'MobileDeviceManagement:Read'],
        privilegeScopes: {},
      },
      {id: 'viewer', name: 'Viewer', privileges: ['User:Read', 'Recording:Read'], privilegeScopes: {}},
      {id: 'member', name: 'Member', privileges: [], privilegeScopes: {}},
      {
        id: 'regional',
        name: 'Regional',
        privileges: ['User:Edit', 'Recording:Read'],
        privilegeScopes: {'User:Edit': ['g1']},
      },
    ],
    users: [
      {id: 'u1', email: 'ann@x.example', name: 'Ann', status: 'active', roleId: 'admin'},
      {id: 'u2', email: 'vic@x.example', name: 'Vic', status: 'active', roleId: 'viewer'},
      {id: 'u3', email: 'mem@x.example', status: 'active', roleId: 'member'},
      {id: 'u4', email: 'reg@x.example', status: 'active', roleId: 'regional'},
      {id: 'u5', email: 'gone@x.example', status: 'inactive', roleId: 'admin'},
      {email: 'pending@x.example', status: 'pending', roleId: 'viewer'},
      {id: 'u7', email: 'orphan@x.example', status: 'active', roleId: 'deleted-role'},
    ],
    apps,
  }
}
const app = (scopes: string[], id = 'app1'): SnapshotApp => ({
  id,
  name: `App ${id}`,
  type: 'OAuthApp',
  status: 'PUBLISHED',
  scopes,
})
const audit = (apps: SnapshotApp[], inventory: Inventory['apps']): AuditReport =>
  runAudit({snapshot: account(apps), inventory: {apps: inventory}, matrix, now})
const brief = (f: Finding) => [f.kind, f.severity, f.scope, f.missingPrivileges.join('+')].join(' ')

describe('audit: findings, statuses and severities', () => {
  const cases: Array<{
    name: string
    scopes: string[]
    owner?: string
    mustKeep?: string[]
    inInventory?: boolean
    findings: string[]
    statuses: Record<string, string>
  }> = [
    {
      name: 'owner holds everything → no findings',
      scopes: ['meeting:write:admin', 'recording:read:admin'],
      owner: 'ann@x.example',
      findings: [],
      statuses: {'meeting:write:admin': 'ok', 'recording:read:admin': 'ok'},
    },
    {
      name: 'write scope, privilege missing → high',
      scopes: ['meeting:write:admin'],
      owner: 'vic@x.example',
      findings: ['missing-privilege high meeting:write:admin User:Edit'],
      statuses: {'meeting:write:admin': 'missing'},
    },
    {
      name: 'read scope, privilege missing → medium',
      scopes: ['meeting:read:admin'],
      owner: 'mem@x.example',
      findings: ['missing-privilege medium meeting:read:admin User:Read'],
      statuses: {'meeting:read:admin': 'missing'},
    },
    {
      name: 'update and delete actions are high',
      scopes: ['meeting:update:meeting:admin', 'meeting:delete:meeting:admin'],
      owner: 'vic@x.example',
      findings: [
        'missing-privilege high meeting:delete:meeting:admin User:Edit',
        'missing-privilege high meeting:update:meeting:admin User:Edit',
      ],
      statuses: {'meeting:update:meeting:admin': 'missing'},
    },
    {
      name: 'read scope in mustKeep → high',
      scopes: ['recording:read:admin'],
      owner: 'mem@x.example',
      mustKeep: ['recording:read:admin'],
      findings: ['missing-privilege high recording:read:admin Recording:Read'],
      statuses: {'recording:read:admin': 'missing'},
    },
    {
      name: 'group-limited privilege on an admin scope → group-restricted, status missing',
      scopes: ['meeting:write:admin'],
      owner: 'reg@x.example',
      findings: ['group-restricted-privilege high meeting:write:admin User:Edit'],
      statuses: {'meeting:write:admin': 'missing'},
    },
    {
      name: 'group-limited only for what the role has; what it lacks entirely is missing',
      scopes: ['recording:write:admin'],
      owner: 'reg@x.example',
      findings: ['missing-privilege high recording:write:admin Recording:Edit'],
      statuses: {'recording:write:admin': 'missing'},
    },
    {
      name: 'partial privilege missing → low, status partial',
      scopes: ['user:read:admin'],
      owner: 'vic@x.example',
      findings: ['partial-privilege low user:read:admin MobileDeviceManagement:Read'],
      statuses: {'user:read:admin': 'partial'},
    },
    {
      name: 'a lost scope is not also reported for partial privileges',
      scopes: ['user:read:admin'],
      owner: 'mem@x.example',
      findings: ['missing-privilege medium user:read:admin User:Read'],
      statuses: {'user:read:admin': 'missing'},
    },
    {
      name: 'unmapped scope → low',
      scopes: ['phone:read:admin'],
      owner: 'ann@x.example',
      findings: ['unmapped-scope low phone:read:admin '],
      statuses: {'phone:read:admin': 'unmapped'},
    },
    {
      name: 'user-level scopes need nothing',
      scopes: ['meeting:read', 'meeting:write'],
      owner: 'mem@x.example',
      findings: [],
      statuses: {'meeting:read': 'ok'},
    },
    {
      name: 'empty owner → owner-unknown, scopes unchecked, unmapped still reported',
      scopes: ['meeting:write:admin', 'phone:read:admin'],
      owner: '',
      findings: ['owner-unknown medium  ', 'unmapped-scope low phone:read:admin '],
      statuses: {'meeting:write:admin': 'unchecked', 'phone:read:admin': 'unmapped'},
    },
    {
      name: 'app not in the inventory → owner-unknown',
      scopes: ['meeting:write:admin'],
      inInventory: false,
      findings: ['owner-unknown medium  '],
      statuses: {'meeting:write:admin': 'unchecked'},
    },
    {
      name: 'owner the account does not have → owner-not-found (high)',
      scopes: ['meeting:write:admin'],
      owner: 'nobody@x.example',
      findings: ['owner-not-found high  '],
      statuses: {'meeting:write:admin': 'unchecked'},
    },
    {
      name: 'owner whose role is not in the account → owner-role-unknown (high)',
      scopes: ['meeting:write:admin'],
      owner: 'orphan@x.example',
      findings: ['owner-role-unknown high  '],
      statuses: {'meeting:write:admin': 'unchecked'},
    },
    {
      name: 'inactive owner → one high finding, scopes still checked',
      scopes: ['meeting:write:admin'],
      owner: 'gone@x.example',
      findings: ['owner-inactive high  '],
      statuses: {'meeting:write:admin': 'ok'},
    },
    {
      name: 'pending owner (no id) matched by email → owner-inactive, scopes checked',
      scopes: ['meeting:write:admin'],
      owner: 'PENDING@x.example',
      findings: ['owner-inactive high  ', 'missing-privilege high meeting:write:admin User:Edit'],
      statuses: {'meeting:write:admin': 'missing'},
    },
    {
      name: 'owner given as a Zoom user id',
      scopes: ['meeting:write:admin'],
      owner: 'u2',
      findings: ['missing-privilege high meeting:write:admin User:Edit'],
      statuses: {'meeting:write:admin': 'missing'},
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const inventory = c.inInventory === false ? [] : [{id: 'app1', owner: c.owner ?? '', mustKeep: c.mustKeep}]
      const report = audit([app(c.scopes)], inventory)
      expect(report.findings.map(brief).sort()).to.deep.equal([...c.findings].sort())
      for (const [scope, status] of Object.entries(c.statuses))
        expect(report.apps[0]!.scopes.find((s) => s.scope === scope)?.status, scope).to.equal(status)
    })
  }

  it('app-not-found: inventory-only app is audited with its inventory scopes', () => {
    const report = audit([], [{id: 'ghost', owner: 'vic@x.example', name: 'Ghost', scopes: ['meeting:write:admin']}])
    expect(report.findings.map(brief)).to.deep.equal(
      ['missing-privilege high meeting:write:admin User:Edit', 'app-not-found medium  '].sort((a, b) =>
        a.startsWith('missing') ? -1 : b.startsWith('missing') ? 1 : 0,
      ),
    )
    expect(report.apps[0]).to.include({id: 'ghost', name: 'Ghost', inAccount: false})
  })

  it("the snapshot's scopes win over the inventory's for the same app", () => {
    const report = audit(
      [app(['meeting:read:admin'])],
      [{id: 'app1', owner: 'mem@x.example', scopes: ['meeting:write:admin']}],
    )
    expect(report.apps[0]!.scopes.map((s) => s.scope)).to.deep.equal(['meeting:read:admin'])
  })

  it('findings carry labels, owner, role and an actionable message naming the portal label', () => {
    const [finding] = audit([app(['meeting:write:admin'])], [{id: 'app1', owner: 'vic@x.example'}]).findings
    expect(finding).to.include({owner: 'vic@x.example', ownerRole: 'Viewer', appName: 'App app1'})
    expect(finding!.labels).to.deep.equal({'User:Edit': 'Users: Edit'})
    expect(finding!.message).to.equal(
      'App app1 loses meeting:write:admin: give Vic\'s role "Viewer" Users: Edit, or transfer App app1 to a user who has it.',
    )
  })

  it('ids are stable: independent of input order and wording, different per kind/app/scope/privilege', () => {
    const apps = [app(['meeting:write:admin', 'meeting:read:admin'], 'a'), app(['recording:write:admin'], 'b')]
    const inventory = [
      {id: 'a', owner: 'mem@x.example'},
      {id: 'b', owner: 'mem@x.example'},
    ]
    const one = audit(apps, inventory).findings
    const two = audit(
      [...apps].reverse().map((a) => ({...a, scopes: [...a.scopes].reverse()})),
      [...inventory].reverse(),
    ).findings
    expect(two.map((f) => f.id)).to.deep.equal(one.map((f) => f.id))
    expect(new Set(one.map((f) => f.id)).size).to.equal(one.length)
  })

  it('summary counts findings, apps at risk (high or medium), by severity and kind', () => {
    const report = audit(
      [app(['meeting:write:admin'], 'a'), app(['phone:read:admin'], 'b'), app([], 'c')],
      [
        {id: 'a', owner: 'mem@x.example'},
        {id: 'b', owner: 'ann@x.example'},
        {id: 'c', owner: 'ann@x.example'},
      ],
    )
    expect(report.summary).to.deep.include({apps: 3, appsAtRisk: 1, findings: 2})
    expect(report.summary.bySeverity).to.deep.equal({high: 1, medium: 0, low: 1})
    expect(report.summary.byKind['missing-privilege']).to.equal(1)
    expect(report.apps.map((a) => a.id)).to.deep.equal(['a', 'b', 'c'])
    expect(report.generatedAt).to.equal(now.toISOString())
  })
})
