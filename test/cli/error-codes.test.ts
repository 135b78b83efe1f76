// The --json error codes: every member of the unions in src/errors.ts is in README's "Error codes" table with the exit
// code of its family, and nothing else is; an error's actions follow its message and are listed apart in --json.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {describeError} from '../../src/cli/base-command.js'
import {ExitCode, ZoomError} from '../../src/errors.js'

const source = readFileSync(new URL('../../src/errors.ts', import.meta.url), 'utf8')
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The string members of `export type <name> = 'a' | 'b' …` in src/errors.ts. */
function members(name: string): string[] {
  const match = new RegExp(`export type ${name} =([^]*?)\\n\\n`).exec(source)
  if (!match) throw new Error(`src/errors.ts has no type ${name}`)
  return [...match[1]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!)
}

function readmeTable(): Map<string, number> {
  const start = readme.indexOf('### Error codes')
  expect(start, 'README has an "Error codes" section').to.be.greaterThan(-1)
  const section = readme.slice(start, readme.indexOf('\n## ', start))
  return new Map([...section.matchAll(/^\| `([a-z_]+)` \| (\d) \|/gm)].map((m) => [m[1]!, Number(m[2])]))
}

describe('error codes', () => {
  const families: Array<[string, number]> = [
    ['InputErrorCode', ExitCode.badInput],
    ['ZoomErrorCode', ExitCode.zoom],
    ['InternalErrorCode', ExitCode.internal],
  ]

  it('README lists every code of every family with its exit code, and no other code', () => {
    const table = readmeTable()
    const all = families.flatMap(([type, exit]) => members(type).map((code) => [code, exit] as const))
    expect(all.length).to.be.greaterThan(30)
    for (const [code, exit] of all) expect(table.get(code), `README row for ${code}`).to.equal(exit)
    expect([...table.keys()].sort()).to.deep.equal(all.map(([code]) => code).sort())
  })

  it('actions follow the message on one line, and --json lists them apart', () => {
    const error = new ZoomError('Zoom refused the access-token request (HTTP 401): Invalid client.', {
      code: 'zoom_auth_failed',
      actions: ['Check ZOOM_CLIENT_ID.', 'Run again.'],
    })
    const report = describeError(error)
    expect(report.message).to.equal(
      'Zoom refused the access-token request (HTTP 401): Invalid client. Check ZOOM_CLIENT_ID. Run again.',
    )
    expect(report.actions).to.deep.equal(['Check ZOOM_CLIENT_ID.', 'Run again.'])
    expect(error.details).not.to.have.property('actions')
  })
})
