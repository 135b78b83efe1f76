// The committed classic → granular map is exactly what its generator writes from data/zoom/, and says what it omits.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {expect} from 'chai'

import type {ClassicToGranularFile} from '../../src/migrate/types.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const committed = readFileSync(join(root, 'data/classic-to-granular.json'), 'utf8')
const map = JSON.parse(committed) as ClassicToGranularFile

describe('classic → granular map: the generated file', function () {
  this.timeout(60_000)

  it('regenerates byte-identical (npm run migrate:generate -- --output <tmp>)', () => {
    const temp = makeTempDir('zsa-migrate-map-')
    try {
      const output = join(temp.dir, 'classic-to-granular.json')
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/generate-classic-to-granular.ts'), '--output', output, '--quiet'],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      const regenerated = readFileSync(output, 'utf8')
      expect(
        regenerated === committed,
        'data/classic-to-granular.json is stale: run npm run migrate:generate',
      ).to.equal(true)
    } finally {
      temp.cleanup()
    }
  })

  it('has one entry per classic scope of the data (306), sorted, with the matrix version and no timestamp', () => {
    const keys = Object.keys(map.classic)
    expect(keys).to.have.length(306)
    expect(keys).to.deep.equal([...keys].sort())
    expect(map.granularScopes).to.have.length(1754)
    expect(map.granularScopes).to.deep.equal([...new Set(map.granularScopes)].sort())
    expect(map.version).to.equal('zoom-openapi-2026-02-07+meetings-2025-06+phone-2026-07')
    expect(committed).not.to.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
    expect(committed.endsWith('}\n')).to.equal(true)
  })

  it('says plainly that events are not covered, and the data indeed has no event scopes', () => {
    expect(map.events).to.match(/^Covers API operations only: .*no scopes for events \(webhooks\)/)
    // The operation files have API operations only: every row is an HTTP method and a path.
    const dir = join(root, 'data/zoom/operations')
    const header = readFileSync(join(dir, 'meetings.tsv'), 'utf8').split('\n')[0]?.split('\t')
    expect(header).to.deep.equal([
      'product',
      'method',
      'path',
      'operationId',
      'x_permissions',
      'x_macro_scopes',
      'x_granular_scopes',
      'rate_limit_label',
      'x_permissions_state',
      'tag',
      'summary',
    ])
    expect(readFileSync(join(root, 'data/zoom/README.md'), 'utf8')).to.include('classic-to-granular.json')
  })
})
