// The flags `transfer` and `roles` commands share, so each means the same everywhere. (The only file of
// src/transfer that knows of oclif; the rest is pure.)
import {Flags} from '@oclif/core'

export const appFlag = Flags.custom<string>({
  description: "The app's id (Zoom Marketplace App ID; \"audit --json\" lists them).",
  helpValue: 'APP_ID',
  parse: async (input) => input.trim(),
})

export const scopesFlag = Flags.string({
  description:
    "The app's scopes, for an app the account does not show (the Marketplace API lists only apps created in the account); space- or comma-separated, repeatable. The account's own scopes win when it shows the app.",
  multiple: true,
  helpValue: 'SCOPE',
})

export const inventoryFlag = Flags.string({
  description: "The inventory (JSON or CSV): the app's current owner, its mustKeep scopes, and scopes of apps the account does not show.",
  helpValue: 'FILE',
})

export const liveNote = `Reads the account live from Zoom (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET; only GET requests) or from a snapshot file with --snapshot FILE.`
