// Word wrapping for people's text: lines break at spaces, long words (scopes, emails) after ":", ",", "/", ".",
// "_" or "-", and only a word with none of those is cut mid-way. Plain text only: colour is added after wrapping.

/** Columns a plain string takes: one per code point (escapes made control characters visible beforehand). */
export function textWidth(text: string): number {
  // A surrogate pair is one code point; a lone surrogate counts as one, as iterating the string would.
  let width = text.length
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        width--
        i++
      }
    }
  }
  return width
}

/** The lines of `text` no wider than `width` (at least 1). Newlines in the text start a new line. */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width))
  const lines: string[] = []
  for (const paragraph of text.split('\n')) wrapWords(paragraph, max, lines)
  return lines
}

/**
 * Words (runs between spaces) laid out greedily; a word wider than a line is broken. Each word is measured once and the
 * line's width kept as it grows, so the cost is the length of the text.
 */
function wrapWords(paragraph: string, max: number, lines: string[]): void {
  let line = ''
  let lineWidth = 0
  for (const word of paragraph.split(' ')) {
    if (word === '') continue
    const wordWidth = textWidth(word)
    if (line !== '' && lineWidth + 1 + wordWidth <= max) {
      line += ` ${word}`
      lineWidth += 1 + wordWidth
      continue
    }
    if (line !== '') lines.push(line)
    if (wordWidth <= max) {
      line = word
      lineWidth = wordWidth
      continue
    }
    const pieces = breakWord(word, max)
    for (let i = 0; i < pieces.length - 1; i++) lines.push(pieces[i]!)
    line = pieces.at(-1) ?? ''
    lineWidth = textWidth(line)
  }
  lines.push(line)
}

/** `text` wrapped to `width` with `first` before its first line and `rest` before the others. */
export function wrapIndented(text: string, width: number, first: string, rest = ' '.repeat(first.length)): string[] {
  const inner = Math.max(10, width - Math.max(textWidth(first), textWidth(rest)))
  const lines = wrapText(text, inner)
  for (let i = 0; i < lines.length; i++) lines[i] = (i === 0 ? first : rest) + lines[i]!
  return lines
}

/** Where a long word may break: after any of these. */
const BREAK_AFTER = /[^:,/._-]*[:,/._-]?/g

/** A word wider than `max`, in pieces: at the break characters where possible, else cut every `max` code points. */
function breakWord(word: string, max: number): string[] {
  const parts = word.match(BREAK_AFTER)?.filter((p) => p !== '') ?? [word]
  const chunks: string[] = []
  let chunk = ''
  let chunkWidth = 0
  for (const part of parts) {
    const partWidth = textWidth(part)
    if (chunkWidth + partWidth <= max) {
      chunk += part
      chunkWidth += partWidth
      continue
    }
    if (chunk !== '') chunks.push(chunk)
    const points = [...part]
    let start = 0
    for (; points.length - start > max; start += max) chunks.push(points.slice(start, start + max).join(''))
    chunk = points.slice(start).join('')
    chunkWidth = points.length - start
  }
  if (chunk !== '') chunks.push(chunk)
  return chunks
}
