// The one pagination loop of the tool. Written by hand rather than with got's `paginate`: a listing must restart
// once when Zoom rejects or expires its page token, and a repeated token or a runaway page count must fail the
// run (got's pagination stops silently at its request limit and cannot restart).
import {ZoomError} from '../errors.js'
import {isRejectedPageToken} from './errors.js'
import type {ZoomPageEnvelope} from './types.js'

export interface Page<T> {
  /** Items not seen earlier in this listing (a restart does not hand out items twice). */
  items: T[]
  /** 1-based, counted since the listing (re)started. */
  number: number
  /** Zoom's `total_records`, when the endpoint reports it. */
  totalRecords?: number
  /** Items Zoom actually put on this page (before dropping repeats); Zoom may cap the page size we asked for. */
  received: number
  /** Whether Zoom gave a next_page_token (another page follows). */
  more: boolean
}

export interface ListingSpec<T> {
  /** Templated endpoint, for messages. */
  endpoint: string
  /** Fetches one page with these query parameters (the client adds auth, retries, counting). */
  fetchPage: (query: Record<string, string>) => Promise<ZoomPageEnvelope & Record<string, unknown>>
  query?: Record<string, string>
  /** Field holding the items, e.g. `users`. */
  itemsKey: string
  /** Sent as `page_size`; leave out for endpoints that are not paginated by size. Never assumed to be honoured. */
  pageSize?: number
  /** Identity of an item, to skip repeats after a restart. */
  key: (item: T) => string
}

export interface PaginationLimits {
  maxPages: number
  /** Zoom's page tokens expire after 15 minutes. */
  pageTokenTtlMs: number
  now: () => number
  /** Told when a listing ends with fewer items than its total_records announced. */
  warn?: (message: string) => void
}

export async function* paginate<T>(spec: ListingSpec<T>, limits: PaginationLimits): AsyncGenerator<Page<T>> {
  const seen = new Set<string>()
  let restarted = false
  listing: for (;;) {
    const tokensSeen = new Set<string>()
    let pageToken = ''
    let tokenReceivedAt = 0
    for (let number = 1; ; number++) {
      if (pageToken && limits.now() - tokenReceivedAt >= limits.pageTokenTtlMs) {
        if (restarted) throw pageTokenError(spec.endpoint, 'expired')
        restarted = true
        continue listing
      }
      const query: Record<string, string> = {...spec.query}
      if (spec.pageSize !== undefined) query.page_size = String(spec.pageSize)
      if (pageToken) query.next_page_token = pageToken
      let body: ZoomPageEnvelope & Record<string, unknown>
      try {
        body = await spec.fetchPage(query)
      } catch (error) {
        if (pageToken && isRejectedPageToken(error)) {
          if (restarted) throw pageTokenError(spec.endpoint, 'rejected')
          restarted = true
          continue listing
        }
        throw error
      }
      tokenReceivedAt = limits.now()
      // The client checked the page against its schema: the list is there and the token is a string.
      const received = body[spec.itemsKey] as T[]
      const items = received.filter((item) => {
        const key = spec.key(item)
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      const next = typeof body.next_page_token === 'string' ? body.next_page_token : ''
      yield {
        items,
        number,
        received: received.length,
        more: next !== '',
        ...(typeof body.total_records === 'number' ? {totalRecords: body.total_records} : {}),
      }

      if (next === '') {
        if (typeof body.total_records === 'number' && seen.size < body.total_records) {
          limits.warn?.(
            `Zoom's listing of ${describeListing(spec)} ended with ${seen.size} of the ${body.total_records} items its total_records announced; the snapshot may miss some (did the account change while it was read?).`,
          )
        }
        return
      }
      if (next === pageToken || tokensSeen.has(next)) {
        throw new ZoomError(
          `Zoom returned the same next_page_token twice while listing ${spec.endpoint}; stopped to avoid looping forever.`,
          {code: 'zoom_pagination', endpoint: spec.endpoint, page: number},
        )
      }
      if (number >= limits.maxPages) {
        throw new ZoomError(
          `Listing ${spec.endpoint} did not end after ${limits.maxPages} pages; stopped to avoid looping forever.`,
          {code: 'zoom_pagination', endpoint: spec.endpoint, page: number},
        )
      }
      tokensSeen.add(next)
      pageToken = next
    }
  }
}

function pageTokenError(endpoint: string, how: 'expired' | 'rejected'): ZoomError {
  return new ZoomError(
    `Zoom ${how === 'expired' ? 'page token expired' : 'rejected the page token'} again after restarting the listing of ${endpoint}.`,
    {code: 'zoom_pagination', endpoint, actions: ['Try again.']},
  )
}

function describeListing(spec: {endpoint: string; query?: Record<string, string>}): string {
  const query = new URLSearchParams(spec.query ?? {}).toString()
  return query ? `${spec.endpoint}?${query}` : spec.endpoint
}
