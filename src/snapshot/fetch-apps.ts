// Apps for a snapshot: the account's created apps, plus inventory apps the list did not return.
import {compareText} from '../text-order.js'
import type {Inventory} from '../inventory/types.js'
import {isWellFormedScope, normalizeScope} from '../matrix/scope.js'
import type {ZoomClient} from '../zoom/client.js'
import {ZoomNotFoundError} from '../zoom/errors.js'
import type {ZoomApp, ZoomListedApp} from '../zoom/types.js'
import {noProgress, type OnProgress, type SnapshotApp} from './types.js'

/**
 * Only these apps: one GET /marketplace/apps/{appId} each (404 code 1401 → absent). Never more calls than the
 * list, whose entries usually carry labels and would need that same per-app fetch anyway.
 */
export async function fetchAppsById(
  client: ZoomClient,
  ids: readonly string[],
  progress: OnProgress = noProgress,
): Promise<SnapshotApp[]> {
  const wanted = [...new Set(ids.map((id) => id.trim()))].filter((id) => id !== '')
  let fetched = 0
  const apps = await Promise.all(
    wanted.map(async (id) => {
      const app = await detailOrAbsent(client, id)
      progress({phase: 'apps', fetched: ++fetched, total: wanted.length})
      return app
    }),
  )
  return byId(apps)
}

/** The account's created apps, plus the inventory's apps the list did not return. */
export async function fetchApps(
  client: ZoomClient,
  inventory: Inventory | undefined,
  progress: OnProgress = noProgress,
  list: Promise<ZoomListedApp[]> = listAccountApps(client),
): Promise<SnapshotApp[]> {
  const listed = await list
  const unlisted = unlistedIds(listed, inventory)
  const total = listed.length + unlisted.length
  let fetched = 0
  const done = <T>(value: T): T => {
    progress({phase: 'apps', fetched: ++fetched, total})
    return value
  }

  const apps = await Promise.all([
    ...listed.map(async (app) => {
      const scopes = scopeStringsOf(app)
      if (scopes) return done(fromList(app, scopes))
      // The list gave human labels ("View all user meetings"), not scope strings: ask for the app itself.
      return done(await detailOrAbsent(client, app.app_id, app))
    }),
    // Not in the list (e.g. not created by this account): 404 code 1401 → absent; the audit reports app-not-found.
    ...unlisted.map(async (id) => done(await detailOrAbsent(client, id))),
  ])
  return byId(apps)
}

export function listAccountApps(client: ZoomClient): Promise<ZoomListedApp[]> {
  return client.listApps('account_created').all()
}

/** How many GET /marketplace/apps/{appId} fetchApps will make after this list (for the call planner). */
export function appDetailsNeeded(listed: readonly ZoomListedApp[], inventory: Inventory | undefined): number {
  return listed.filter((app) => !scopeStringsOf(app)).length + unlistedIds(listed, inventory).length
}

function unlistedIds(listed: readonly ZoomListedApp[], inventory: Inventory | undefined): string[] {
  const listedIds = new Set(listed.map((app) => app.app_id))
  return [...new Set((inventory?.apps ?? []).map((app) => app.id.trim()))].filter(
    (id) => id !== '' && !listedIds.has(id),
  )
}

function byId(apps: Array<SnapshotApp | undefined>): SnapshotApp[] {
  return apps.filter((app): app is SnapshotApp => app !== undefined).sort((a, b) => compareText(a.id, b.id))
}

/**
 * The list's `scopes[].scope_name` only when every name is a well-formed scope string. Zoom's own example shows
 * human labels there; only GET /marketplace/apps/{appId} is documented to return scope strings (`app_scopes`).
 * An empty or missing list says nothing either way, so it also sends us to the app itself.
 */
function scopeStringsOf(app: ZoomListedApp): string[] | undefined {
  const names = (app.scopes ?? []).map((scope) => normalizeScope(scope.scope_name ?? ''))
  return names.length > 0 && names.every(isWellFormedScope) ? names : undefined
}

function fromList(app: ZoomListedApp, scopes: string[]): SnapshotApp {
  return {
    id: app.app_id,
    name: app.app_name ?? '',
    type: app.app_type || 'unknown',
    status: app.app_status || 'unknown',
    scopes: sortedUnique(scopes),
    source: 'list',
  }
}

async function detailOrAbsent(
  client: ZoomClient,
  appId: string,
  listed?: ZoomListedApp,
): Promise<SnapshotApp | undefined> {
  let app: ZoomApp
  try {
    app = await client.getApp(appId)
  } catch (error) {
    if (error instanceof ZoomNotFoundError) return undefined
    throw error
  }
  return {
    // Keyed by the id we asked for: one app, one entry, whatever the answer's body says.
    id: appId,
    name: app.app_name ?? listed?.app_name ?? '',
    type: app.app_type || listed?.app_type || 'unknown',
    status: app.app_status || listed?.app_status || 'unknown',
    scopes: sortedUnique((app.app_scopes ?? []).map(normalizeScope).filter((scope) => scope !== '')),
    source: 'detail',
  }
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort()
}
