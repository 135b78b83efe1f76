// npx tsx scripts/extract-requirements.ts <product>=<openapi.json> … [--output <file>]
// One-off extraction (the OpenAPI documents are not in the repository; see data/zoom/README.md): for each operation,
// the sentences of its description that say WHO may call it ("Account owner or admin permissions", "a role with Zoom
// Phone management", "role management permission"). The inferred layer (scripts/matrix/inferred.ts) cites them.
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

export const DEFAULT_REQUIREMENTS = fileURLToPath(new URL('../data/zoom/operation-requirements.tsv', import.meta.url))

const METHODS = ['get', 'post', 'put', 'patch', 'delete']
/** A description piece that names who may call the operation. */
const WHO = /account owner|admin (permission|privilege)|role management|phone management|edit privileges for role/i

/** Markdown links → their text, whitespace collapsed, bold markers and trailing punctuation dropped. */
export function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '')
}

/** The pieces (bullets, then sentences) of a description that name who may call the operation. */
export function requirementSentences(description: string): string[] {
  // The scope and rate-limit lines that follow the prerequisites say nothing about who may call.
  const prose = description.split(/\*\*\[?(Granular )?Scopes\b|\bScopes:|Rate Limit Label/)[0] ?? ''
  const pieces = prose
    .split(/\n\s*[*-]\s+|\s*\*\s+|(?<=\.)\s*\*|(?<=\.)\s+/)
    .map(plain)
    .filter((piece) => piece.length > 0 && WHO.test(piece))
  return [...new Set(pieces)]
}

type OpenApi = {paths: Record<string, Record<string, {operationId?: string; description?: string}>>}

function main(): void {
  const {values, positionals} = parseArgs({allowPositionals: true, options: {output: {type: 'string', short: 'o'}}})
  const rows: string[] = ['product\tmethod\tpath\trequirement']
  for (const argument of positionals) {
    const [product, file] = argument.split('=')
    if (!product || !file) throw new Error(`expected <product>=<openapi.json>, got ${argument}`)
    const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApi
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = methods[method]
        if (!operation?.operationId) continue
        for (const sentence of requirementSentences(operation.description ?? '')) {
          rows.push([product, method.toUpperCase(), path, sentence.replace(/\t/g, ' ')].join('\t'))
        }
      }
    }
  }
  writeFileSync(values.output ?? DEFAULT_REQUIREMENTS, `${rows.join('\n')}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
