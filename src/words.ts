// English the tool writes in every report and message: one rule for each, so no two outputs disagree.

/** "1 scope", "3 scopes". */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`
}

/**
 * "Dana Scully's", "Rita Reports's", "jo@acme.example's": always 's, whatever the name ends with (the style of the
 * Chicago Manual and of most house styles for names; one rule that never depends on how a name is spelt).
 */
export function possessive(name: string): string {
  return `${name}'s`
}

/** "A", "A and B", "A, B and C". */
export function and(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** "it" or "them", for a list of one or more things. */
export function itOrThem(items: unknown[]): string {
  return items.length === 1 ? 'it' : 'them'
}
