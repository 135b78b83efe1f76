// The one-line stderr summary of `snapshot`.
export function snapshotSummaryLine(r: {
  users: number
  roles: number
  apps: number
  apiCalls: number
  seconds: number
  output: string
}): string {
  return `${r.users} users, ${r.roles} roles, ${r.apps} apps, ${r.apiCalls} API calls, ${r.seconds} s → ${r.output}`
}
