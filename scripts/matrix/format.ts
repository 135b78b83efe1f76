// Deterministic JSON text for the matrix: 2-space indent like JSON.stringify(…, null, 2), except that an array of
// strings/numbers stays on one line when that line fits in MAX_WIDTH columns. Ends with a newline.

const MAX_WIDTH = 120

type Json = string | number | boolean | null | Json[] | {[key: string]: Json}

export function formatJson(value: unknown): string {
  return `${render(value as Json, 0)}\n`
}

function render(value: Json, indent: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const pad = ' '.repeat(indent + 2)
  const end = ' '.repeat(indent)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      // indent + the longest key we emit ("requires": ) leaves room for the rest of the line.
      if (indent + 14 + inline.length <= MAX_WIDTH) return inline
    }
    return `[\n${value.map((item) => pad + render(item, indent + 2)).join(',\n')}\n${end}]`
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([key, item]) => `${pad}${JSON.stringify(key)}: ${render(item, indent + 2)}`).join(',\n')}\n${end}}`
}
