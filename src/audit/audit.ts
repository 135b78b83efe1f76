// The audit: snapshot + inventory + matrix → report. Pure: no I/O but the shipped classic-scope map, the clock passed in.
import type {InventoryApp, Inventory} from '../inventory/types.js'
import type {Matrix} from '../matrix/matrix.js'
import {cleanScopes} from '../matrix/scope.js'
import {loadClassicToGranular, type ClassicToGranular} from '../migrate/map.js'
import {scopeModel} from '../migrate/scope-model.js'
import type {Snapshot, SnapshotApp, SnapshotRole, SnapshotUser} from '../snapshot/types.js'
import {displayName, indexAccount} from '../ownership/account-index.js'
import {checkScope, rolePrivileges, type ScopeCheck} from '../ownership/eligibility.js'
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
  const account = indexAccount(snapshot)
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

  const apps: ReportApp[] = []
  const findings: Finding[] = []
  for (const app of [...snapshot.apps, ...inventoryOnly]) {
    const presence = snapshotIds.has(app.id) ? 'in-account' : notLookedUp(app.id) ? 'not-looked-up' : 'not-found'
    const audited = auditApp(app, inventoryById.get(app.id), presence, account, matrix, classicMap)
    apps.push(audited.app)
    findings.push(...audited.findings)
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

function auditApp(
  app: SnapshotApp,
  entry: InventoryApp | undefined,
  presence: 'in-account' | 'not-found' | 'not-looked-up',
  account: ReturnType<typeof indexAccount>,
  matrix: Matrix,
  classicMap: ClassicToGranular,
): {app: ReportApp; findings: Finding[]} {
  const inAccount = presence === 'in-account'
  const name = app.name || entry?.name || app.id
  // The account's scopes win; the inventory's stand in for apps Zoom did not show us.
  const scopes = cleanScopes(inAccount ? app.scopes : (entry?.scopes ?? []))
  const mustKeep = cleanScopes(entry?.mustKeep ?? [])
  const findings: Finding[] = []
  const owner = entry?.owner ? account.findUser(entry.owner) : undefined
  const role = owner ? account.role(owner.roleId) : undefined
  const ownerEmail = owner?.email ?? (entry?.owner || null)
  const base = {
    appId: app.id,
    appName: name,
    owner: ownerEmail,
    ownerRole: role?.name ?? null,
    missingPrivileges: [] as string[],
    labels: {},
    confidence: null,
  }
  const add: AddFinding = (kind, severity, scope, message, extra = {}) =>
    findings.push({...base, id: findingId(kind, app.id, scope), kind, severity, scope, message, ...extra})

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
    scopeModel: scopeModel(classicMap, scopes),
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
    report.scopes = scopes.map((scope) => uncheckedScope(matrix, scope, name, add))
    return {app: report, findings}
  }

  if (owner.status !== 'active')
    add(
      'owner-inactive',
      'high',
      null,
      messages.ownerInactive({app: name, owner: displayName(owner), status: owner.status}),
    )
  const privileges = rolePrivileges(role, matrix)
  report.scopes = scopes.map((scope) => {
    const check = checkScope(matrix, privileges, scope)
    scopeFindings(check, {name, owner, role, mustKeep, matrix, add})
    return reportScope(check)
  })
  return {app: report, findings}
}

type AddFinding = (
  kind: FindingKind,
  severity: Severity,
  scope: string | null,
  message: string,
  extra?: Partial<Finding>,
) => void

/** A scope gives at most one finding of each kind, naming all the privileges concerned: Zoom deactivates scopes. */
function scopeFindings(
  check: ScopeCheck,
  c: {name: string; owner: SnapshotUser; role: SnapshotRole; mustKeep: string[]; matrix: Matrix; add: AddFinding},
): void {
  const context = {app: c.name, owner: displayName(c.owner), role: c.role.name, scope: check.scope}
  const severity: Severity = check.resolution.action !== 'read' || c.mustKeep.includes(check.scope) ? 'high' : 'medium'
  const confidence = check.resolution.winner?.rule.confidence ?? null
  const privilegeFinding = (
    kind: FindingKind,
    level: Severity,
    privileges: string[],
    message: (x: typeof context & {labels: string[]}) => string,
  ) => {
    if (privileges.length === 0) return
    const sorted = [...privileges].sort(compareText)
    const labels = sorted.map((p) => c.matrix.label(p))
    c.add(kind, level, check.scope, message({...context, labels}), {
      missingPrivileges: sorted,
      labels: Object.fromEntries(sorted.map((p, i) => [p, labels[i]!])),
      confidence,
    })
  }

  if (check.status === 'unmapped') {
    c.add(
      'unmapped-scope',
      'low',
      check.scope,
      messages.unmappedScope({
        app: c.name,
        scope: check.scope,
        wellFormed: check.resolution.wellFormed,
        reason: check.resolution.unmappedReason,
      }),
    )
    return
  }
  const restricted = new Set(check.groupRestricted)
  const missing = check.missingPrivileges.filter((p) => !restricted.has(p))
  privilegeFinding('missing-privilege', severity, missing, messages.missingPrivilege)
  privilegeFinding('group-restricted-privilege', severity, check.groupRestricted, messages.groupRestricted)
  // A scope already lost is not also reported for its partial privileges.
  if (check.status === 'partial')
    privilegeFinding('partial-privilege', 'low', check.partialMissing, messages.partialPrivilege)
}

function uncheckedScope(matrix: Matrix, scope: string, app: string, add: AddFinding): ReportScope {
  const resolution = matrix.resolve(scope)
  if (!resolution.winner) {
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
