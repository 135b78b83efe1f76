// A report of a few hundred apps made up from a seeded generator — names, owners, scopes and messages of every shape
// the terminal table has to wrap (wide and combined characters, long unbreakable words, runs of spaces) — and the
// generator itself, for tests that need many varied texts. Written directly as report data, not by the audit, so
// it changes only when this file does.
import {createHash} from 'node:crypto'

import type {AuditReport, Finding, FindingKind, ReportApp, Severity} from '../../src/audit/types.js'

/** A small seeded generator (mulberry32): the same inputs on every run. */
export function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return {next, int, pick}
}

/** Pieces a text is made of: words, the characters long words break after, runs of spaces, newlines, wide and odd code points. */
const PIECES = [
  'a',
  'Users',
  'Edit',
  'meeting:write:meeting:admin',
  'dashboard_meetings:read:admin',
  'x'.repeat(37),
  'lena.fischer@acme.example',
  'https://marketplace.zoom.us/develop/apps/aMtgBot004/scopes',
  ':',
  ',',
  '/',
  '.',
  '_',
  '-',
  ' ',
  ' ',
  ' ',
  '  ',
  '   ',
  '\n',
  'José',
  'Ünïcödé',
  '日本語のアプリ',
  '😀',
  '👩‍💻',
  '\uD83D',
  '\uDE00',
  '\t',
  '\\x1b[31m',
  '→',
] as const

/** The pieces of most real text: single spaces, no surrogate pairs. */
export const PLAIN_PIECES = PIECES.filter((p) => !/ {2}|[\uD800-\uDFFF]/.test(p))

export function randomText(
  r: ReturnType<typeof random>,
  count = 1 + r.int(40),
  pieces: readonly string[] = PIECES,
): string {
  let text = ''
  for (let i = 0; i < count; i++) text += r.pick(pieces)
  return text
}

const KINDS: Array<[FindingKind, Severity]> = [
  ['missing-privilege', 'high'],
  ['group-restricted-privilege', 'high'],
  ['missing-privilege', 'medium'],
  ['partial-privilege', 'low'],
  ['unmapped-scope', 'low'],
  ['owner-inactive', 'high'],
  ['owner-unknown', 'medium'],
]
const NAMES = ['Meeting Scheduler Bot', 'José’s Räumungs-Helfer', '日本語のアプリ', 'Ops😀Bot', 'x'.repeat(90), 'A']
const SCOPES = [
  'meeting:write:meeting:admin',
  'dashboard_meetings:read:admin',
  'user:read:admin',
  'cloud_recording:read:list_recording_files:admin',
  `very_long_scope_${'z'.repeat(70)}:read:admin`,
]
const LABELS: Record<string, string> = {
  'User:Edit': 'Users: Edit',
  'User:Read': 'Users: View',
  'Meeting:Read': 'Meetings: View',
  'Dashboard:Read': 'Dashboard: View',
  'MDM:Read': 'Mobile Device Management: View',
}

/** 400 apps, about a third with findings (1 to 6 each), names and texts of every shape the table wraps. */
export function generatedReport(): AuditReport {
  const r = random(4)
  const apps: ReportApp[] = []
  const findings: Finding[] = []
  for (let i = 0; i < 400; i++) {
    const id = `aGen${String(i).padStart(6, '0')}`
    const name = `${r.pick(NAMES)} ${i}`
    const owner =
      r.next() < 0.1
        ? null
        : {
            id: `u${i}`,
            email: `${r.pick(['dana.scully', 'lena.fischer', 'a', 'someone.with.a.very.long.name.indeed'])}${i}@acme.example`,
            status: r.pick(['active', 'active', 'inactive', 'pending'] as const),
            roleName: r.pick(['Member', 'IT Support', 'EMEA Admin', null, 'A role with a long name for the heading']),
          }
    apps.push({
      id,
      name,
      type: 'OAuthApp',
      owner,
      ownerRef: owner ? owner.email : r.pick(['', null, 'contractor@partner.example']),
      inAccount: true,
      mustKeep: [],
      scopeModel: r.pick(['classic', 'granular', 'mixed', null] as const),
      scopes: [],
    })
    if (i % 3 !== 0) continue
    for (let k = 0, n = 1 + r.int(6); k < n; k++) {
      const [kind, severity] = r.pick(KINDS)
      const privileges = Object.keys(LABELS).filter(() => r.next() < 0.3)
      findings.push({
        id: `zsa-${createHash('sha256').update(`${id}${k}`).digest('hex').slice(0, 12)}`,
        kind,
        severity,
        appId: id,
        appName: name,
        owner: owner?.email ?? null,
        ownerRole: owner?.roleName ?? null,
        scope: kind.startsWith('owner') ? null : r.pick(SCOPES),
        missingPrivileges: privileges,
        labels: Object.fromEntries(privileges.map((p) => [p, LABELS[p]!])),
        confidence: r.pick(['documented', 'documented', 'inferred', 'manual', null] as const),
        message: `${name} loses ${r.pick(SCOPES)}: ${randomText(r, 10 + r.int(40))} — transfer it or grant the privilege.`,
        ...(r.next() < 0.5 ? {new: r.next() < 0.5} : {}),
      })
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-20T10:00:00.000Z',
    account: {id: 'acct', capturedAt: '2026-11-16T07:00:00.000Z'},
    matrix: {version: 'test', files: []},
    summary: {
      apps: apps.length,
      appsAtRisk: new Set(findings.filter((f) => f.severity !== 'low').map((f) => f.appId)).size,
      findings: findings.length,
      bySeverity: {high: count('high'), medium: count('medium'), low: count('low')},
      byKind: {} as AuditReport['summary']['byKind'],
      appsOnClassicScopes: apps.filter((a) => a.scopeModel === 'classic' || a.scopeModel === 'mixed').length,
    },
    apps,
    findings,
  }
}
