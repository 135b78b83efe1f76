// The example account's report (test matrix, fixed clock) and variants with the optional parts every renderer must
// show when present: new findings, accepted and resolved findings, a confidence per finding, hostile names.
import {readFileSync} from 'node:fs'

import {runAudit} from '../../src/audit/audit.js'
import type {AuditReport, Finding} from '../../src/audit/types.js'
import {buildMatrix} from '../../src/matrix/matrix.js'
import type {MatrixFile} from '../../src/matrix/types.js'
import {triage} from '../../src/triage/triage.js'

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
export const matrix = buildMatrix([
  {file: 'test-matrix.json', matrix: read('../fixtures/test-matrix.json') as MatrixFile},
])
export const label = (privilege: string) => matrix.label(privilege)
const now = new Date('2026-11-20T10:00:00Z')
export const exampleReport: AuditReport = runAudit({
  snapshot: read('../../examples/snapshot.json'),
  inventory: read('../../examples/inventory.json'),
  matrix,
  now,
})

export const IMG_NAME = '<img src=x onerror=alert(1)>'
export const SCRIPT_NAME = '</script><script>alert(2)</script>'

/** Recording Archiver and Room Dashboard renamed to markup; an owner and a message with markup too. */
export function hostileReport(): AuditReport {
  const names: Record<string, string> = {aRecArch01: IMG_NAME, aRoomDash3: SCRIPT_NAME}
  const rename = <T extends {appId: string; appName: string}>(f: T): T =>
    names[f.appId] ? {...f, appName: names[f.appId]!, message: `${names[f.appId]} "&' loses`} : f
  return {
    ...exampleReport,
    account: {...exampleReport.account, id: '<b>acct</b>'},
    apps: exampleReport.apps.map((a) => (names[a.id] ? {...a, name: names[a.id]!} : a)),
    findings: exampleReport.findings.map(rename),
  }
}

/** With a baseline (the first two findings old), the first high finding accepted, one resolved, confidences. */
export function triagedReport(): AuditReport {
  const [first, second] = exampleReport.findings
  const accepted = exampleReport.findings.find((f) => f.appId === 'aRecArch01')!
  const gone: Finding = {
    ...second!,
    id: 'zsa-0000000000aa',
    appId: 'aGoneApp99',
    appName: 'Gone App',
    message: 'Gone App lost a scope.',
  }
  const {report} = triage(exampleReport, {
    baseline: {file: 'last-week.json', findings: [first!, second!, gone]},
    acceptances: [
      {id: accepted.id, reason: 'Dana gets Users: Edit <Monday>', until: '2026-12-31', by: 'priya', ticket: 'CHG-12'},
    ],
    now,
  })
  return {
    ...report,
    findings: report.findings.map((f, i) => ({...f, confidence: i % 2 === 0 ? 'documented' : 'inferred'})),
  }
}
