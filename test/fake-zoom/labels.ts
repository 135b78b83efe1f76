// Human scope labels, as GET /marketplace/apps returns them in scopes[].scope_name (docs/zoom-api.md §API answers: the
// spec's example is "View all users' team chat messages", not a scope string).
// Known labels: Zoom's classic scope list (https://developers.zoom.us/docs/internal-apps/oauth-scopes/), ServiceNow
// and Gong docs, FORUM-92331.
// Other scopes get a made-up label in the same style; it is never a well-formed scope string (it has spaces).

const KNOWN: Record<string, string> = {
  'account:master': 'View and manage sub accounts',
  'account:read:admin': 'View account info',
  'account:write:admin': 'View and manage account info',
  'user:read:admin': 'View all user information',
  'user:write:admin': 'View user information and manage users',
  'user:master': "View and manage a sub account's user information",
  'meeting:read:admin': 'View all user meetings',
  'meeting:write:admin': 'View and manage all user meetings',
  'recording:read:admin': 'View all user recordings',
  'recording:write:admin': 'View and manage all user recordings',
  'room:read:admin': "View all users' Zoom Rooms information",
}

const VERBS: Record<string, string> = {read: 'View', write: 'Manage', update: 'Update', delete: 'Delete'}

function words(s: string): string {
  return s.replace(/_/g, ' ')
}

export function scopeLabel(scope: string): string {
  const known = KNOWN[scope]
  if (known !== undefined) return known
  const parts = scope.split(':')
  const level = parts.includes('admin') ? 'admin' : parts.includes('master') ? 'master' : 'user'
  const body = parts.filter((p) => p !== 'admin' && p !== 'master')
  const service = words(body[0] ?? scope)
  const verb = VERBS[body[1] ?? ''] ?? 'Manage'
  const claim = body.length > 2 ? words(body.slice(2).join(' ')).replace(/^list /, '') : service
  const whose = level === 'admin' ? "all users' " : level === 'master' ? "sub accounts' " : 'your '
  const tail = claim.includes(service) ? '' : ` (${service})`
  return `${verb} ${whose}${claim}${tail}`
}

export function scopeDescription(label: string): string {
  return `Allows the app to ${label.charAt(0).toLowerCase()}${label.slice(1)}.`
}
