// Every command's --help names the variables it reads and what its exit codes mean; mistyped commands get a guess;
// flag errors are one plain sentence.
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'

import {expect} from 'chai'

import {mapLimit} from '../helpers/map-limit.js'
import {hasStackTrace, projectRoot, runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'

/** Every command, from the command folder: src/commands/matrix/show.ts → ['matrix', 'show']. */
function commandIds(): string[][] {
  const root = join(projectRoot, 'src', 'commands')
  const walk = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    )
  return walk(root).map((file) => relative(root, file).replace(/\.ts$/, '').split('/'))
}

/** The body of one top-level help section (its indented lines), or undefined when the help has no such section. */
function section(help: string, header: string): string | undefined {
  const match = new RegExp(`^${header}\\n((?:  .*\\n?|\\n(?=  ))*)`, 'm').exec(help)
  return match?.[1]
}

const ZOOM_VARIABLES = [
  'ZOOM_ACCOUNT_ID',
  'ZOOM_CLIENT_ID',
  'ZOOM_CLIENT_SECRET',
  'ZOOM_API_URL',
  'ZOOM_OAUTH_URL',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'NODE_EXTRA_CA_CERTS',
]

describe('help that names everything (subprocess)', function () {
  this.timeout(120_000)
  const commands = commandIds()
  const helps = new Map<string, string>()

  before(async () => {
    const runs = await mapLimit(commands, 3, (id) => runCli([...id, '--help']))
    commands.forEach((id, i) => {
      const {code, stdout, stderr} = runs[i]!
      expect(code, `${id.join(' ')} --help: ${stderr}`).to.equal(0)
      helps.set(id.join(' '), stdout)
    })
  })

  it('finds every command (the walk is not empty)', () => {
    expect([...helps.keys()]).to.include.members(['audit', 'doctor', 'snapshot', 'transfer check', 'matrix show'])
  })

  it('every command has an ENVIRONMENT section naming NO_COLOR and DEBUG', () => {
    for (const [id, help] of helps) {
      const environment = section(help, 'ENVIRONMENT')
      expect(environment, `${id} --help`).to.be.a('string')
      expect(environment, id).to.include('NO_COLOR').and.include('DEBUG')
    }
  })

  it('every command that talks to Zoom (it has --api-url) names the Zoom, proxy and CA variables', () => {
    const zoomCommands = [...helps].filter(([, help]) => help.includes('--api-url'))
    expect(zoomCommands.map(([id]) => id)).to.include.members(['audit', 'inventory init', 'doctor', 'snapshot'])
    for (const [id, help] of zoomCommands) {
      const environment = section(help, 'ENVIRONMENT')!
      for (const variable of ZOOM_VARIABLES) expect(environment, `${id}: ${variable}`).to.include(variable)
    }
    // and the commands that never talk to Zoom do not pretend to
    for (const id of ['matrix show', 'matrix validate'])
      expect(section(helps.get(id)!, 'ENVIRONMENT'), id).not.to.include('ZOOM_CLIENT_SECRET')
  })

  it('every command has EXIT CODES with 0, 2 and 4; 3 only for commands that talk to Zoom', () => {
    for (const [id, help] of helps) {
      const codes = section(help, 'EXIT CODES')
      expect(codes, `${id} --help`).to.be.a('string')
      const listed = [...codes!.matchAll(/^ {2}(\d) {2}/gm)].map((m) => m[1])
      expect(listed, id).to.include.members(['0', '2', '4'])
      expect(listed.includes('3'), `${id}: exit 3`).to.equal(help.includes('--api-url'))
    }
  })

  it('each command says what its own exit codes mean', () => {
    const codes = (id: string) => section(helps.get(id)!, 'EXIT CODES')!
    expect(codes('doctor')).not.to.match(/^ {2}1 /m)
    expect(codes('doctor')).to.match(/never exits 1/)
    expect(codes('transfer check')).to.match(/^ {2}1 {2}A candidate would lose a scope/m)
    expect(codes('audit')).to.match(/^ {2}1 {2}A finding at or above --fail-on/m)
    expect(codes('transfer candidates')).not.to.match(/^ {2}1 /m)
    expect(codes('matrix validate')).to.match(/^ {2}2 {2}A file has errors/m)
    expect(new Set([...helps.values()].map((help) => section(help, 'EXIT CODES'))).size).to.be.greaterThan(5)
  })

  it('-h is --help', async () => {
    const {code, stdout} = await runCli(['transfer', 'check', '-h'])
    expect(code).to.equal(0)
    expect(stdout).to.equal(helps.get('transfer check'))
  })

  for (const [typed, guess] of [
    [['audti'], 'audit'],
    [['matrix', 'shwo'], 'matrix show'],
    [['transfer', 'chek'], 'transfer check'],
    [['matrx'], 'matrix'],
  ] as const) {
    it(`a mistyped "${typed.join(' ')}" gets "did you mean ${guess}?" and exit 2, also as help ${typed.join(' ')} and with --help`, async () => {
      for (const args of [
        [...typed, '--snapshot', 'x.json'],
        ['help', ...typed],
        [...typed, '--help'],
      ]) {
        const {code, stdout, stderr} = await runCli(args)
        expect(code, args.join(' ')).to.equal(2)
        expect(stdout, args.join(' ')).to.equal('')
        expect(stderr, args.join(' ')).to.equal(
          `Error: "${typed.join(' ')}" is not a zoom-scope-audit command: did you mean "${guess}"? (see zoom-scope-audit help ${guess})\n`,
        )
      }
    })
  }

  it('a command nothing is close to: exit 2, pointing at help (run, help and --help alike)', async () => {
    for (const args of [['frobnicate'], ['help', 'frobnicate'], ['frobnicate', '--help']]) {
      const {code, stderr} = await runCli(args)
      expect(code, args.join(' ')).to.equal(2)
      expect(stderr, args.join(' ')).to.equal(
        'Error: "frobnicate" is not a zoom-scope-audit command: see zoom-scope-audit help for the commands\n',
      )
    }
  })

  it('help for a command, a topic, a command with its argument and the root still prints help', async () => {
    for (const [args, first] of [
      [['help', 'audit'], 'Report every app whose owner'],
      [['help', 'matrix'], 'Inspect and validate the privilege matrix'],
      [['help', 'matrix', 'explain', 'user:read:admin'], 'Show, for each scope, the rule'],
      [['matrix', '--help'], 'Inspect and validate the privilege matrix'],
      [['help'], 'Audit Zoom apps whose owner'],
    ] as const) {
      const {code, stdout, stderr} = await runCli([...args])
      expect(code, `${args.join(' ')}: ${stderr}`).to.equal(0)
      expect(stdout, args.join(' ')).to.match(new RegExp(`^${first}`))
    }
  })

  it('shell completion: "autocomplete bash" prints the setup', async () => {
    const home = makeTempDir()
    try {
      const {code, stdout, stderr} = await runCli(['autocomplete', 'bash'], {
        env: {HOME: home.dir, XDG_CACHE_HOME: join(home.dir, '.cache'), XDG_DATA_HOME: join(home.dir, '.data')},
      })
      expect(code, stderr).to.equal(0)
      expect(stdout).to.include('printf "$(zoom-scope-audit autocomplete script bash)" >> ~/.bashrc')
    } finally {
      home.cleanup()
    }
  })
})

describe('flag errors are one plain sentence (subprocess)', function () {
  this.timeout(60_000)
  const example = ['--snapshot', 'examples/snapshot.json', '--inventory', 'examples/inventory.json']

  for (const plan of ['enterprise', 'Business Plus', 'education']) {
    it(`--plan ${plan}: use business (exit 2), also with --json`, async () => {
      const {code, stdout, stderr} = await runCli(['doctor', '--plan', plan])
      expect(code).to.equal(2)
      expect(stdout).to.equal('')
      expect(stderr).to.equal(
        `Error: --plan ${plan} is not one of free, pro, business: use business (Business, Business Plus, Education, Enterprise) (see --help)\n`,
      )
      const json = await runCli(['doctor', '--plan', plan, '--json'])
      expect(json.code).to.equal(2)
      expect(JSON.parse(json.stdout).error).to.include({code: 'usage', exitCode: 2})
    })
  }

  for (const [args, sentence] of [
    [['audit', ...example, '--fail-on', 'critical'], '--fail-on critical is not one of high, medium, low, none'],
    [['audit', '--snapshot', 'examples/snapshot.json'], '--inventory is required'],
    [['matrix', 'explain'], 'missing SCOPE (OAuth scope(s) to explain)'],
    [['audit', ...example, '--nope'], 'Nonexistent flag: --nope'],
  ] as const) {
    it(`${args.slice(-2).join(' ')}: "${sentence}"`, async () => {
      const {code, stderr} = await runCli([...args])
      expect(code).to.equal(2)
      expect(stderr).to.equal(`Error: ${sentence} (see --help)\n`)
      expect(stderr).not.to.match(/following error|See more help/)
      expect(hasStackTrace(stderr)).to.equal(false)
    })
  }
})

describe('README: help and flag errors as shown', function () {
  this.timeout(60_000)
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  /** The ```text blocks whose first line is a command: [args, the rest of the block]. */
  const shown = [...readme.matchAll(/```text\n\$ zoom-scope-audit (.+)\n(Error: [^\n]*\n)```/g)].map(
    (m) => [m[1]!.split(' '), m[2]!] as const,
  )

  it('shows the --plan enterprise and the did-you-mean errors (running a command and asking help for it)', () => {
    expect(shown.map(([args]) => args.join(' '))).to.include.members([
      'doctor --plan enterprise',
      'transfer chek --app aRecArch01',
      'help matrix shwo',
    ])
  })

  for (const [args, stderr] of shown) {
    it(`"${args.join(' ')}" prints exactly what the README shows, exit 2`, async () => {
      const result = await runCli([...args])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.equal(stderr)
    })
  }
})
