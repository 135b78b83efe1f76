// npm run migrate:generate [-- --output <file>] [-- --data <dir>]
// Writes the classic → granular scope map (data/classic-to-granular.json) from the Zoom facts in data/zoom/.
// See scripts/matrix/classic-to-granular.ts for the rule.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {buildClassicToGranular} from './matrix/classic-to-granular.js'
import {DEFAULT_DATA_DIR, loadZoomData} from './matrix/data.js'
import {formatJson} from './matrix/format.js'

export const DEFAULT_OUTPUT = fileURLToPath(new URL('../data/classic-to-granular.json', import.meta.url))

/** The map file's exact text for the data in `dataDir`. */
export function generateClassicToGranularText(dataDir: string = DEFAULT_DATA_DIR): string {
  return formatJson(buildClassicToGranular(loadZoomData(dataDir)))
}

function main(): void {
  const {values} = parseArgs({
    options: {
      output: {type: 'string', short: 'o'},
      data: {type: 'string'},
      quiet: {type: 'boolean', short: 'q'},
    },
  })
  const output = values.output ?? DEFAULT_OUTPUT
  const map = buildClassicToGranular(loadZoomData(values.data ?? DEFAULT_DATA_DIR))
  writeFileSync(output, formatJson(map))
  if (!values.quiet) {
    const entries = Object.values(map.classic)
    const empty = entries.filter((entry) => Object.keys(entry.granular).length === 0).length
    process.stderr.write(
      `wrote ${output}: ${entries.length} classic scopes (${empty} with no granular scope of their level)\n`,
    )
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
