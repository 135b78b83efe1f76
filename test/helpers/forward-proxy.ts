// A tiny HTTP forward proxy on 127.0.0.1 (port 0) for tests: CONNECT tunnels (what hpagent uses, for http:// and
// https:// targets alike) and absolute-form requests. Records what passed through it. It only ever connects to
// 127.0.0.1: nothing leaves the machine.
import {createServer, request as httpRequest, type IncomingMessage} from 'node:http'
import {connect, type AddressInfo, type Socket} from 'node:net'

export interface ForwardProxy {
  /** http://127.0.0.1:PORT (add credentials yourself). */
  url: string
  port: number
  /** `host:port` of every CONNECT, in order (also refused ones). */
  connects: string[]
  /** `Proxy-Authorization` header of every CONNECT / request (undefined when absent). */
  authorizations: Array<string | undefined>
  /** Request lines seen inside plain-HTTP tunnels and forwarded requests: `GET /v2/users?status=active`. */
  requestLines(): string[]
  reset(): void
  close(): Promise<void>
}

/** `auth`: require this `user:password` (Basic), answering 407 otherwise. */
export async function startForwardProxy(options: {auth?: string} = {}): Promise<ForwardProxy> {
  const expected = options.auth ? `Basic ${Buffer.from(options.auth).toString('base64')}` : undefined
  let connects: string[] = []
  let authorizations: Array<string | undefined> = []
  let streams: string[][] = [] // per tunnel / request: the client→server bytes (latin1), in chunks
  const sockets = new Set<Socket>()
  const allowed = (req: IncomingMessage) => {
    const given = req.headers['proxy-authorization']
    authorizations.push(given)
    return expected === undefined || given === expected
  }

  const server = createServer((req, res) => {
    // Absolute-form: GET http://127.0.0.1:PORT/path HTTP/1.1
    if (!allowed(req)) {
      res.writeHead(407, {'proxy-authenticate': 'Basic realm="test"'}).end()
      return
    }
    const target = new URL(req.url ?? '')
    if (target.hostname !== '127.0.0.1') {
      res.writeHead(403).end()
      return
    }
    streams.push([`${req.method} ${target.pathname}${target.search} HTTP/1.1\r\n`])
    const headers = {...req.headers}
    delete headers['proxy-authorization']
    const upstream = httpRequest(
      {host: '127.0.0.1', port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers},
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const target = req.url ?? ''
    connects.push(target)
    if (!allowed(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    const [host, port] = target.split(':')
    if (host !== '127.0.0.1' || !port) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const seen: string[] = []
    streams.push(seen)
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) {
        seen.push(head.toString('latin1'))
        upstream.write(head)
      }
      client.on('data', (chunk: Buffer) => seen.push(chunk.toString('latin1')))
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connects() {
      return connects
    },
    get authorizations() {
      return authorizations
    },
    requestLines() {
      return streams.flatMap((chunks) =>
        // Unanchored: on a kept-alive tunnel a request line may follow a form body directly.
        [...chunks.join('').matchAll(/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*) HTTP\/1\.1\r\n/g)].map(
          (m) => `${m[1]} ${m[2]}`,
        ),
      )
    },
    reset() {
      connects = []
      authorizations = []
      streams = []
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
