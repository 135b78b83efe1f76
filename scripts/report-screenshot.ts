// Regenerates docs/report-example.png, the README's picture of the example account's HTML report: the built CLI makes
// the report (a fixed SOURCE_DATE_EPOCH keeps the "report made" time stable), headless Chromium photographs it.
// Run: npm run docs:screenshot (builds first). The report and the browser are the ones the HTML tests use
// (test/helpers).
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {launchChromium} from '../test/helpers/browser.js'
import {exampleHtmlReportArgs} from '../test/helpers/example-account.js'
import {projectRoot, runCli} from '../test/helpers/run-cli.js'
import {makeTempDir} from '../test/helpers/temp-dir.js'

const target = join(projectRoot, 'docs', 'report-example.png')
const tmp = makeTempDir('zsa-screenshot-')
try {
  const html = join(tmp.dir, 'report.html')
  const run = await runCli([...exampleHtmlReportArgs(html), '--fail-on', 'none'], {
    env: {SOURCE_DATE_EPOCH: '1795435200'},
  })
  if (run.code !== 0) throw new Error(`audit failed (exit ${run.code}): ${run.stderr}`)
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
  tmp.cleanup()
}
