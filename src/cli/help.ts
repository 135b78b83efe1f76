// oclif's help, plus two sections every command declares: ENVIRONMENT (the variables it reads) and EXIT CODES (what
// its exit codes mean). Named in package.json's oclif.helpClass, so `--help`, `help COMMAND` and `oclif readme` agree.
// Help for a mistyped command gets the same guess as running it.
import {CommandHelp, Help, type HelpSection, type Interfaces} from '@oclif/core'
import {getHelpFlagAdditions, standardizeIDFromArgv} from '@oclif/core/help'

import {commandNotFound} from './command-not-found.js'
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

  /** `help audti` and `audti --help`: "did you mean "audit"?" and exit 2, as `audti` gets, not "Command audti not found." */
  override async showHelp(argv: string[]): Promise<void> {
    const subject = helpSubject(argv, this.config)
    if (subject !== undefined && !this.config.findCommand(subject) && !this.config.findTopic(subject))
      commandNotFound(this.config, subject)
    await super.showHelp(argv)
  }
}

/** The command or topic id help is asked about, found as oclif's showHelp finds it; undefined for the root help. */
function helpSubject(argv: string[], config: Interfaces.Config): string | undefined {
  const helpFlags = getHelpFlagAdditions(config)
  const words = standardizeIDFromArgv(
    argv.filter((arg) => !helpFlags.includes(arg)),
    config,
  )
  for (const word of words) {
    if (word === 'help') continue
    return word.startsWith('-') ? undefined : word
  }
  return undefined
}
