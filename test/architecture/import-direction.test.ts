// The import direction README's "Architecture" section promises, checked on the import lines of src/: renderers know
// nothing of Zoom or commands, commands reach Zoom only through src/cli/, nothing imports a command, and the
// ownership logic depends on none of its users.
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, normalize, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

import {expect} from 'chai'

const src = fileURLToPath(new URL('../../src', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

/** Every relative import (and `export … from`) of src/, as [importing folder, imported folder, importing file]. */
function imports(): Array<{from: string; to: string; file: string}> {
  return sourceFiles(src).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)].map((m) => {
      const target = relative(src, normalize(join(dirname(file), m[1]!)))
      const own = relative(src, file)
      const folder = (path: string) => (path.includes('/') ? path.split('/')[0]! : '(root)')
      return {from: folder(own), to: folder(target), file: own}
    })
  })
}

const rules: Array<[string, (from: string, to: string) => boolean]> = [
  ['report/ never imports zoom/ or commands/', (from, to) => from === 'report' && (to === 'zoom' || to === 'commands')],
  ['commands/ reach zoom/ only through cli/', (from, to) => from === 'commands' && to === 'zoom'],
  ['nothing imports a command (not even another command)', (_from, to) => to === 'commands'],
  [
    'ownership/ imports none of the parts that use it',
    (from, to) =>
      from === 'ownership' && ['audit', 'transfer', 'roles', 'migrate', 'report', 'cli', 'commands'].includes(to),
  ],
  ['roles/ and transfer/ do not import each other', (from, to) => [from, to].sort().join() === 'roles,transfer'],
  ['zoom/ imports nothing above it', (from, to) => from === 'zoom' && !['zoom', '(root)'].includes(to)],
]

describe('import direction (src/)', () => {
  const all = imports()

  it('finds the import lines it checks', () => {
    expect(all.length).to.be.greaterThan(200)
    expect(all.some((i) => i.from === 'commands' && i.to === 'cli')).to.equal(true)
  })

  for (const [name, breaks] of rules) {
    it(name, () => {
      expect(all.filter((i) => breaks(i.from, i.to)).map((i) => `${i.file} → ${i.to}/`)).to.deep.equal([])
    })
  }
})
