// One sentence per finding that an admin can act on, in the web portal's words (labels), not API strings.
import {and, itOrThem, possessive} from '../words.js'

export interface MessageContext {
  app: string
  /** "Dana Scully" or the email. */
  owner: string
  role: string
  scope?: string
  /** Portal labels of the privileges concerned. */
  labels?: string[]
}

export const messages = {
  missingPrivilege: (c: MessageContext) =>
    `${c.app} loses ${c.scope}: give ${possessive(c.owner)} role "${c.role}" ${and(c.labels ?? [])}, or transfer ${c.app} to a user who has ${itOrThem(c.labels ?? [])}.`,
  groupRestricted: (c: MessageContext) =>
    `${c.app} loses ${c.scope}: ${possessive(c.owner)} role "${c.role}" grants ${and(c.labels ?? [])} only for some groups, and this admin scope needs ${itOrThem(c.labels ?? [])} for all users; grant ${itOrThem(c.labels ?? [])} account-wide or transfer the app.`,
  partialPrivilege: (c: MessageContext) =>
    `Some operations of ${c.scope} need ${and(c.labels ?? [])}, which ${possessive(c.owner)} role "${c.role}" lacks: give ${itOrThem(c.labels ?? [])} to the role if ${c.app} uses those operations.`,
  unmappedScope: (c: {app: string; scope: string; wellFormed: boolean; reason?: string}) =>
    c.wellFormed
      ? `No matrix rule covers ${c.scope}${c.reason ? ' (Zoom documents no role privileges for it)' : ''}, so ${c.app} cannot be checked for it: see "matrix explain ${c.scope}", or add a rule in your own matrix layer (--matrix).`
      : `"${c.scope}" on ${c.app} is not a well-formed scope and cannot be checked: correct it in the inventory.`,
  ownerUnknown: (c: {app: string; inInventory: boolean}) =>
    c.inInventory
      ? `The inventory names no owner for ${c.app}: fill in its owner (email or Zoom user id) so its scopes can be checked.`
      : `${c.app} is not in the inventory: add it with its owner (email or Zoom user id) so its scopes can be checked.`,
  ownerNotFound: (c: {app: string; ref: string}) =>
    `The inventory says ${c.ref} owns ${c.app}, but the account has no such user: correct the owner in the inventory (if the user was deleted, Zoom handed the app to the account owner).`,
  ownerRoleUnknown: (c: {app: string; owner: string; roleId: string}) =>
    `${possessive(c.owner)} role (id ${c.roleId}) is not among the account's roles, so ${c.app} cannot be checked: take a fresh snapshot, or check the auditor app can read roles.`,
  ownerInactive: (c: {app: string; owner: string; status: string}) =>
    `${c.owner}, who owns ${c.app}, is ${c.status === 'pending' ? 'pending (has not accepted the invitation)' : 'deactivated'}: transfer ${c.app} to an active user who holds its privileges.`,
  legacyJwtApp: (c: {app: string}) =>
    `${c.app} is a JWT app: Zoom ended JWT apps in September 2023; move the integration to a Server-to-Server OAuth app.`,
  appNotInSnapshot: (c: {app: string; id: string}) =>
    `The inventory lists ${c.app} (${c.id}), but the snapshot was taken without it in an inventory, and Zoom's app list shows only apps created in the account: this audit cannot see the app's scopes, a live audit would. Take the snapshot with --inventory.`,
  appNotFound: (c: {app: string; id: string; audited: boolean}) =>
    `The inventory lists ${c.app} (${c.id}), but Zoom's app list does not show it: check the app id (Server-to-Server apps are not always visible to the Marketplace API)${c.audited ? '; its scopes from the inventory were checked anyway' : ''}.`,
}
