// oclif's help, plus two sections every command declares: ENVIRONMENT (the variables it reads) and EXIT CODES (what
// its exit codes mean). Named in package.json's oclif.helpClass, so `--help`, `help COMMAND` and `oclif readme` agree.
import {CommandHelp, Help, type HelpSection} from '@oclif/core'

import type {HelpEntry} from './help-sections.js'

/** The static properties of a command (read from the manifest) that this help prints. */
interface CommandHelpFacts {
  environment?: readonly HelpEntry[]
  exitCodes?: readonly HelpEntry[]
}

class ZsaCommandHelp extends CommandHelp {
  protected override sections(): ReturnType<CommandHelp['sections']> {
    const facts = this.command as typeof this.command & CommandHelpFacts
    const sections = super.sections()
    const after = sections.findIndex((s) => s.header === 'DESCRIPTION')
    const own = [
      {header: 'ENVIRONMENT', generate: (_: unknown, header: string) => entries(header, facts.environment)},
      {header: 'EXIT CODES', generate: (_: unknown, header: string) => entries(header, facts.exitCodes)},
    ]
    sections.splice(after < 0 ? sections.length : after + 1, 0, ...own)
    return sections
  }
}

/** Nothing for commands that declare none (the help and plugin commands). */
function entries(header: string, list: readonly HelpEntry[] | undefined): HelpSection | undefined {
  return list && list.length > 0 ? {header, body: list.map(([name, text]) => [name, text])} : undefined
}

export default class ZsaHelp extends Help {
  protected override CommandHelpClass = ZsaCommandHelp
}
