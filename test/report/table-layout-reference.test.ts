// The terminal table's layout was rewritten for speed (measured once, no stepping, lines as slices): it must lay out
// exactly what it did before. The implementations it replaced are kept in ./reference/ (wrap-v1.ts, text-table-v1.ts)
// and every input here — random texts and tables, and a generated report of a few hundred apps — must come out the
// same, byte for byte.
import {createHash} from 'node:crypto'

import {expect} from 'chai'

import {renderAuditTable} from '../../src/report/audit-table.js'
import {createStyle} from '../../src/report/style.js'
import {layoutTable, type CellInput, type TableOptions} from '../../src/report/text-table.js'
import {textWidth, wrapIndented, wrapText} from '../../src/report/wrap.js'
import {generatedReport, PLAIN_PIECES, random, randomText} from './generated-report.js'
import {layoutTable as layoutTableV1} from './reference/text-table-v1.js'
import {textWidth as textWidthV1, wrapIndented as wrapIndentedV1, wrapText as wrapTextV1} from './reference/wrap-v1.js'

describe('table layout: the same bytes as the implementation it replaced', () => {
  it('textWidth counts code points as before (lone surrogates count one each)', () => {
    const r = random(1)
    for (let i = 0; i < 2000; i++) {
      const text = randomText(r)
      expect(textWidth(text), JSON.stringify(text)).to.equal(textWidthV1(text))
    }
  })

  it('wrapText and wrapIndented: the same lines for 8 000 random texts and widths', () => {
    const r = random(2)
    const same = (actual: string[], expected: string[], where: () => string) => {
      // Compared as text first: building the message for each of 60 000 comparisons would be most of the test.
      if (actual.join('\n') !== expected.join('\n') || actual.length !== expected.length)
        expect(actual, where()).to.deep.equal(expected)
    }
    for (let i = 0; i < 8000; i++) {
      // Half the texts as most are (single spaces, no surrogate pairs), half with anything.
      const text = randomText(r, 1 + r.int(40), i % 2 === 0 ? PLAIN_PIECES : undefined)
      const width = r.pick([1, 2, 3, 5, 8, 10, 13, 20, 40, 74, 80, 120, 7.5, 0, -3])
      const where = () => `${JSON.stringify(text)} at ${width}`
      same(wrapText(text, width), wrapTextV1(text, width), where)
      const first = r.pick(['', '  ', '    → ', 'Note: '])
      same(wrapIndented(text, width, first), wrapIndentedV1(text, width, first), where)
      same(wrapIndented(text, width, first, '⋯ '), wrapIndentedV1(text, width, first, '⋯ '), where)
    }
  })

  it('layoutTable: the same header and rows for 3 000 random tables, with and without a width', () => {
    const r = random(3)
    const paint = (t: string) => `\u001B[31m${t}\u001B[39m`
    for (let i = 0; i < 3000; i++) {
      const columns = 1 + r.int(5)
      const headers = Array.from({length: columns}, () => r.pick(['SEVERITY', 'KIND', 'SCOPE', 'MISSING', '', 'A']))
      const rows: CellInput[][] = Array.from({length: r.int(6)}, () =>
        Array.from({length: r.int(columns + 2)}, () => {
          const text = r.next() < 0.1 ? paint(randomText(r, 3)) : randomText(r, r.int(12))
          return r.next() < 0.3 ? {text, paint} : text
        }),
      )
      const options: TableOptions = {
        ...(r.next() < 0.8 ? {width: r.pick([0, 10, 30, 40, 57, 80, 120, 200, 80.5])} : {}),
        ...(r.next() < 0.5 ? {indent: r.pick(['', '  ', '\t'])} : {}),
        ...(r.next() < 0.4 ? {minColumnWidth: r.pick([0, 1, 4, 12, 30])} : {}),
        ...(r.next() < 0.4 ? {maxCellWidth: r.pick([1, 5, 20, 60])} : {}),
      }
      const [actual, expected] = [layoutTable(headers, rows, options), layoutTableV1(headers, rows, options)]
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        expect(actual, JSON.stringify({headers, rows, options})).to.deep.equal(expected)
    }
  })

  it('layoutTable: one 10 000-character cell narrows as it did, one column at a time', () => {
    const rows = [['HIGH', 'missing-privilege', `scope:${'a'.repeat(10_000)}`, 'Users: Edit, '.repeat(500)]]
    const options = {indent: '  ', width: 80}
    expect(layoutTable(['SEVERITY', 'KIND', 'SCOPE', 'MISSING'], rows, options)).to.deep.equal(
      layoutTableV1(['SEVERITY', 'KIND', 'SCOPE', 'MISSING'], rows, options),
    )
  })

  it('the audit table of a generated 400-app report is byte for byte what the replaced code wrote', () => {
    // sha256 of renderAuditTable's output for generatedReport() with the code before the rewrite (main at 8f73c03),
    // plain at 40 and 80 columns and coloured at 120. A change here means the table's bytes changed: if that is
    // meant, check the difference against ./reference/ and say so where the hashes are updated.
    const report = generatedReport()
    const outputs = [
      renderAuditTable(report, {style: createStyle(false), width: 40}),
      renderAuditTable(report, {style: createStyle(false), width: 80}),
      renderAuditTable(report, {style: createStyle(true), width: 120}),
    ]
    expect(outputs.map((o) => o.split('\n').length)).to.deep.equal(EXPECTED_LINES)
    expect(outputs.map((o) => createHash('sha256').update(o).digest('hex'))).to.deep.equal(EXPECTED_SHA256)
  })
})

const EXPECTED_LINES = [9186, 4878, 3202]
const EXPECTED_SHA256 = [
  '0b8fa69c5e6a2a5aebe11833ba14ad808c0c570b0af3f7612b11c9a7b18f2dd4',
  '274ff2614e9ace19dea73362cb81091433a1addea9ab9dcb70c766557faac056',
  'c6ce37e7c30e61c7deb25d43d6b1191210eeb9903cbec254f9c0d99a833bd7bf',
]
