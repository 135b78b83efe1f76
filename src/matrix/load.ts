// Matrix files in, layers out: read, parse, schema-check, per-file checks, defaults. The only I/O of the matrix.
// The built-in is the package's own generated data: the tests hold it to the strict schema, so a run only parses it.
import {readFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {fileURLToPath} from 'node:url'

import {InputError, type InputErrorCode} from '../errors.js'
import {parseJson} from '../input/parse-json.js'
import {readTextFile} from '../input/read-file.js'
import {schemaProblems} from '../input/schema-check.js'
import {fileErrors, type Problem} from './file-problems.js'
import {labelIndex} from './privileges.js'
import type {MatrixFile, MatrixLayer, WrittenMatrixFile} from './types.js'

export const BUILTIN = 'built-in'
const builtinUrl = new URL('../../data/builtin-matrix.json', import.meta.url)
/** Layers shipped with the tool that --matrix accepts by name (write ./inferred for a file called "inferred"). */
export const INFERRED = 'inferred'
const namedLayers: Record<string, URL> = {[INFERRED]: new URL('../../data/inferred-matrix.json', import.meta.url)}

/** A --matrix value → the file to read: a shipped layer's name, or a path as given. */
export function layerFile(value: string): string {
  const url = Object.hasOwn(namedLayers, value) ? namedLayers[value] : undefined
  return url ? fileURLToPath(url) : value
}

/**
 * Every error a user's matrix file has; `layer` (defaults filled in) only when there are none. `fatal` is the error a
 * loader throws. `under`: the layers it goes over, whose portal labels a `requires` entry may have been copied from.
 */
export async function inspectMatrixFile(
  file: string,
  shownAs = file,
  under: MatrixLayer[] = [],
): Promise<{layer?: MatrixLayer; errors: Problem[]; fatal?: InputError}> {
  let document: unknown
  try {
    document = parseJson(await readTextFile(file, 'privilege matrix'), shownAs, 'privilege matrix')
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return {
      errors: [
        {file: shownAs, place: String(error.details.place ?? ''), message: error.message.replace(`${shownAs}: `, '')},
      ],
      fatal: error,
    }
  }
  const schema = schemaProblems('privilege-matrix', document).map((line) => {
    const [place = '/', ...rest] = line.split(' ')
    return {file: shownAs, place, message: rest.join(' ')}
  })
  if (schema.length > 0)
    return {errors: schema, fatal: summarise(shownAs, 'not a valid privilege matrix: ', schema, 'schema_invalid')}
  const written = document as WrittenMatrixFile
  const labels = labelIndex([...under.map((l) => l.matrix.privileges), written.privileges])
  const errors = fileErrors(written, shownAs, labels)
  if (errors.length > 0) return {errors, fatal: summarise(shownAs, '', errors, 'matrix_invalid')}
  return {layer: {file: shownAs, matrix: withDefaults(written, shownAs)}, errors}
}

/** A rule needs only scope and requires; the file needs no version (its name stands in). Fills in the freshly parsed
 * document itself: no copy of tens of thousands of rules. */
function withDefaults(written: WrittenMatrixFile, file: string): MatrixFile {
  written.version ??= basename(file)
  for (const rule of written.rules) {
    rule.scope = rule.scope.trim()
    rule.partial ??= []
    rule.confidence ??= 'manual'
    rule.sources ??= []
  }
  return written as MatrixFile
}

function summarise(file: string, prefix: string, problems: Problem[], code: InputErrorCode): InputError {
  const shown = problems.slice(0, 3).map((p) => `${p.place} ${p.message}`)
  const more =
    problems.length > 3 ? ` (and ${problems.length - 3} more: run "zoom-scope-audit matrix validate ${file}")` : ''
  return new InputError(`${file}: ${prefix}${shown.join('; ')}${more}`, {code, file, place: problems[0]?.place})
}

export async function loadMatrixFile(file: string, shownAs = file, under: MatrixLayer[] = []): Promise<MatrixLayer> {
  const {layer, fatal} = await inspectMatrixFile(file, shownAs, under)
  if (layer) return layer
  throw fatal
}

/** Trusted data, parsed once per process and never re-validated. */
let builtin: Promise<MatrixLayer> | undefined
export function loadBuiltinMatrix(): Promise<MatrixLayer> {
  builtin ??= readFile(fileURLToPath(builtinUrl), 'utf8').then((text) => ({
    file: BUILTIN,
    matrix: JSON.parse(text) as MatrixFile,
  }))
  return builtin
}

/** Every error of the built-in matrix, as `matrix validate` would report them (for the tests). */
export function inspectBuiltinMatrix(): ReturnType<typeof inspectMatrixFile> {
  return inspectMatrixFile(fileURLToPath(builtinUrl), BUILTIN)
}

/** The built-in (unless dropped), then each --matrix file (or shipped layer name) in order. */
export async function loadMatrixLayers(options: {files?: string[]; builtin?: boolean}): Promise<MatrixLayer[]> {
  const layers: MatrixLayer[] = []
  if (options.builtin !== false) layers.push(await loadBuiltinMatrix())
  for (const file of options.files ?? []) layers.push(await loadMatrixFile(layerFile(file), file, layers))
  return layers
}
