// `doctor` as a checklist for a terminal: one line per check, ✓ / ✗ / – / !, then what to do.
import {plural} from '../words.js'
import type {DoctorResult, EndpointCheck} from '../doctor/doctor.js'
import {SCOPE_NEEDS} from '../doctor/scopes.js'
import type {RateLimitLabel} from '../doctor/doctor.js'
import type {Style} from './style.js'

const LABEL_NAMES: Record<RateLimitLabel, string> = {
  LIGHT: 'Light',
  MEDIUM: 'Medium',
  HEAVY: 'Heavy',
  RESOURCE_INTENSIVE: 'Resource-intensive',
}

export function renderDoctor(result: DoctorResult, style: Style): string {
  const ok = (text: string) => `${style.green('✓')} ${text}`
  const bad = (text: string) => `${style.red('✗')} ${text}`
  const skip = (text: string) => `${style.dim('–')} ${text}`
  const warn = (text: string) => `${style.yellow('!')} ${text}`
  const width = Math.max(...result.endpoints.map((e) => e.endpoint.length), 'Token scopes'.length)
  const name = (text: string) => style.bold(text.padEnd(width))
  const lines: string[] = [`zoom-scope-audit doctor — account ${result.accountId}`, '']

  if (result.credentials.status === 'ok')
    lines.push(ok(`${name('Credentials')}  access token minted (${result.tokenUrl})`))
  else lines.push(bad(`${name('Credentials')}  ${result.credentials.error?.message ?? 'failed'}`))

  const scopes = result.scopes
  if (scopes.status === 'ok')
    lines.push(ok(`${name('Token scopes')}  every read scope the audit needs (${scopes.granted.length} granted)`))
  else if (scopes.status === 'skipped') lines.push(skip(`${name('Token scopes')}  not checked: no access token`))
  else if (scopes.status === 'unknown')
    lines.push(warn(`${name('Token scopes')}  Zoom did not say which scopes the token has (see below)`))
  else {
    const n = scopes.missing.length
    lines.push(
      bad(
        `${name('Token scopes')}  missing for ${n} of the ${SCOPE_NEEDS.length} reads the audit makes; add to the auditor app, for each, the classic or the granular scope:`,
      ),
    )
    for (const m of scopes.missing) {
      lines.push(`    ${m.what} (${m.endpoint}): ${style.bold(m.classic)} or ${style.bold(m.granular)}`)
    }
  }

  for (const check of result.endpoints) lines.push(endpointLine(check, name, {ok, bad, skip}))

  lines.push('')
  lines.push(`  ${'API URL'.padEnd(9)} ${result.apiUrl ?? 'unknown (no token)'}`)
  const budget = (Object.keys(LABEL_NAMES) as RateLimitLabel[])
    .map((label) => `${LABEL_NAMES[label]} ${result.plan.budget[label]}`)
    .join(', ')
  lines.push(`  ${'Plan'.padEnd(9)} ${result.plan.name}, rate budget ${result.plan.rateBudgetPercent} % (${budget})`)
  for (const warning of result.warnings) lines.push(warn(warning))

  lines.push('')
  const failed = countFailed(result)
  const calls = `${plural(result.apiCalls, 'API call')} in ${result.seconds.toFixed(1)} s.`
  lines.push(
    failed === 0
      ? `${calls} ${style.green('Ready:')} run \`inventory init\` or \`audit\`.`
      : `${calls} ${style.red(`${plural(failed, 'check')} failed`)}: fix ${failed === 1 ? 'it' : 'them'} and run doctor again.`,
  )
  return `${lines.join('\n')}\n`
}

function endpointLine(
  check: EndpointCheck,
  name: (text: string) => string,
  mark: {ok: (t: string) => string; bad: (t: string) => string; skip: (t: string) => string},
): string {
  if (check.status === 'ok') return mark.ok(`${name(check.endpoint)}  ${check.detail}`)
  if (check.status === 'skipped') return mark.skip(`${name(check.endpoint)}  skipped: ${check.detail}`)
  return mark.bad(`${name(check.endpoint)}  ${check.error?.message ?? check.detail}`)
}

export function countFailed(result: DoctorResult): number {
  return (
    (result.credentials.status === 'failed' ? 1 : 0) +
    (result.scopes.status === 'missing' ? 1 : 0) +
    result.endpoints.filter((e) => e.status === 'failed').length
  )
}
