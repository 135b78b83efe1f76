// The classic → granular scope map shipped in data/classic-to-granular.json (generated from Zoom's operation data by
// scripts/generate-classic-to-granular.ts). It is part of the tool, not user input: a broken file is a bug.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {normalizeScope} from '../matrix/scope.js'
import type {ClassicToGranularFile} from './types.js'

const mapUrl = new URL('../../data/classic-to-granular.json', import.meta.url)

export interface GranularEquivalent {
  scope: string
  /** The operations listing both the classic scope and this granular one ("GET /users/{userId}"). */
  operations: string[]
}

export interface ClassicToGranular {
  version: string
  /** What the map does not cover (events). */
  events: string
  /** Zoom lists the scope as a classic scope on some operation. */
  isClassic(scope: string): boolean
  /** Zoom lists the scope as a granular scope on some operation. */
  isGranular(scope: string): boolean
  /** The granular scopes Zoom would assign for a classic scope, sorted; null when it is not a known classic scope. */
  granularFor(scope: string): GranularEquivalent[] | null
  /** How many operations list the classic scope (0 when unknown). */
  operationCount(scope: string): number
}

export function createClassicToGranular(file: ClassicToGranularFile): ClassicToGranular {
  const lookup = (raw: string) => {
    const scope = normalizeScope(raw)
    return Object.hasOwn(file.classic, scope) ? file.classic[scope] : undefined
  }
  const granular = new Set(file.granularScopes)
  return {
    version: file.version,
    events: file.events,
    isClassic: (scope) => lookup(scope) !== undefined,
    isGranular: (scope) => granular.has(normalizeScope(scope)),
    granularFor(scope) {
      const entry = lookup(scope)
      if (!entry) return null
      return Object.entries(entry.granular).map(([granular, operations]) => ({
        scope: granular,
        operations: [...operations],
      }))
    },
    operationCount: (scope) => lookup(scope)?.operations ?? 0,
  }
}

let loaded: ClassicToGranular | undefined

export function loadClassicToGranular(): ClassicToGranular {
  loaded ??= createClassicToGranular(JSON.parse(readFileSync(fileURLToPath(mapUrl), 'utf8')) as ClassicToGranularFile)
  return loaded
}
