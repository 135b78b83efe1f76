// README "Migrating to granular scopes": the example's output is what the CLI prints, and the JSON sketch has the
// keys the CLI writes.
import {readFileSync} from 'node:fs'

import {expect} from 'chai'

import {runCli} from '../helpers/run-cli.js'

const readme = readFileSync('README.md', 'utf8')
const section = /\n## Migrating to granular scopes\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''

describe('README: Migrating to granular scopes', function () {
  this.timeout(60_000)

  it('the example block is the real output and exit code of the command it shows', async () => {
    const block = /```text\n\$ zoom-scope-audit (.+)\n([\s\S]*?)\n\$ echo \$\?\n(\d+)\n```/.exec(section)
    expect(block, 'a ```text block with "$ zoom-scope-audit …", its output and "$ echo $?"').to.not.equal(null)
    const [, command = '', output = '', exit = ''] = block!
    expect(command).to.match(/^migrate preview --app aDirSync15 /)
    const {code, stdout} = await runCli(command.split(' '))
    expect(stdout).to.equal(`${output}\n`)
    expect(code).to.equal(Number(exit))
  })

  it('the JSON sketch names the keys the CLI writes, in its order', async () => {
    const sketch = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    const documented = JSON.parse(sketch) as Record<string, unknown>
    const {stdout} = await runCli([
      'migrate',
      'preview',
      '--app',
      'aDirSync15',
      '--snapshot',
      'examples/snapshot.json',
      '--inventory',
      'examples/inventory.json',
      '--json',
    ])
    const real = JSON.parse(stdout) as Record<string, Record<string, unknown>>
    expect(Object.keys(documented)).to.deep.equal(Object.keys(real))
    expect(documented.delta).to.deep.equal(real.delta)
    expect(documented.newlyRequired).to.deep.equal(real.newlyRequired)
    expect(documented.labels).to.deep.equal(real.labels)
    expect(documented.app).to.deep.equal(real.app)
  })
})
