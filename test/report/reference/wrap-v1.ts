// REFERENCE ONLY: src/report/wrap.ts as it was before the table layout was rewritten for speed (main at 8f73c03), kept
// unchanged so table-layout-reference.test.ts can check the rewrite lays out every input byte for byte the same.
// Word wrapping for people's text: lines break at spaces, long words (scopes, emails) after ":", ",", "/", ".",
// "_" or "-", and only a word with none of those is cut mid-way. Plain text only: colour is added after wrapping.

/** Columns a plain string takes: one per code point (escapes made control characters visible beforehand). */
export function textWidth(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** The lines of `text` no wider than `width` (at least 1). Newlines in the text start a new line. */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width))
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      if (word === '') continue
      if (line !== '' && textWidth(line) + 1 + textWidth(word) <= max) {
        line += ` ${word}`
        continue
      }
      if (line !== '') lines.push(line)
      const pieces = breakWord(word, max)
      lines.push(...pieces.slice(0, -1))
      line = pieces.at(-1) ?? ''
    }
    lines.push(line)
  }
  return lines
}

/** `text` wrapped to `width` with `first` before its first line and `rest` before the others. */
export function wrapIndented(text: string, width: number, first: string, rest = ' '.repeat(first.length)): string[] {
  const inner = Math.max(10, width - Math.max(textWidth(first), textWidth(rest)))
  return wrapText(text, inner).map((line, i) => (i === 0 ? first : rest) + line)
}

function breakWord(word: string, max: number): string[] {
  if (textWidth(word) <= max) return [word]
  const parts = word.match(/[^:,/._-]*[:,/._-]?/g)?.filter((p) => p !== '') ?? [word]
  const chunks: string[] = []
  let chunk = ''
  for (const part of parts) {
    if (textWidth(chunk) + textWidth(part) <= max) {
      chunk += part
      continue
    }
    if (chunk !== '') chunks.push(chunk)
    const points = [...part]
    while (points.length > max) chunks.push(points.splice(0, max).join(''))
    chunk = points.join('')
  }
  if (chunk !== '') chunks.push(chunk)
  return chunks
}
