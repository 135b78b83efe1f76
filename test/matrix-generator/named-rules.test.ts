// The rules the issue names, read from the committed built-in matrix.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import type {MatrixFile, MatrixRule} from '../../src/matrix/types.js'

const matrix = JSON.parse(
  readFileSync(new URL('../../data/builtin-matrix.json', import.meta.url), 'utf8'),
) as MatrixFile

function rule(scope: string): MatrixRule {
  const found = matrix.rules.find((r) => r.scope === scope)
  if (!found) throw new Error(`no rule for ${scope}`)
  return found
}

describe('built-in matrix: named rules', () => {
  it('meeting:read:admin → User:Read (manual: Zoom staff + the spec, both kept as evidence)', () => {
    const r = rule('meeting:read:admin')
    expect(r.requires).to.deep.equal(['User:Read'])
    expect(r.partial).to.equal(undefined)
    expect(r.confidence).to.equal('manual')
    expect(r.sources[0]).to.match(/^https:\/\/devforum\.zoom\.us\/t\/-\/92331 \(Zoom staff/)
    expect(r.sources).to.include('GET /users/{userId}/meetings')
    expect(r.operations).to.equal(18)
  })

  it('meeting:write:admin → User:Edit (manual)', () => {
    const r = rule('meeting:write:admin')
    expect(r.requires).to.deep.equal(['User:Edit'])
    expect(r.confidence).to.equal('manual')
    expect(r.sources[0]).to.include('devforum.zoom.us/t/-/92331')
    expect(r.sources).to.include('POST /users/{userId}/meetings')
    expect(r.operations).to.equal(25)
  })

  it('meeting:write:meeting:admin → User:Edit (documented)', () => {
    const r = rule('meeting:write:meeting:admin')
    expect(r.requires).to.deep.equal(['User:Edit'])
    expect(r.confidence).to.equal('documented')
    expect(r.sources).to.deep.equal(['POST /users/{userId}/meetings'])
  })

  it('webinar:read:admin → User:Read', () => {
    expect(rule('webinar:read:admin')).to.include({confidence: 'documented'})
    expect(rule('webinar:read:admin').requires).to.deep.equal(['User:Read'])
  })

  it('recording:read:admin → Recording:Read, saying 4 of its 6 operations document nothing', () => {
    const r = rule('recording:read:admin')
    expect(r.requires).to.deep.equal(['Recording:Read'])
    expect(r.operations).to.equal(2)
    expect(r.note).to.include('4 of its 6 operations document no x-permissions')
  })

  it('report:read:admin → UsageReport:Read', () => {
    expect(rule('report:read:admin').requires).to.deep.equal(['UsageReport:Read'])
  })

  it('user:read:admin → User:Read, with MobileDeviceManagement:Read (2 of 14 operations) only partial', () => {
    const r = rule('user:read:admin')
    expect(r.requires).to.deep.equal(['User:Read'])
    expect(r.partial).to.deep.equal(['MobileDeviceManagement:Read'])
    expect(r.note).to.include('MobileDeviceManagement:Read 2/14')
  })

  it('account:write:admin → AccountSetting:Edit + AccountProfile:Edit, not SubAccount:* (master-account documents not used)', () => {
    const r = rule('account:write:admin')
    expect(r.requires).to.deep.equal(['AccountProfile:Edit', 'AccountSetting:Edit'])
    expect([...r.requires, ...(r.partial ?? [])].filter((p) => p.startsWith('SubAccount:'))).to.deep.equal([])
    expect(r.note).to.include('master-account documents (accounts-ma) list SubAccount:Edit, SubAccount:Read')
  })

  it('a user-level scope (meeting:read) → [] documented, with the reason', () => {
    const r = rule('meeting:read')
    expect(r.requires).to.deep.equal([])
    expect(r.confidence).to.equal('documented')
    expect(r.note).to.match(/^User-level scope/)
  })

  it('master scopes model the sub-account privileges: account:read:settings:master → SubAccount:*; user:master is never []', () => {
    const settings = rule('account:read:settings:master')
    expect(settings.requires).to.deep.equal(['SubAccount:Edit', 'SubAccount:Read'])
    expect(settings.sources).to.deep.equal(['GET /accounts/{accountId}/settings (accounts-ma)'])
    const user = rule('user:master')
    expect(user.requires.length).to.be.greaterThan(0)
    expect([...user.requires, ...(user.partial ?? [])]).to.include.members(['SubAccount:Edit', 'SubAccount:Read'])
  })

  it('an undocumented scope is unmapped with its reason: role:read:admin', () => {
    expect(matrix.rules.find((r) => r.scope === 'role:read:admin')).to.equal(undefined)
    expect(matrix.unmapped?.['role:read:admin']).to.equal(
      'Not documented: none of its 3 operations (accounts) list x-permissions, and the classic scope listed on them (role:write:admin) documents none either.',
    )
    expect(matrix.unmapped?.['phone:read:admin']).to.include(
      'the phone document carries no x-permissions on any operation',
    )
  })

  it('an undocumented granular scope with a documented co-listed classic scope is inferred from it', () => {
    const r = rule('cloud_recording:read:list_recording_files:admin')
    expect(r.confidence).to.equal('inferred')
    expect(r.requires).to.deep.equal(['Recording:Read'])
    const narrowed = rule('dashboard:read:meeting:admin')
    expect(narrowed.confidence).to.equal('inferred')
    expect(narrowed.requires).to.deep.equal(['DashboardMeetings:Read'])
  })

  it('dashboard:read:admin: no privilege on half its operations → the most frequent, and the note says so', () => {
    const r = rule('dashboard:read:admin')
    expect(r.requires).to.deep.equal(['DashboardHome:Read', 'DashboardMeetings:Read', 'DashboardWebinars:Read'])
    expect(r.partial).to.deep.equal(['DashboardCRC:Read', 'DashboardIM:Read', 'DashboardZR:Read'])
    expect(r.note).to.include('No privilege is listed on at least half')
  })

  it('survey:read:admin: the note says Survey:Read + EngagementSurvey:Read may mean either', () => {
    const r = rule('survey:read:admin')
    expect(r.requires).to.deep.equal(['EngagementSurvey:Read', 'Survey:Read'])
    expect(r.note).to.include('EngagementSurvey:Read + Survey:Read').and.include('all or either one')
  })

  it('User:Edit satisfies User:Read (implies)', () => {
    expect(matrix.implies?.['User:Edit']).to.include('User:Read')
  })
})
