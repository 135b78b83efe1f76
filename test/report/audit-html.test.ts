// The HTML report as text: self-contained, escaped, real table markup, optional parts shown only when present.
// What it does in a browser is checked in audit-html-browser.test.ts.
import {expect} from 'chai'

import {escapeHtml, renderAuditHtml} from '../../src/report/audit-html.js'
import {AUDIT_FORMATS} from '../../src/report/audit-formats.js'
import {createStyle} from '../../src/report/style.js'
import {exampleReport, hostileReport, IMG_NAME, label, SCRIPT_NAME, triagedReport} from './example-report.js'

describe('audit --format html (renderer)', () => {
  const html = renderAuditHtml(exampleReport, {label})

  it('is registered as a text format and is the same page', () => {
    expect(AUDIT_FORMATS.html(exampleReport, {style: createStyle(false), label})).to.equal(html)
  })

  it('is one self-contained file: no src, href, url(), @import or external address', () => {
    expect(html).to.match(/^<!doctype html>\n<html lang="en">/)
    expect(html).not.to.match(/\s(src|href|action|srcset)\s*=/i)
    expect(html).not.to.match(/url\(|@import|https?:\/\//i)
    expect(html.match(/<script>/g)).to.have.length(1)
    expect(html.match(/<\/script>/g)).to.have.length(1)
    expect(html.match(/<style>/g)).to.have.length(1)
  })

  it('allows only its own script (CSP with the script hash): an injected handler could not run', () => {
    expect(html).to.match(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/,
    )
    expect(html).not.to.include("'unsafe-inline'; script-src 'unsafe-inline'")
  })

  it('every header cell is a <th scope>; one grid row per app with a finding, one column per privilege they need', () => {
    for (const th of html.match(/<th\b[^>]*>/g)!) expect(th).to.match(/ scope="(col|row)"/)
    const apps = new Set(exampleReport.findings.map((f) => f.appId))
    expect(html.match(/<tr data-grid-app=/g)).to.have.length(apps.size)
    const needed = new Set(
      exampleReport.apps
        .filter((a) => apps.has(a.id))
        .flatMap((a) => a.scopes.flatMap((s) => [...s.requiredPrivileges, ...s.missingPrivileges])),
    )
    expect(html.match(/<th scope="col" data-privilege=/g)).to.have.length(needed.size)
    expect(html).to.include(
      '<th scope="col" data-privilege="User:Edit"><abbr title="Users: Edit (role privilege User:Edit)">Users: Edit</abbr></th>',
    )
  })

  it('a cell says what it means in words and a symbol, not only in colour', () => {
    const row = /<tr data-grid-app="aRecArch01">.*<\/tr>/.exec(html)![0]
    expect(row).to.match(
      /<td class="cell lacks" data-privilege="User:Edit" data-state="lacks" title="Recording Archiver · Users: Edit: [^"]+">✗ lacks<\/td>/,
    )
    expect(row).to.match(/data-privilege="User:Read" data-state="holds"[^>]*>✓ holds</)
    const bot = /<tr data-grid-app="aMtgBot004">.*<\/tr>/.exec(html)![0]
    expect(bot).to.match(/data-privilege="User:Edit" data-state="groups"[^>]*>◐ some groups</)
    expect(bot).to.match(
      /data-state="none"[^>]*><span aria-hidden="true">–<\/span><span class="sr">not needed<\/span></,
    )
    const unknownOwner = /<tr data-grid-app="aRecMgr014">.*<\/tr>/.exec(html)![0]
    expect(unknownOwner).to.match(/data-state="unchecked"[^>]*>\? not checked</)
  })

  it('findings by app, worst first, each with its remedy and filter data', () => {
    const order = [...html.matchAll(/<section class="app worst-(\w+)" data-app="([^"]+)"/g)].map((m) => m[2])
    const expected = exampleReport.apps
      .filter((a) => exampleReport.findings.some((f) => f.appId === a.id))
      .map((a) => a.id)
    expect(order).to.deep.equal(expected)
    expect(html.match(/<tr class="finding /g)).to.have.length(exampleReport.findings.length)
    for (const f of exampleReport.findings) expect(html).to.include(escapeHtml(f.message))
    expect(html).to.include('data-severity="high" data-kind="missing-privilege" data-new="false"')
    // No baseline: no new-only filter, no accepted or resolved sections.
    expect(html).not.to.include('id="filter-new"')
    expect(html).not.to.match(/id="(accepted|resolved)"/)
  })

  it('escapes names, owners and messages: markup in an app name stays text', () => {
    const page = renderAuditHtml(hostileReport(), {label})
    expect(page).not.to.include(IMG_NAME)
    expect(page).not.to.include(SCRIPT_NAME)
    expect(page).not.to.include('<b>acct</b>')
    expect(page).to.include('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).to.include('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(page).to.include('&quot;&amp;&#39; loses')
    expect(page.match(/<script>/g)).to.have.length(1)
    expect(page.match(/<\/script>/g)).to.have.length(1)
  })

  it('with a baseline, acceptances, resolved findings and confidences: counts, new-only filter, sections, column', () => {
    const report = triagedReport()
    const page = renderAuditHtml(report, {label})
    expect(page).to.include(`<dt>New</dt><dd>${report.summary.new}</dd>`)
    expect(page).to.include('<dt>Resolved</dt><dd>1</dd>')
    expect(page).to.include('<dt>Accepted</dt><dd>1</dd>')
    expect(page).to.include('<input type="checkbox" id="filter-new"> new only')
    expect(page).to.include('<span class="badge new">NEW</span>')
    expect(page).to.match(
      /<section id="accepted"[\s\S]*Dana gets Users: Edit &lt;Monday&gt;[\s\S]*2026-12-31[\s\S]*priya/,
    )
    expect(page).to.match(/<section id="resolved"[\s\S]*zsa-0000000000aa[\s\S]*Gone App/)
    expect(page).to.include('<th scope="col">Confidence</th>').and.include('<td data-label="Confidence">inferred</td>')
  })

  it('no findings: says so, no empty grid or filters', () => {
    const page = renderAuditHtml({...exampleReport, findings: []}, {label})
    expect(page).to.include('No app has a finding.').and.include('No findings.')
    expect(page).not.to.include('<table class="grid">')
    expect(page).not.to.include('id="filters"')
  })
})
