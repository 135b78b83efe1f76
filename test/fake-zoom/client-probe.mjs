// A probe in the client's process that tells the fake Zoom which of its 429s the client had received when it sent each
// request. Over a busy machine, arrival times cannot say that: a request sent before the client could know of a 429
// may reach the fake long after it (either process can be held off the CPU for tens of milliseconds). With the probe the
// fake judges "sent before Retry-After" by causality, not by timing. It observes, and changes nothing else: every
// request keeps its method, path, body and other headers.
//
// Loaded in-process by the fake itself (server.ts) and by CLI subprocesses of the tests (`node --import <this file>`,
// test/helpers/run-cli.ts). Plain JavaScript so that a subprocess that runs dist/ without tsx can load it.
import diagnostics from 'node:diagnostics_channel'
import http from 'node:http'
import {performance} from 'node:perf_hooks'

/** On each 429 of the fake: `<fake instance>:<number>`. */
export const RATE_LIMIT_ID_HEADER = 'x-fake-zoom-429-id'
/** On each request of a probed client: the ids of the fake's 429s it had received in full, or `none`. */
export const SAW_HEADER = 'x-fake-zoom-client-saw'
/** On each request of a probed client: when it was sent, in epoch milliseconds (this machine's clock, sub-ms). */
export const SENT_AT_HEADER = 'x-fake-zoom-client-sent-at'

/**
 * How much earlier than a window a test should count sends of one label as "in one window". A send is stamped when
 * its head is written, a little after the limiter released it; a pause of the client's process in between (garbage
 * collection on a loaded machine) can shift one stamp by more than the limiter's 20 ms guard, which would make two
 * releases a full window apart look closer. Far less than any broken budget shows (a tenth more per window).
 */
export const SEND_STAMP_ALLOWANCE_MS = 50

const marker = Symbol.for('zoom-scope-audit.fake-zoom.client-probe')

if (!globalThis[marker]) {
  globalThis[marker] = true
  /** fake instance → numbers of its 429s received in full */
  const saw = new Map()

  // Published as a response's headers arrive. The 429 counts as received once its body has been read too (a client
  // may read the body before it decides, e.g. to tell a daily limit from a per-second one).
  diagnostics.subscribe('http.client.response.finish', ({response}) => {
    const id = response.headers[RATE_LIMIT_ID_HEADER]
    if (typeof id !== 'string') return
    let received = false
    const receive = () => {
      if (received) return
      received = true
      const [instance, n] = id.split(':')
      if (!saw.has(instance)) saw.set(instance, new Set())
      saw.get(instance).add(Number(n))
    }
    response.once('end', receive)
    response.once('close', receive)
  })

  // A request is committed when its head is rendered (first write, or end): what the client knew then is what it knew
  // when it decided to send it, however long the bytes then take to reach the fake. The same moment is its send time
  // (a rate budget is about sends: arrival times add the delays of two busy processes).
  const implicitHeader = http.ClientRequest.prototype._implicitHeader
  http.ClientRequest.prototype._implicitHeader = function (...args) {
    if (!this.headersSent && !this.hasHeader(SAW_HEADER)) {
      this.setHeader(SAW_HEADER, describe(saw))
      this.setHeader(SENT_AT_HEADER, (performance.timeOrigin + performance.now()).toFixed(3))
    }
    return implicitHeader.apply(this, args)
  }
}

/** `a1b2c3d4:1-4,7 e5f6a7b8:2`, or `none`. */
function describe(saw) {
  const parts = []
  for (const [instance, numbers] of saw) parts.push(`${instance}:${ranges([...numbers].sort((a, b) => a - b))}`)
  return parts.length === 0 ? 'none' : parts.join(' ')
}

function ranges(sorted) {
  const out = []
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++
    out.push(start === sorted[i] ? `${start}` : `${start}-${sorted[i]}`)
  }
  return out.join(',')
}

/** The numbers of `instance`'s 429s in a SAW_HEADER value; undefined when the request was not probed. */
export function sawRateLimits(value, instance) {
  if (typeof value !== 'string') return undefined
  const seen = new Set()
  for (const part of value.split(' ')) {
    const [name, list] = part.split(':')
    if (name !== instance || !list) continue
    for (const range of list.split(',')) {
      const [from, to = from] = range.split('-').map(Number)
      for (let n = from; n <= to; n++) seen.add(n)
    }
  }
  return seen
}
