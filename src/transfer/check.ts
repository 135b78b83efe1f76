// `transfer check`: what each named candidate (and, with an inventory, the current owner) would keep and lose if
// the app were theirs. Pure: snapshot + matrix + app → result. Scope decisions come from ownership/eligibility.ts.
import {accountUser, displayName, indexAccount, type AccountUser} from '../ownership/account-index.js'
import type {Matrix} from '../matrix/matrix.js'
import {
  roleCoverage,
  scopeNeeds,
  scopeOutcomes,
  type LostScope,
  type ScopeNeeds,
  type ScopeOutcomes,
} from '../ownership/coverage.js'
import {sortedUnique} from '../text-order.js'
import type {Snapshot} from '../snapshot/types.js'
import {and, plural, possessive} from '../words.js'
import type {AppTarget} from '../ownership/app-target.js'

export type {LostScope}

export type IneligibleCode =
  'not-found' | 'pending' | 'inactive' | 'role-unknown' | 'group-limited' | 'missing-privileges' | 'unmapped-strict'

/** What the user would keep and lose (ScopeOutcomes), and whether they can take the app over. */
export interface CandidateOutcome extends ScopeOutcomes {
  /** The user as named (--to, or the inventory's owner). */
  ref: string
  user: AccountUser
  /** Active, and keeps every mapped scope (with --strict: and no scope is unmapped). */
  eligible: boolean
  reasonCode: IneligibleCode | null
  /** A plain sentence when not eligible. */
  reason: string | null
}

export interface TransferCheckResult {
  app: AppTarget
  /** The inventory's owner of the app, checked the same way; null without an inventory or when it names none. */
  currentOwner: CandidateOutcome | null
  candidates: CandidateOutcome[]
  strict: boolean
  /** Every named candidate is eligible (the command exits 1 otherwise). */
  allEligible: boolean
}

export interface TransferCheckInput {
  snapshot: Snapshot
  matrix: Matrix
  app: AppTarget
  /** --to values, in the order given (the same user named twice is checked once). */
  candidates: string[]
  /** The inventory's owner reference for the app, if any. */
  ownerRef?: string | null
  strict?: boolean
}

export function checkTransfer(input: TransferCheckInput): TransferCheckResult {
  const account = indexAccount(input.snapshot)
  const needs = scopeNeeds(input.matrix, input.app.scopes)
  const strict = input.strict ?? false
  const evaluate = (ref: string) => evaluateCandidate(ref, account, input.matrix, needs, strict)
  const refs = [...new Set(input.candidates.map((r) => r.trim()).filter((r) => r.length > 0))]
  // The same user named twice (by id and by email, or in two cases) is checked once, under the first name.
  const seen = new Set<string>()
  const candidates = refs.map(evaluate).filter((c) => {
    const key = c.user.email?.toLowerCase() ?? `ref:${c.ref}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const ownerRef = input.ownerRef?.trim()
  return {
    app: input.app,
    currentOwner: ownerRef ? evaluate(ownerRef) : null,
    candidates,
    strict,
    allEligible: candidates.every((c) => c.eligible),
  }
}

function evaluateCandidate(
  ref: string,
  account: ReturnType<typeof indexAccount>,
  matrix: Matrix,
  needs: ScopeNeeds,
  strict: boolean,
): CandidateOutcome {
  const found = account.findUser(ref)
  const role = found ? account.role(found.roleId) : undefined
  const outcome: CandidateOutcome = {
    ref,
    user: accountUser(found, role?.name ?? null),
    eligible: false,
    reasonCode: null,
    reason: null,
    keptScopes: [],
    partialScopes: [],
    deactivatedScopes: [],
    unmappedScopes: [...needs.unmapped],
    labels: {},
  }
  if (!found) return ineligible(outcome, 'not-found', `No user "${ref}" in the account (by email or Zoom user id).`)
  const who = displayName(found)

  if (role) Object.assign(outcome, scopeOutcomes(matrix, roleCoverage(matrix, role, needs)))

  if (found.status === 'pending') {
    return ineligible(
      outcome,
      'pending',
      `${who} is pending (has not accepted the invitation to the account): only an active user can own the app.`,
    )
  }
  if (found.status === 'inactive')
    return ineligible(outcome, 'inactive', `${who} is inactive (deactivated): only an active user can own the app.`)
  if (!role) {
    return ineligible(
      outcome,
      'role-unknown',
      `${possessive(who)} role (id ${found.roleId || 'none'}) is not among the account's roles: cannot tell which scopes they would keep.`,
    )
  }
  if (outcome.deactivatedScopes.length > 0) {
    const lost = outcome.deactivatedScopes
    const missing = sortedUnique(lost.flatMap((s) => s.missingPrivileges))
    const limited = missing.filter((p) => lost.some((s) => p in s.groupLimited))
    const names = (ps: string[]) => and(ps.map((p) => matrix.label(p)))
    const scopes = `${plural(lost.length, 'scope')} (${lost.map((s) => s.scope).join(', ')})`
    if (limited.length === missing.length) {
      return ineligible(
        outcome,
        'group-limited',
        `${possessive(who)} role ${role.name} holds ${names(limited)} only for some groups; the app's admin-level scopes need ${limited.length === 1 ? 'it' : 'them'} account-wide: Zoom would deactivate ${scopes}.`,
      )
    }
    const plain = missing.filter((p) => !limited.includes(p))
    const also = limited.length > 0 ? ` (and holds ${names(limited)} only for some groups)` : ''
    return ineligible(
      outcome,
      'missing-privileges',
      `${possessive(who)} role ${role.name} lacks ${names(plain)}${also}: Zoom would deactivate ${scopes}.`,
    )
  }
  if (strict && outcome.unmappedScopes.length > 0) {
    const n = outcome.unmappedScopes.length
    return ineligible(
      outcome,
      'unmapped-strict',
      `--strict: ${plural(n, 'scope')} cannot be checked (no matrix rule: ${outcome.unmappedScopes.join(', ')}).`,
    )
  }
  outcome.eligible = true
  return outcome
}

function ineligible(outcome: CandidateOutcome, code: IneligibleCode, reason: string): CandidateOutcome {
  return {...outcome, eligible: false, reasonCode: code, reason}
}
