// The script an admin would write without the tool, with a plain HTTP client (fetch): list every user, ask each
// user's permissions, then read each app of the inventory. One request at a time; on a 429 it sleeps Retry-After.
// Run by bench/run.ts as its own process: ZOOM_* from the environment, the inventory file as the only argument.
import {readFileSync} from 'node:fs'

const api = process.env.ZOOM_API_URL!
const oauth = process.env.ZOOM_OAUTH_URL!
const basic = Buffer.from(`${process.env.ZOOM_CLIENT_ID}:${process.env.ZOOM_CLIENT_SECRET}`).toString('base64')
const inventory = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {apps: Array<{id: string; owner: string}>}

const tokenAnswer = await fetch(oauth, {
  method: 'POST',
  headers: {authorization: `Basic ${basic}`},
  body: new URLSearchParams({grant_type: 'account_credentials', account_id: process.env.ZOOM_ACCOUNT_ID!}),
})
const {access_token: token} = (await tokenAnswer.json()) as {access_token: string}
let calls = 0

async function get(path: string): Promise<Record<string, unknown>> {
  for (;;) {
    calls++
    const answer = await fetch(`${api}${path}`, {headers: {authorization: `Bearer ${token}`}})
    if (answer.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000))
      continue
    }
    return (await answer.json()) as Record<string, unknown>
  }
}

const permissions = new Map<string, string[]>()
let pageToken = ''
do {
  const page = await get(`/users?page_size=300${pageToken ? `&next_page_token=${pageToken}` : ''}`)
  for (const user of page.users as Array<{id: string; email: string}>) {
    const answer = await get(`/users/${user.id}/permissions`)
    permissions.set(user.email.toLowerCase(), (answer.permissions as string[]) ?? [])
  }
  pageToken = (page.next_page_token as string) ?? ''
} while (pageToken)
let appsChecked = 0
for (const app of inventory.apps) {
  await get(`/marketplace/apps/${app.id}`)
  if (permissions.has(app.owner.toLowerCase())) appsChecked++
}
process.stdout.write(`${JSON.stringify({calls, users: permissions.size, appsChecked})}\n`)
