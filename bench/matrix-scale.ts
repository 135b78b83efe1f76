// `npm run bench:matrix`: the matrix at scale. A platform team's layer can hold tens of thousands of rules, and
// patterns that overlap by the thousand; loading, resolving and validating them must stay fast and bounded.
// Exit 1 when a target is missed. Inputs are generated from a fixed seed, in a temp folder. Targets are CPU seconds
// (user + system), which a busy machine does not inflate; wall time is printed next to them.
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {loadMatrixLayers} from '../src/matrix/load.js'
import {buildMatrix} from '../src/matrix/matrix.js'
import type {WrittenRule} from '../src/matrix/types.js'

const RULES = Number(process.env.BENCH_MATRIX_RULES ?? 40_000)
const OVERLAPPING = Number(process.env.BENCH_MATRIX_OVERLAPPING ?? 6_000)
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))

/** mulberry32: the same inputs on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const next = random(2026)
const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!
const products = Array.from({length: 400}, (_, i) => `product${i}`)
const actions = ['read', 'write', 'update', 'delete']
const objects = Array.from({length: 60}, (_, i) => `object${i}`)
const privileges = Array.from({length: 200}, (_, i) => `Resource${i}:${i % 2 ? 'Edit' : 'Read'}`)

/** Scopes like product12:read:object7:admin; a quarter of the rules are patterns with one or two `*`. */
function bigLayer(): {rules: WrittenRule[]; scopes: string[]} {
  const seen = new Set<string>()
  const rules: WrittenRule[] = []
  const scopes: string[] = []
  while (rules.length < RULES) {
    const segments = [pick(products), pick(actions), pick(objects), 'admin'].slice(0, 3 + Math.floor(next() * 2))
    scopes.push(segments.join(':'))
    if (next() < 0.25) segments[Math.floor(next() * (segments.length - 1))] = '*'
    if (next() < 0.05) segments[1] = '*'
    const scope = segments.join(':')
    if (seen.has(scope)) continue
    seen.add(scope)
    rules.push({scope, requires: [pick(privileges)], sources: ['bench']})
  }
  return {rules, scopes}
}

/** Two families that overlap pairwise: team{i}:*:item:admin against *:verb{j}:item:admin. */
function overlappingLayer(): WrittenRule[] {
  const half = OVERLAPPING / 2
  return Array.from({length: OVERLAPPING}, (_, i) => ({
    scope: i < half ? `team${i}:*:item:admin` : `*:verb${i - half}:item:admin`,
    requires: ['User:Read'],
  }))
}

interface Timed {
  wall: number
  cpu: number
}

/** The CLI under /usr/bin/time, for its CPU seconds. */
function run(args: string[]): Promise<Timed & {code: number; stdout: string}> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, bin, ...args], {
      env: {...process.env, NO_COLOR: '1'},
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const [, user = '0', system = '0'] = /cpu ([\d.]+) ([\d.]+)/.exec(stderr) ?? []
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      resolve({wall, cpu: Number(user) + Number(system), code: code ?? -1, stdout})
    })
  })
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zsa-bench-matrix-'))
  const results: Array<Timed & {name: string; limit: number; ok: boolean; detail: string}> = []
  try {
    const {rules, scopes} = bigLayer()
    const big = join(dir, 'big.json')
    writeFileSync(big, JSON.stringify({rules}))

    const started = process.hrtime.bigint()
    const cpuBefore = process.cpuUsage()
    const matrix = buildMatrix(await loadMatrixLayers({files: [big], builtin: true}))
    let mapped = 0
    for (const scope of scopes) if (matrix.resolve(scope).winner) mapped++
    const cpu = process.cpuUsage(cpuBefore)
    results.push({
      name: `load ${RULES} rules over the built-in, resolve ${scopes.length} scopes (in process)`,
      wall: Number(process.hrtime.bigint() - started) / 1e9,
      cpu: (cpu.user + cpu.system) / 1e6,
      limit: 1.5,
      ok: mapped === scopes.length,
      detail: `${mapped}/${scopes.length} mapped`,
    })

    const explain = await run(['matrix', 'explain', ...scopes.slice(0, 200), '--matrix', big, '--json'])
    results.push({
      name: `matrix explain of 200 scopes with a ${RULES}-rule layer (CLI, start-up included)`,
      wall: explain.wall,
      cpu: explain.cpu,
      limit: 2.5,
      ok: explain.code === 0,
      detail: `exit ${explain.code}`,
    })

    const overlapping = join(dir, 'overlapping.json')
    writeFileSync(overlapping, JSON.stringify({rules: overlappingLayer()}))
    const validate = await run(['matrix', 'validate', overlapping])
    const lines = validate.stdout.trim().split('\n').length
    results.push({
      name: `matrix validate of ${OVERLAPPING} overlapping patterns (CLI)`,
      wall: validate.wall,
      cpu: validate.cpu,
      limit: 5,
      ok: validate.code === 0 && lines <= 110 && /more warnings/.test(validate.stdout),
      detail: `exit ${validate.code}, ${lines} lines of output`,
    })
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
  let failed = false
  for (const r of results) {
    const ok = r.ok && r.cpu <= r.limit
    failed ||= !ok
    const times = `${r.cpu.toFixed(2)} s CPU (target ≤ ${r.limit} s), ${r.wall.toFixed(2)} s wall`
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${times}  ${r.name}  [${r.detail}]`)
  }
  if (failed) process.exitCode = 1
}

await main()
