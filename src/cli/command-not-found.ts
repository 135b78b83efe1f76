// A mistyped command or topic: one line naming the closest command ("did you mean …?") and exit 2 — a usage error
// like any other, also when no one is at the terminal (oclif's plugin-not-found only suggests on a prompt, exits 127
// and runs the guess on "y", which an audit tool should not do). `help audti` and `audti --help` end here too
// (src/cli/help.ts).
import {Errors, type Hook, type Interfaces} from '@oclif/core'

import {ExitCode} from '../errors.js'

const hook: Hook.CommandNotFound = async function (options) {
  commandNotFound(options.config, options.id)
}

export default hook

/** Says on stderr that `id` (oclif's, with ":") is no command, with the closest one, and exits 2. */
export function commandNotFound(config: Interfaces.Config, id: string): never {
  const separator = config.topicSeparator
  const shown = (commandId: string) => commandId.replaceAll(':', separator)
  const commands = config.commands.filter((c) => !c.hidden).map((c) => c.id)
  const topics = config.topics.filter((t) => !t.hidden).map((t) => t.name)
  const guess = closest(id, [...commands, ...topics])
  const help = `${config.bin} help${guess ? ` ${shown(guess)}` : ''}`
  const advice = guess ? `did you mean "${shown(guess)}"? (see ${help})` : `see ${help} for the commands`
  process.stderr.write(`Error: "${shown(id)}" is not a ${config.bin} command: ${advice}\n`)
  throw new Errors.ExitError(ExitCode.badInput)
}

/** The candidate nearest to `typed` by edit distance, when it is near enough to be a typo. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: {candidate: string; distance: number} | undefined
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate)
    if (!best || distance < best.distance) best = {candidate, distance}
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 3)) ? best.candidate : undefined
}

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}
