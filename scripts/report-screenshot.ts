// Regenerates docs/report-example.png, the README's picture of the example account's HTML report: the built CLI makes
// the report (a fixed SOURCE_DATE_EPOCH keeps the "report made" time stable), headless Chromium photographs it.
// Run: npm run docs:screenshot (builds first).
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {launchChromium} from '../test/helpers/browser.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = join(root, 'docs', 'report-example.png')
const dir = mkdtempSync(join(tmpdir(), 'zsa-screenshot-'))
try {
  const html = join(dir, 'report.html')
  const args = [
    'bin/run.js',
    'audit',
    '--snapshot',
    'examples/snapshot.json',
    '--inventory',
    'examples/inventory.json',
    '--format',
    'html',
    '--output',
    html,
    '--fail-on',
    'none',
  ]
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    env: {...process.env, SOURCE_DATE_EPOCH: '1795435200'},
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`audit failed (exit ${run.status}): ${run.stderr}`)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 1000}, deviceScaleFactor: 1})
    await page.goto(pathToFileURL(html).href)
    // The summary, the grid and the first findings: what a reader sees first.
    await page.screenshot({path: target, clip: {x: 0, y: 0, width: 1280, height: 1500}, fullPage: true})
  } finally {
    await browser.close()
  }
  process.stdout.write(`wrote ${target}\n`)
} finally {
  rmSync(dir, {recursive: true, force: true})
}
