// The audit: snapshot + inventory + matrix → report. Pure: no I/O but the shipped classic-scope map, the clock passed in.
import type {InventoryApp, Inventory} from '../inventory/types.js'
import type {Matrix, ScopeResolution} from '../matrix/matrix.js'
import type {Confidence} from '../matrix/types.js'
import {cleanScopes} from '../matrix/scope.js'
import {loadClassicToGranular, type ClassicToGranular} from '../migrate/map.js'
import {scopeModel} from '../migrate/scope-model.js'
import type {Snapshot, SnapshotApp, SnapshotRole} from '../snapshot/types.js'
import {displayName, indexAccount} from '../ownership/account-index.js'
import {roleScopeChecker, type ScopeCheck} from '../ownership/eligibility.js'
import {findingId} from './finding-id.js'
import {messages} from './messages.js'
import {sortApps, sortFindings, summarise} from './summary.js'
import {compareText} from '../text-order.js'
import type {AuditReport, Finding, FindingKind, ReportApp, ReportScope, Severity} from './types.js'

export interface AuditInput {
  snapshot: Snapshot
  inventory: Inventory
  matrix: Matrix
  now: Date
  /** Which scopes are classic (each app's scope model); the shipped map unless given. */
  classicMap?: ClassicToGranular
}

export function runAudit({
  snapshot,
  inventory,
  matrix,
  now,
  classicMap = loadClassicToGranular(),
}: AuditInput): AuditReport {
  // Only the inventory's owners are ever looked up.
  const account = indexAccount(snapshot, {only: inventory.apps.map((a) => a.owner).filter(Boolean)})
  const inventoryById = new Map(inventory.apps.map((a) => [a.id, a]))
  const snapshotIds = new Set(snapshot.apps.map((a) => a.id))
  // A snapshot taken without (this app in) an inventory never asked Zoom for apps the account's list does not show.
  const lookedUp = snapshot.inventoryApps === undefined ? undefined : new Set(snapshot.inventoryApps ?? [])
  const notLookedUp = (id: string) => lookedUp !== undefined && !lookedUp.has(id)
  const inventoryOnly: SnapshotApp[] = inventory.apps
    .filter((a) => !snapshotIds.has(a.id))
    .map((a) => ({
      id: a.id,
      name: a.name ?? a.id,
      type: a.type?.trim() || 'unknown',
      status: 'unknown',
      scopes: a.scopes ?? [],
      source: 'inventory',
    }))

  const verdicts = new ScopeVerdicts(matrix)
  const apps: ReportApp[] = []
  const findings: Finding[] = []
  for (const app of [...snapshot.apps, ...inventoryOnly]) {
    const presence = snapshotIds.has(app.id) ? 'in-account' : notLookedUp(app.id) ? 'not-looked-up' : 'not-found'
    apps.push(auditApp(app, inventoryById.get(app.id), presence, {account, verdicts, classicMap, findings}))
  }
  return {
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    account: {
      id: snapshot.account.id,
      capturedAt: snapshot.capturedAt,
      ...(snapshot.account.warnings?.length ? {warnings: snapshot.account.warnings} : {}),
    },
    matrix: {version: matrix.version, files: matrix.files},
    summary: summarise(apps, findings),
    apps: sortApps(apps, findings),
    findings: sortFindings(findings),
  }
}

/** What a scope's finding of one kind says whatever the app: the privileges concerned, sorted, and their labels. */
interface PrivilegeGap {
  kind: 'missing-privilege' | 'group-restricted-privilege' | 'partial-privilege'
  missingPrivileges: string[]
  labelList: string[]
  labels: Record<string, string>
}

/** A (role, scope) answer and what follows from it for every app of an owner with that role. */
interface ScopeVerdict {
  check: ScopeCheck
  /** Shared by every app of such an owner: report data is read-only. */
  report: ReportScope
  gaps: PrivilegeGap[]
}

/**
 * The scope answers of an audit, worked out once per (role, scope) and once per scope for apps whose owner's role is
 * unknown: an account of 10 000 apps × 50 scopes asks a few thousand distinct questions, not 500 000.
 */
class ScopeVerdicts {
  private readonly byRole = new Map<SnapshotRole, (scope: string) => ScopeVerdict>()
  private readonly uncheckedByScope = new Map<string, ReportScope>()

  constructor(readonly matrix: Matrix) {}

  /** The verdicts for owners of one role, by scope. */
  forRole(role: SnapshotRole): (scope: string) => ScopeVerdict {
    let of = this.byRole.get(role)
    if (!of) {
      const check = roleScopeChecker(this.matrix, role)
      const verdicts = new Map<string, ScopeVerdict>()
      of = (scope) => {
        let verdict = verdicts.get(scope)
        if (!verdict) {
          const answer = check(scope)
          verdict = {check: answer, report: reportScope(answer), gaps: privilegeGaps(answer, this.matrix)}
          verdicts.set(scope, verdict)
        }
        return verdict
      }
      this.byRole.set(role, of)
    }
    return of
  }

  /** The report entry of a scope whose owner cannot be checked (no owner, or no role). */
  unchecked(scope: string): ReportScope {
    let report = this.uncheckedByScope.get(scope)
    if (!report) {
      report = uncheckedScope(this.matrix.resolve(scope))
      this.uncheckedByScope.set(scope, report)
    }
    return report
  }
}

function auditApp(
  app: SnapshotApp,
  entry: InventoryApp | undefined,
  presence: 'in-account' | 'not-found' | 'not-looked-up',
  c: {
    account: ReturnType<typeof indexAccount>
    verdicts: ScopeVerdicts
    classicMap: ClassicToGranular
    /** Where the app's findings go. */
    findings: Finding[]
  },
): ReportApp {
  const inAccount = presence === 'in-account'
  const name = app.name || entry?.name || app.id
  // The account's scopes win; the inventory's stand in for apps Zoom did not show us.
  const scopes = cleanScopes(inAccount ? app.scopes : (entry?.scopes ?? []))
  const mustKeep = cleanScopes(entry?.mustKeep ?? [])
  const owner = entry?.owner ? c.account.findUser(entry.owner) : undefined
  const role = owner ? c.account.role(owner.roleId) : undefined
  const ownerEmail = owner?.email ?? (entry?.owner || null)
  const ownerRole = role?.name ?? null
  const noPrivileges: string[] = []
  // Key order as in the JSON report: app and owner, then what is missing, then what the finding is.
  const add: AddFinding = (kind, severity, scope, message, gap) =>
    c.findings.push({
      appId: app.id,
      appName: name,
      owner: ownerEmail,
      ownerRole,
      missingPrivileges: gap?.missingPrivileges ?? noPrivileges,
      labels: gap?.labels ?? {},
      confidence: gap?.confidence ?? null,
      id: findingId(kind, app.id, scope),
      kind,
      severity,
      scope,
      message: flat(message),
    })

  if (entry?.type?.trim().toLowerCase() === 'jwt')
    add('legacy-jwt-app', 'medium', null, messages.legacyJwtApp({app: name}))
  if (presence === 'not-looked-up')
    add('app-not-in-snapshot', 'high', null, messages.appNotInSnapshot({app: name, id: app.id}))
  else if (!inAccount)
    add('app-not-found', 'medium', null, messages.appNotFound({app: name, id: app.id, audited: scopes.length > 0}))

  const report: ReportApp = {
    id: app.id,
    name,
    type: app.type,
    owner: owner
      ? {id: owner.id ?? null, email: owner.email, status: owner.status, roleName: role?.name ?? null}
      : null,
    ownerRef: entry ? entry.owner : null,
    inAccount,
    mustKeep,
    scopeModel: scopeModel(c.classicMap, scopes),
    scopes: [],
  }

  if (!owner || !role) {
    if (!entry?.owner)
      add('owner-unknown', 'medium', null, messages.ownerUnknown({app: name, inInventory: entry !== undefined}))
    else if (!owner) add('owner-not-found', 'high', null, messages.ownerNotFound({app: name, ref: entry.owner}))
    else
      add(
        'owner-role-unknown',
        'high',
        null,
        messages.ownerRoleUnknown({app: name, owner: displayName(owner), roleId: owner.roleId}),
      )
    report.scopes = scopes.map((scope) => {
      const unchecked = c.verdicts.unchecked(scope)
      if (unchecked.status === 'unmapped') unmappedFinding(c.verdicts.matrix.resolve(scope), name, add)
      return unchecked
    })
    return report
  }

  if (owner.status !== 'active')
    add(
      'owner-inactive',
      'high',
      null,
      messages.ownerInactive({app: name, owner: displayName(owner), status: owner.status}),
    )
  const context = {app: name, owner: displayName(owner), role: role.name, mustKeep}
  const verdictOf = c.verdicts.forRole(role)
  report.scopes = scopes.map((scope) => {
    const verdict = verdictOf(scope)
    // Most scopes of most apps are kept: nothing more to do for them.
    if (verdict.gaps.length > 0 || verdict.check.status === 'unmapped') scopeFindings(verdict, context, add)
    return verdict.report
  })
  return report
}

type AddFinding = (
  kind: FindingKind,
  severity: Severity,
  scope: string | null,
  message: string,
  gap?: {missingPrivileges: string[]; labels: Record<string, string>; confidence: Confidence | null},
) => void

/** A scope gives at most one finding of each kind, naming all the privileges concerned: Zoom deactivates scopes. */
function privilegeGaps(check: ScopeCheck, matrix: Matrix): PrivilegeGap[] {
  if (check.status === 'unmapped') return []
  const gap = (kind: PrivilegeGap['kind'], privileges: string[]): PrivilegeGap[] => {
    if (privileges.length === 0) return []
    const sorted = [...privileges].sort(compareText)
    const labelList = sorted.map((p) => matrix.label(p))
    return [
      {
        kind,
        missingPrivileges: sorted,
        labelList,
        labels: Object.fromEntries(sorted.map((p, i) => [p, labelList[i]!])),
      },
    ]
  }
  const restricted = new Set(check.groupRestricted)
  const missing = check.missingPrivileges.filter((p) => !restricted.has(p))
  return [
    ...gap('missing-privilege', missing),
    ...gap('group-restricted-privilege', check.groupRestricted),
    // A scope already lost is not also reported for its partial privileges.
    ...(check.status === 'partial' ? gap('partial-privilege', check.partialMissing) : []),
  ]
}

const gapMessages = {
  'missing-privilege': messages.missingPrivilege,
  'group-restricted-privilege': messages.groupRestricted,
  'partial-privilege': messages.partialPrivilege,
}

function scopeFindings(
  {check, gaps}: ScopeVerdict,
  c: {app: string; owner: string; role: string; mustKeep: string[]},
  add: AddFinding,
): void {
  if (check.status === 'unmapped') {
    unmappedFinding(check.resolution, c.app, add)
    return
  }
  if (gaps.length === 0) return
  const severity: Severity = check.resolution.action !== 'read' || c.mustKeep.includes(check.scope) ? 'high' : 'medium'
  const confidence = check.resolution.winner?.rule.confidence ?? null
  for (const gap of gaps) {
    const message = gapMessages[gap.kind]({
      app: c.app,
      owner: c.owner,
      role: c.role,
      scope: check.scope,
      labels: gap.labelList,
    })
    const level = gap.kind === 'partial-privilege' ? 'low' : severity
    add(gap.kind, level, check.scope, message, {
      missingPrivileges: gap.missingPrivileges,
      labels: gap.labels,
      confidence,
    })
  }
}

function unmappedFinding(resolution: ScopeResolution, app: string, add: AddFinding): void {
  add(
    'unmapped-scope',
    'low',
    resolution.scope,
    messages.unmappedScope({
      app,
      scope: resolution.scope,
      wellFormed: resolution.wellFormed,
      reason: resolution.unmappedReason,
    }),
  )
}

function uncheckedScope(resolution: ScopeResolution): ReportScope {
  return {
    scope: resolution.scope,
    status: resolution.winner ? 'unchecked' : 'unmapped',
    level: resolution.level,
    requiredPrivileges: resolution.winner ? [...resolution.winner.rule.requires] : [],
    missingPrivileges: [],
  }
}

function reportScope(check: ScopeCheck): ReportScope {
  return {
    scope: check.scope,
    status: check.status,
    level: check.resolution.level,
    requiredPrivileges: check.requiredPrivileges,
    missingPrivileges: check.status === 'partial' ? check.partialMissing : check.missingPrivileges,
  }
}

/**
 * The message as one flat string. Built from a template it is a rope of a dozen pieces until first read; kept in a
 * report of 100 000 findings, those pieces cost the garbage collector more than joining each message once (V8 flattens
 * a string to read a character of it).
 */
function flat(text: string): string {
  text.charCodeAt(0)
  return text
}
