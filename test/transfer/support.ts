// A small account and matrix for the pure transfer/roles tests (no files, no CLI).
import {readFileSync} from 'node:fs'

import {buildMatrix, type Matrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import type {Snapshot, SnapshotRole, SnapshotUser} from '../../src/snapshot/types.js'

/** test/fixtures/test-matrix.json: meeting/recording/user rules, User:Edit ⇒ User:Read, Recording:Edit ⇒ Recording:Read. */
export function testMatrix(extra?: MatrixFile): Matrix {
  const base = JSON.parse(readFileSync(new URL('../fixtures/test-matrix.json', import.meta.url), 'utf8')) as MatrixFile
  return buildMatrix([
    {file: 'test-matrix.json', matrix: base},
    ...(extra ? [{file: 'extra.json', matrix: extra}] : []),
  ])
}

export const role = (
  id: string,
  name: string,
  privileges: string[],
  privilegeScopes: Record<string, string[]> = {},
): SnapshotRole => ({id, name, privileges, privilegeScopes})
export const user = (
  email: string,
  roleId: string,
  status: SnapshotUser['status'] = 'active',
  id?: string,
): SnapshotUser => ({
  ...(status === 'pending' ? {} : {id: id ?? `u-${email.split('@')[0]}`}),
  email,
  status,
  roleId,
  name: email.split('@')[0]!.replace('.', ' '),
})

export const ROLES = {
  member: role('r-member', 'Member', []),
  reader: role('r-reader', 'Reader', ['User:Read']),
  editor: role('r-editor', 'Editor', ['User:Edit', 'User:Read']),
  recorder: role('r-recorder', 'Recorder', ['Recording:Read', 'User:Edit', 'User:Read']),
  recorderPlus: role('r-recplus', 'Recorder Plus', [
    'MobileDeviceManagement:Read',
    'Recording:Edit',
    'Recording:Read',
    'Role:Read',
    'User:Edit',
    'User:Read',
  ]),
  emea: role('r-emea', 'EMEA Editor', ['Recording:Read', 'User:Edit', 'User:Read'], {'User:Edit': ['g-emea']}),
  admin: role('r-admin', 'Admin', [
    'Group:Read',
    'MobileDeviceManagement:Read',
    'Recording:Edit',
    'Recording:Read',
    'Role:Read',
    'User:Edit',
    'User:Read',
    'UsageReport:Read',
  ]),
}

export function account(
  users: SnapshotUser[],
  roles: SnapshotRole[] = Object.values(ROLES),
  apps: Snapshot['apps'] = [],
): Snapshot {
  return {schemaVersion: 1, capturedAt: '2026-11-16T07:00:00.000Z', account: {id: 'acct'}, users, roles, apps}
}

export const ARCHIVER = {
  id: 'aArch',
  name: 'Archiver',
  type: 'OAuthApp',
  status: 'PUBLISHED',
  scopes: ['meeting:read:admin', 'meeting:write:admin', 'recording:read:admin'],
  source: 'detail' as const,
}
