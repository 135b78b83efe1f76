// Every change the generator makes to Zoom's strings. Anything not listed here is used exactly as Zoom wrote it;
// a privilege that is still not of the form `Resource:Read|Edit` after these fixes stops the generator.

/** Misspelt privilege strings in Zoom's documents → the spelling Zoom uses everywhere else. */
export const PRIVILEGE_RENAMES: ReadonlyArray<{from: string; to: string; why: string}> = [
  {
    from: 'MoileDeviceManagement:Read',
    to: 'MobileDeviceManagement:Read',
    why: 'typo in the Meetings document (GET /devices/groups, GET /devices/zpa/settings, GET /devices/zpa/zdm_groups/{zdmGroupId}/versions); MobileDeviceManagement:Read/Edit elsewhere',
  },
  {
    from: 'Marketplace:Edit',
    to: 'MarketPlace:Edit',
    why: 'lower-case p in the Marketplace document (/marketplace/monetization/entitlements); every other operation, the privileges reference and the permissions API use MarketPlace:*',
  },
]

/** Values found in x-permissions that are not privileges at all: dropped. */
export const PRIVILEGE_DROPS: ReadonlyArray<{value: string; why: string}> = [
  {
    value: 'scheduler',
    why: 'junk value in the Scheduler document (one operation); not a Resource:Read|Edit privilege, so that operation counts as undocumented',
  },
]

/** Whitespace: list items (scopes and privileges) are trimmed; e.g. Zoom's " division:read:admin" on /divisions*. */
export const WHITESPACE_RULE =
  'list items (scopes and privileges) are trimmed of surrounding whitespace (e.g. " division:read:admin" on the Users document\'s /divisions* operations)'

/** Human-readable list of every normalisation, for the data README and the generator's log. */
export const NORMALISATIONS: readonly string[] = [
  `whitespace: ${WHITESPACE_RULE}`,
  ...PRIVILEGE_RENAMES.map((r) => `rename ${r.from} → ${r.to}: ${r.why}`),
  ...PRIVILEGE_DROPS.map((d) => `drop "${d.value}": ${d.why}`),
  'scopes are otherwise kept as written, typos included (e.g. division:wirte:admin is a real scope string Zoom issues); a scope that is not lowercase [a-z0-9_] segments joined by ":" after trimming stops the generator (there is none today; the matrix loader rejects such keys even in `unmapped`, so add an explicit fix here if Zoom ever ships one)',
]

// Same form as src/matrix/privilege-name.ts (the matrix validator).
const PRIVILEGE = /^[A-Z][A-Za-z0-9]*:(Read|Edit)$/

export function isPrivilege(value: string): boolean {
  return PRIVILEGE.test(value)
}

export interface NormalizedPrivilege {
  /** The privilege to use, or null when the value is dropped. */
  value: string | null
  /** Set when the raw value was changed or dropped: what happened, for notes. */
  change?: string
}

/** One raw x-permissions item → the privilege to use. Throws on anything unknown that is not a privilege. */
export function normalizePrivilege(raw: string): NormalizedPrivilege {
  const trimmed = raw.trim()
  const rename = PRIVILEGE_RENAMES.find((r) => r.from === trimmed)
  if (rename) return {value: rename.to, change: `Zoom's data spells ${rename.from} (normalised to ${rename.to})`}
  const drop = PRIVILEGE_DROPS.find((d) => d.value === trimmed)
  if (drop) return {value: null, change: `Zoom's junk x-permissions value "${drop.value}" dropped`}
  if (!isPrivilege(trimmed)) {
    throw new Error(
      `x-permissions value ${JSON.stringify(raw)} is not Resource:Read|Edit; add it to scripts/matrix/normalize.ts`,
    )
  }
  return {value: trimmed}
}

/** For strings from other sources (privilege labels): the canonical privilege, or null when not a privilege. */
export function canonicalPrivilege(raw: string): string | null {
  const trimmed = raw.trim()
  const rename = PRIVILEGE_RENAMES.find((r) => r.from === trimmed)
  if (rename) return rename.to
  return isPrivilege(trimmed) ? trimmed : null
}
