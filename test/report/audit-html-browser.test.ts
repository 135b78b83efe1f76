// The HTML report as people see it: the example account's report, made by the CLI, opened from file:// in headless
// Chromium (Debian's, driven by playwright-core). A missing browser fails this test; it is never skipped.
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {expect} from 'chai'
import type {Browser, Page} from 'playwright-core'

import {renderAuditHtml} from '../../src/report/audit-html.js'
import {launchChromium} from '../helpers/browser.js'
import {exampleHtmlReportArgs} from '../helpers/example-account.js'
import {runCli} from '../helpers/run-cli.js'
import {makeTempDir} from '../helpers/temp-dir.js'
import {hostileReport, IMG_NAME, label, SCRIPT_NAME} from './example-report.js'

interface Watched {
  page: Page
  requests: string[]
  errors: string[]
  dialogs: string[]
}

describe('audit --format html in a real browser (headless Chromium)', function () {
  this.timeout(120_000)
  const tmp = makeTempDir()
  let browser: Browser
  let file: string
  let url: string

  before(async () => {
    browser = await launchChromium()
    file = join(tmp.dir, 'report.html')
    const {code, stderr} = await runCli(exampleHtmlReportArgs(file), {env: {SOURCE_DATE_EPOCH: '1790000000'}})
    expect(code, stderr).to.equal(1)
    url = pathToFileURL(file).href
  })
  after(async () => {
    await browser?.close()
    tmp.cleanup()
  })

  async function open(address: string, viewport = {width: 1280, height: 900}): Promise<Watched> {
    const page = await browser.newPage({viewport})
    const watched: Watched = {page, requests: [], errors: [], dialogs: []}
    page.on('request', (request) => watched.requests.push(request.url()))
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(message.text())
    })
    page.on('pageerror', (error) => watched.errors.push(error.message))
    page.on('dialog', async (dialog) => {
      watched.dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await page.goto(address, {waitUntil: 'load'})
    return watched
  }

  it('shows the grid cell for a known missing privilege, with the portal label as header and on hover', async () => {
    const {page, requests, errors} = await open(url)
    const cell = page.locator('tr[data-grid-app="aRecArch01"] td[data-privilege="User:Edit"]')
    expect(await cell.textContent()).to.equal('✗ lacks')
    expect(await cell.getAttribute('data-state')).to.equal('lacks')
    expect(await cell.getAttribute('title')).to.match(/^Recording Archiver · Users: Edit: the owner’s role lacks it/)
    const header = page.locator('th[data-privilege="User:Edit"] abbr')
    expect(await header.textContent()).to.equal('Users: Edit')
    expect(await header.getAttribute('title')).to.equal('Users: Edit (role privilege User:Edit)')
    expect(await page.locator('tr[data-grid-app="aRecArch01"] th[scope="row"]').textContent()).to.equal(
      'Recording Archiver aRecArch01',
    )
    expect(errors).to.deep.equal([])
    expect(requests).to.deep.equal([url])
    await page.close()
  })

  it('filters by severity and kind hide what they should, grid rows and app sections with them', async () => {
    const {page, errors} = await open(url)
    const visibleRows = () => page.locator('tr.finding:visible').count()
    const total = await page.locator('tr.finding').count()
    expect(total).to.equal(18)
    expect(await visibleRows()).to.equal(total)
    expect(await page.locator('#filters').isVisible()).to.equal(true)

    // Only high: Room Dashboard has only medium findings, so its section and grid row disappear.
    await page.getByLabel('medium (8)').uncheck()
    await page.getByLabel('low (2)').uncheck()
    expect(await visibleRows()).to.equal(8)
    expect(await page.locator('tr.finding[data-severity="medium"]:visible').count()).to.equal(0)
    expect(await page.locator('section.app[data-app="aRoomDash3"]').isVisible()).to.equal(false)
    expect(await page.locator('tr[data-grid-app="aRoomDash3"]').isVisible()).to.equal(false)
    expect(await page.locator('section.app[data-app="aRecArch01"]').isVisible()).to.equal(true)
    expect(await page.locator('#filter-shown').textContent()).to.equal('8 of 18 findings shown')

    // All severities, one kind.
    await page.getByLabel('medium (8)').check()
    await page.getByLabel('low (2)').check()
    await page.selectOption('#filter-kind', 'owner-inactive')
    expect(await visibleRows()).to.equal(2)
    expect(await page.locator('tr.finding[data-kind="owner-inactive"]:visible').count()).to.equal(2)
    expect(errors).to.deep.equal([])
    await page.close()
  })

  it('new only: hides findings that were in the baseline', async () => {
    const baseline = join(tmp.dir, 'baseline.json')
    const week = join(tmp.dir, 'week.html')
    await runCli([
      'audit',
      '--snapshot',
      'examples/snapshot.json',
      '--inventory',
      'examples/inventory.json',
      '--json',
      '--output',
      baseline,
    ])
    const json = JSON.parse(readFileSync(baseline, 'utf8'))
    // Two findings "appear" this week: drop them from last week's report.
    json.findings = json.findings.filter((f: {appId: string}) => f.appId !== 'aWebinar08')
    writeFileSync(baseline, JSON.stringify(json))
    const {code} = await runCli([
      'audit',
      '--snapshot',
      'examples/snapshot.json',
      '--inventory',
      'examples/inventory.json',
      '--baseline',
      baseline,
      '--format',
      'html',
      '--output',
      week,
    ])
    expect(code).to.equal(1)
    const {page, errors} = await open(pathToFileURL(week).href)
    expect(await page.locator('.summary div:has(dt:text-is("New")) dd').textContent()).to.equal('2')
    await page.getByLabel('new only').check()
    expect(await page.locator('tr.finding:visible').count()).to.equal(2)
    expect(
      await page
        .locator('section.app:visible')
        .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-app'))),
    ).to.deep.equal(['aWebinar08'])
    expect(errors).to.deep.equal([])
    await page.close()
  })

  it('markup in app names stays text: no image, no script, no dialog', async () => {
    const hostile = join(tmp.dir, 'hostile.html')
    writeFileSync(hostile, renderAuditHtml(hostileReport(), {label}))
    const address = pathToFileURL(hostile).href
    const {page, requests, errors, dialogs} = await open(address)
    expect(await page.evaluate(() => document.images.length)).to.equal(0)
    expect(await page.evaluate(() => document.scripts.length)).to.equal(1)
    expect(await page.locator('section.app[data-app="aRecArch01"] h3').textContent()).to.equal(`${IMG_NAME} aRecArch01`)
    expect(await page.locator('section.app[data-app="aRoomDash3"] h3').textContent()).to.equal(
      `${SCRIPT_NAME} aRoomDash3`,
    )
    expect(await page.locator('tr[data-grid-app="aRoomDash3"] th').textContent()).to.equal(`${SCRIPT_NAME} aRoomDash3`)
    // The page's own script still ran (the filters are shown).
    expect(await page.locator('#filters').isVisible()).to.equal(true)
    expect(dialogs).to.deep.equal([])
    expect(errors).to.deep.equal([])
    expect(requests).to.deep.equal([address])
    await page.close()
  })

  it('fits a phone (the grid scrolls in its own box) and 1280 px; prints without the filters; screenshots', async () => {
    for (const [name, viewport] of [
      ['desktop', {width: 1280, height: 900}],
      ['phone', {width: 390, height: 844}],
    ] as const) {
      const {page, errors} = await open(url, viewport)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, `${name}: page wider than the screen`).to.equal(0)
      const shot = join(tmp.dir, `report-${name}.png`)
      await page.screenshot({path: shot, fullPage: true})
      expect(existsSync(shot) && statSync(shot).size).to.be.greaterThan(10_000)
      await page.emulateMedia({media: 'print'})
      expect(await page.locator('#filters').isVisible()).to.equal(false)
      expect(await page.locator('table.grid').isVisible()).to.equal(true)
      expect(errors).to.deep.equal([])
      await page.close()
    }
  })
})
