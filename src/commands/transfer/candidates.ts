import {Flags, type Interfaces} from '@oclif/core'

import {accountFlags} from '../../cli/account-source.js'
import {loadAppUnderReview} from '../../cli/app-under-review.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {appFlag, colorFlag, inventoryFlag, liveNote, matrixFlags, scopesFlag} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {renderCandidates} from '../../report/transfer-text.js'
import {findCandidates, type CandidatesResult} from '../../transfer/candidates.js'

const RENDERERS: Renderers<CandidatesResult> = {text: renderCandidates}

const TABLE_LIMIT = 20

export default class TransferCandidates extends BaseCommand {
  static summary = 'List the active users who could own an app without losing a scope, least privilege first.'
  static description = `A user qualifies when they are active and their role holds, account-wide, every privilege the app's mapped scopes need (a privilege limited to some groups does not cover an admin-level scope). Ordered by excess privileges — how many of the role's privileges none of the app's scopes needs — then by email, so you do not hand an HR integration to a super-admin. Scopes no matrix rule maps are listed and held against nobody.

When nobody qualifies, it says which required privileges no active user's role combines and which roles come closest.

Live, it reads the one app, the roles, and then only the active members of the roles that qualify (each role's list as soon as its privileges are in, the roles at once), or the list of every active user when that is quicker — never one call per user. The table shows the first ${TABLE_LIMIT} unless --limit says otherwise; --json lists everyone unless --limit says otherwise.

${liveNote}`
  static examples = [
    '<%= config.bin %> transfer candidates --app aRecArch01 --snapshot examples/snapshot.json',
    '<%= config.bin %> transfer candidates --app aLegacyS2S --scopes meeting:read:admin,recording:read:admin --limit 5',
    '<%= config.bin %> transfer candidates --app aRecArch01 --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'Listed the candidates, also when nobody qualifies (a list, not a gate: it never exits 1).',
    badInput: 'Bad input or usage: an app the account and inventory do not know, a bad file or flag.',
  })
  static flags = {
    app: appFlag({required: true}),
    limit: Flags.integer({
      description: `Show at most N candidates (default ${TABLE_LIMIT} in the table, all with --json; 0 = all).`,
      min: 0,
      helpValue: 'N',
    }),
    scopes: scopesFlag,
    inventory: inventoryFlag,
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<CandidatesResult> {
    const {flags} = await this.parse(TransferCandidates)
    const result = await this.rank(flags)
    // --json lists every candidate (100 000 in a large account): written now, at the pace stdout takes it.
    if (this.jsonEnabled()) await this.writeJson(result)
    else await this.present(result, RENDERERS, {color: flags.color})
    return result
  }

  /** Its own frame, so that the account (every active user read) can be freed before the result is written. */
  private async rank(flags: Interfaces.InferredFlags<typeof TransferCandidates.flags>): Promise<CandidatesResult> {
    const {snapshot, matrix, app, entry, activeCounts} = await loadAppUnderReview(
      flags,
      () => 'qualifying',
      (text) => this.note(text),
    )
    const limit = flags.limit ?? (this.jsonEnabled() ? 0 : TABLE_LIMIT)
    return findCandidates({snapshot, matrix, app, limit, ownerRef: entry?.owner || null, activeCounts})
  }
}
