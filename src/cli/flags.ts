// Flag groups that several commands share, so each means the same everywhere.
import {Flags} from '@oclif/core'

import {DEFAULT_PLAN, ZOOM_PLANS} from '../zoom/rate-plans.js'
import {DEFAULT_MAX_BODY_BYTES} from '../zoom/body.js'
import {DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RETRIES} from '../zoom/client-defaults.js'
import {DEFAULT_API_URL, DEFAULT_OAUTH_URL} from '../zoom/config.js'

/** Where Zoom is, and how long and how much the client reads of it. */
export const zoomFlags = {
  'api-url': Flags.string({
    description: `Zoom API base URL (overrides ZOOM_API_URL; default ${DEFAULT_API_URL}, or the regional api_url Zoom returns with the token)`,
    helpValue: '<url>',
  }),
  'oauth-url': Flags.string({
    description: `Zoom OAuth token URL (overrides ZOOM_OAUTH_URL; default ${DEFAULT_OAUTH_URL})`,
    helpValue: '<url>',
  }),
  timeout: Flags.integer({
    description: `Seconds each request to Zoom may take, its answer included, before it counts as failed; a request that keeps timing out is tried ${DEFAULT_RETRIES + 1} times in all.`,
    min: 1,
    max: 600,
    default: DEFAULT_REQUEST_TIMEOUT_MS / 1000,
    env: 'ZOOM_TIMEOUT',
    helpValue: 'SECONDS',
  }),
  'max-body-mb': Flags.integer({
    description: 'Largest answer read from Zoom, in MB after decompression; a larger one stops the run (exit 3).',
    min: 1,
    max: 4096,
    default: DEFAULT_MAX_BODY_BYTES / 1024 / 1024,
    env: 'ZOOM_MAX_BODY_MB',
    helpValue: 'MB',
  }),
}

export const matrixFlags = {
  matrix: Flags.string({
    description:
      'A privilege-matrix file layered over the built-in one (repeatable; later files win between equals). "inferred" names the opt-in layer shipped with the tool (Zoom Phone, roles, IM groups, information barriers).',
    multiple: true,
    helpValue: 'FILE',
  }),
  'builtin-matrix': Flags.boolean({
    description: 'Use the built-in matrix (its rules, privilege labels and implies). --no-builtin-matrix drops it.',
    allowNo: true,
    default: true,
  }),
}

export const colorFlag = {
  color: Flags.boolean({
    description: 'Colour the table (only on a terminal; NO_COLOR also turns it off).',
    allowNo: true,
    default: true,
  }),
}

// Shared by the transfer and roles commands.
export const appFlag = Flags.custom<string>({
  description: 'The app\'s id (Zoom Marketplace App ID; "audit --json" lists them).',
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
  description:
    "The inventory (JSON or CSV): the app's current owner, its mustKeep scopes, and scopes of apps the account does not show.",
  helpValue: 'FILE',
})

export const liveNote = `Reads the account live from Zoom (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET; only GET requests) or from a snapshot file with --snapshot FILE.`

/** The Zoom plan whose rate limits apply; Zoom's paid tiers above Pro share the business limits. */
export const planFlag = Flags.option({
  description:
    "The Zoom account's plan, which sets Zoom's rate limits per second (business = Business, Business Plus, Education, Enterprise, Partners).",
  options: ZOOM_PLANS,
  default: DEFAULT_PLAN,
})

/** Zoom plan names people type for --plan, which Zoom's rate limits put under "business". */
const BUSINESS_PLAN_NAMES = /^(business[\s_-]*plus|education|enterprise|partners?)$/i

/** What to write instead, when a fixed-value flag got a value it does not take (shown after oclif's refusal). */
export function optionHint(flag: string, value: string): string | undefined {
  if (flag === 'plan' && BUSINESS_PLAN_NAMES.test(value.trim()))
    return 'use business (Business, Business Plus, Education, Enterprise)'
  return undefined
}
