// The README's "Offboarding someone" walkthrough, run as written: every command in its text blocks, in order, in a
// temp folder holding a copy of examples/ (set-owner edits it), compared with the output shown (stdout then stderr).
import {cpSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {expect} from 'chai'

import {projectRoot, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
const section = /\n## Offboarding someone\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''

interface Step {
  command: string
  output: string
}

function steps(): Step[] {
  const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!)
  return blocks.flatMap((block) => {
    const result: Step[] = []
    for (const line of block.trimEnd().split('\n')) {
      if (line.startsWith('$ ')) result.push({command: line.slice(2), output: ''})
      else result.at(-1)!.output += `${line}\n`
    }
    return result
  })
}

describe('README: Offboarding someone', function () {
  this.timeout(120_000)
  const temp = makeTempDir()
  after(() => temp.cleanup())

  it('walks through plan, set-owner and a filtered audit with exactly the outputs shown', async () => {
    const all = steps()
    expect(all.map((s) => s.command.split(' ').slice(0, 3).join(' '))).to.deep.equal([
      'zoom-scope-audit transfer plan',
      'echo $?',
      'zoom-scope-audit inventory set-owner',
      'zoom-scope-audit inventory set-owner',
      'zoom-scope-audit audit --snapshot',
      'echo $?',
    ])
    cpSync(join(projectRoot, 'examples'), join(temp.dir, 'examples'), {recursive: true})
    let lastCode = -1
    for (const step of all) {
      if (step.command === 'echo $?') {
        expect(`${lastCode}\n`, 'exit code').to.equal(step.output)
        continue
      }
      expect(step.command).to.match(/^zoom-scope-audit /)
      const {code, stdout, stderr} = await runCli(step.command.replace('zoom-scope-audit ', '').split(' '), {
        cwd: temp.dir,
        // The summary line says the snapshot's age: pin the clock as the README's samples do.
        env: {COLUMNS: '80', SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T07:00:00Z') / 1000)},
      })
      lastCode = code
      expect(stdout + stderr, step.command).to.equal(step.output)
    }
    // The hand-over is in the inventory: only the two owner cells changed.
    const before = readFileSync(join(projectRoot, 'examples/inventory.json'), 'utf8').split('\n')
    const after = readFileSync(join(temp.dir, 'examples/inventory.json'), 'utf8').split('\n')
    expect(after.filter((line, i) => line !== before[i])).to.deep.equal([
      '      "owner": "bob.martin@acme.example"',
      '      "owner": "dana.scully@acme.example"',
    ])
  })
})
