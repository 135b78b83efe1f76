// Debian's Chromium driven by playwright-core: the real browser the HTML report is checked in. No browser is
// downloaded; a missing /usr/bin/chromium fails (`.ci/run` installs it), it never skips.
import {existsSync} from 'node:fs'

import {chromium, type Browser} from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`,
    )
  return chromium.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu']})
}
