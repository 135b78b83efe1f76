// The shipped classic → granular map checked against rows of Zoom's operation data, read here with our own parsing
// (not the generator's code): levels, the union over every operation listing the classic scope, empty cases.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {expect} from 'chai'

import {loadClassicToGranular} from '../../src/migrate/map.js'
import {scopeKind, scopeModel} from '../../src/migrate/scope-model.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const map = loadClassicToGranular()

interface Row {
  product: string
  operation: string
  classic: string[]
  granular: string[]
}

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

function readRows(): Row[] {
  const dir = join(root, 'data/zoom/operations')
  const rows: Row[] = []
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv'))) {
    const [header, ...lines] = readFileSync(join(dir, name), 'utf8').trim().split('\n')
    const columns = (header ?? '').split('\t')
    for (const line of lines) {
      const cells = line.split('\t')
      const get = (column: string) => cells[columns.indexOf(column)]
      const product = get('product') ?? ''
      const described = `${get('method')} ${get('path')}`
      rows.push({
        product,
        operation: product.endsWith('-ma') ? `${described} (${product})` : described,
        classic: list(get('x_macro_scopes')),
        granular: list(get('x_granular_scopes')),
      })
    }
  }
  return rows
}

const rows = readRows()
const level = (scope: string) =>
  scope.split(':').includes('admin') ? 'admin' : scope.split(':').includes('master') ? 'master' : 'user'

/** Same-level granular scope → operations, over every row listing the classic scope. */
function expectedFromRows(classic: string): Map<string, Set<string>> {
  const expected = new Map<string, Set<string>>()
  for (const row of rows.filter((r) => r.classic.includes(classic))) {
    for (const granular of row.granular.filter((g) => level(g) === level(classic))) {
      expected.set(granular, (expected.get(granular) ?? new Set()).add(row.operation))
    }
  }
  return expected
}

// One row of the data per case: the classic scope, an operation listing it, a granular scope on that row that the
// map must list for it (or null), and one on the same row it must not (another level), or null.
const CASES: Array<{
  classic: string
  level: string
  row: string
  includes: string | null
  excludes: string | null
  total: number
}> = [
  {
    classic: 'meeting:read:admin',
    level: 'admin',
    row: 'GET /meetings/{meetingId}',
    includes: 'meeting:read:meeting:admin',
    excludes: 'meeting:read:meeting',
    total: 18,
  },
  {
    classic: 'meeting:read',
    level: 'user',
    row: 'GET /meetings/{meetingId}',
    includes: 'meeting:read:meeting',
    excludes: 'meeting:read:meeting:admin',
    total: 18,
  },
  {
    classic: 'user:read:admin',
    level: 'admin',
    row: 'GET /users',
    includes: 'user:read:list_users:admin',
    excludes: null,
    total: 13,
  },
  {
    classic: 'recording:write',
    level: 'user',
    row: 'PATCH /archive_files/{fileId}',
    includes: 'archiving:update:archived_file_auto_delete_status',
    excludes: 'archiving:update:archived_file_auto_delete_status:admin',
    total: 9,
  },
  {
    classic: 'recording:read:admin',
    level: 'admin',
    row: 'GET /archive_files',
    includes: 'archiving:read:list_archived_files:admin',
    excludes: 'archiving:read:list_archived_files:master',
    total: 6,
  },
  {
    classic: 'dashboard_zr:read:admin',
    level: 'admin',
    row: 'GET /metrics/zoomrooms',
    includes: 'dashboard:read:list_zoomrooms:admin',
    excludes: null,
    total: 3,
  },
  {
    classic: 'webinar:write:admin',
    level: 'admin',
    row: 'DELETE /live_webinars/{webinarId}/chat/messages/{messageId}',
    includes: 'webinar:delete:live_webinar_chat_message:admin',
    excludes: 'webinar:delete:live_webinar_chat_message',
    total: 29,
  },
  {
    classic: 'account:master',
    level: 'master',
    row: 'GET /accounts (accounts-ma)',
    includes: 'account:read:list_sub_accounts:master',
    excludes: null,
    total: 12,
  },
  {
    classic: 'user:master',
    level: 'master',
    row: 'GET /accounts/{accountId}/users (users-ma)',
    includes: 'user:read:list_users:master',
    excludes: null,
    total: 23,
  },
  // An admin-level classic scope on a master-account operation: that row's granular scope is master-level, not listed.
  {
    classic: 'account:read:admin',
    level: 'admin',
    row: 'GET /accounts/{accountId}/lock_settings (accounts-ma)',
    includes: null,
    excludes: 'account:read:lock_settings:master',
    total: 2,
  },
  {
    classic: 'phone:read:admin',
    level: 'admin',
    row: 'GET /phone/account_settings',
    includes: 'phone:read:list_account_settings:admin',
    excludes: null,
    total: 127,
  },
  // Operations, but none lists a granular scope of the classic scope's level.
  {
    classic: 'meeting:master',
    level: 'master',
    row: 'PATCH /live_meetings/{meetingId}/events',
    includes: null,
    excludes: 'meeting:update:in_meeting_controls:admin',
    total: 0,
  },
  {classic: 'imchat:bot', level: 'user', row: 'POST /im/chat/messages', includes: null, excludes: null, total: 0},
]

describe('classic → granular map against the operation data', () => {
  for (const c of CASES) {
    it(`${c.classic}: ${c.level}-level, ${c.total} granular scope${c.total === 1 ? '' : 's'}, the union over its operations`, () => {
      const row = rows.find((r) => r.operation === c.row && r.classic.includes(c.classic))
      expect(row, `the data has ${c.row} listing ${c.classic}`).to.not.equal(undefined)
      if (c.includes) expect(row!.granular).to.include(c.includes)
      if (c.excludes) expect(row!.granular).to.include(c.excludes)

      const granular = map.granularFor(c.classic)
      expect(granular).to.not.equal(null)
      const got = new Map(granular!.map((g) => [g.scope, g.operations]))
      expect(got.size).to.equal(c.total)
      for (const scope of got.keys()) expect(level(scope), scope).to.equal(c.level)
      if (c.includes) expect(got.get(c.includes)).to.include(c.row)
      if (c.excludes) expect(got.has(c.excludes)).to.equal(false)

      const expected = expectedFromRows(c.classic)
      expect([...got.keys()]).to.deep.equal([...expected.keys()].sort())
      for (const [scope, operations] of got) expect(new Set(operations), scope).to.deep.equal(expected.get(scope))
      expect(map.operationCount(c.classic)).to.equal(rows.filter((r) => r.classic.includes(c.classic)).length)
    })
  }

  it('a scope Zoom does not list as classic on any operation has no entry (not "no granular scopes")', () => {
    for (const scope of ['meeting:read:legacy', 'meeting:read:meeting:admin', '']) {
      expect(rows.some((r) => r.classic.includes(scope))).to.equal(false)
      expect(map.granularFor(scope), scope).to.equal(null)
      expect(map.operationCount(scope)).to.equal(0)
    }
    expect(map.granularFor(' meeting:read:admin ')).to.have.length(18)
  })

  it('every classic scope of the data has an entry, and every entry is a classic scope of the data', () => {
    const classics = new Set(rows.flatMap((r) => r.classic))
    for (const scope of classics) expect(map.isClassic(scope), scope).to.equal(true)
    expect(classics.size).to.equal(306)
  })

  it("scope kinds and an app's scope model: classic, granular, mixed", () => {
    expect(scopeKind(map, 'meeting:read:admin')).to.equal('classic')
    expect(scopeKind(map, 'app:deeplink:write')).to.equal('classic')
    expect(scopeKind(map, 'meeting:read:meeting:admin')).to.equal('granular')
    expect(scopeKind(map, 'scim2:admin')).to.equal('granular') // the data says so, whatever its shape
    expect(scopeKind(map, 'meeting:write:sip_dialing')).to.equal('classic') // both: migrating keeps it
    expect(scopeKind(map, 'widget:read:admin')).to.equal('classic') // unknown: shaped like a classic scope
    expect(scopeKind(map, 'widget:read:thing:admin')).to.equal('granular')
    expect(scopeModel(map, ['meeting:read:admin', 'user:read'])).to.equal('classic')
    expect(scopeModel(map, ['meeting:read:meeting:admin'])).to.equal('granular')
    expect(scopeModel(map, ['meeting:read:admin', 'meeting:read:meeting:admin'])).to.equal('mixed')
    expect(scopeModel(map, [])).to.equal(null)
  })
})
