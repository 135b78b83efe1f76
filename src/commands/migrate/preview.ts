import {Flags} from '@oclif/core'

import {accountFlags} from '../../cli/account-source.js'
import {loadAppUnderReview} from '../../cli/app-under-review.js'
import {BaseCommand, type Renderers} from '../../cli/base-command.js'
import {appFlag, colorFlag, inventoryFlag, liveNote, matrixFlags, scopesFlag} from '../../cli/flags.js'
import {exitCodes, zoomEnvironment} from '../../cli/help-sections.js'
import {matrixFromFlags} from '../../cli/matrix-from-flags.js'
import {ExitCode, InputError} from '../../errors.js'
import {splitScopeList} from '../../matrix/scope.js'
import {loadClassicToGranular} from '../../migrate/map.js'
import {previewMigration, type MigrationPreview} from '../../migrate/preview.js'
import {MIGRATE_FORMATS} from '../../report/migrate-formats.js'

const RENDERERS: Renderers<MigrationPreview> = MIGRATE_FORMATS

export default class MigratePreview extends BaseCommand {
  static summary =
    "Before migrating an app to granular scopes: the granular scopes Zoom would assign, and whether the app's owner could hold them."
  static description = `For each classic scope of the app, the granular scopes of the same level that Zoom's API documents list on the operations the classic scope allows, with the role privileges each requires (privilege matrix) and the operations it comes from; then the privileges the granular set needs, with their portal labels. Granular scopes that need a privilege none of the app's current scopes needs are candidates to remove or make optional before Production: only the operations listed need them.

With the app's owner (--inventory): the privileges the granular set needs that the owner's role lacks — Zoom would deactivate those granular scopes after the migration — and the privileges the classic scopes needed that no granular scope needs any more. --scopes alone (no --app) previews any set of scopes and reads no account.

Events are not covered: Zoom's API documents list no scopes for events (webhooks).

${liveNote}`
  static examples = [
    '<%= config.bin %> migrate preview --app aOpsBot012 --snapshot examples/snapshot.json --inventory examples/inventory.json',
    '<%= config.bin %> migrate preview --app aOpsBot012 --inventory apps.csv --format markdown',
    '<%= config.bin %> migrate preview --scopes meeting:read:admin user:read:admin --json',
  ]
  static environment = zoomEnvironment()
  static exitCodes = exitCodes({
    ok: 'The owner could hold every granular scope (or no owner was checked: --scopes alone, an owner the account does not know).',
    findings: 'The owner could not hold some granular scope: Zoom would deactivate it after the migration.',
    badInput:
      'Bad input or usage: an app the account and inventory do not know, a bad file or flag, neither --app nor --scopes.',
  })
  static flags = {
    app: appFlag(),
    scopes: scopesFlag,
    inventory: inventoryFlag,
    format: Flags.option({
      description: 'Output format.',
      options: ['table', 'markdown', 'json'] as const,
      default: 'table',
    })(),
    ...accountFlags,
    ...matrixFlags,
    ...colorFlag,
  }

  async run(): Promise<MigrationPreview> {
    const {flags} = await this.parse(MigratePreview)
    const map = loadClassicToGranular()
    let preview: MigrationPreview
    const appId = flags.app
    if (appId) {
      const {snapshot, matrix, app, entry} = await loadAppUnderReview(
        {...flags, app: appId},
        (e) => ({refs: e?.owner.trim() ? [e.owner.trim()] : []}),
        (text) => this.note(text),
      )
      preview = previewMigration({map, matrix, scopes: app.scopes, app, snapshot, ownerRef: entry?.owner})
    } else {
      const scopes = splitScopeList(flags.scopes)
      if (scopes.length === 0)
        throw new InputError('nothing to preview: neither --app nor --scopes is given.', {
          code: 'usage',
          actions: ['Give the app with --app APP_ID, or scopes with --scopes.'],
        })
      const unused = (['snapshot', 'inventory'] as const).filter((name) => flags[name] !== undefined)
      if (unused.length > 0) {
        throw new InputError(`--${unused[0]} needs --app: --scopes alone previews the scopes without an account.`, {
          code: 'usage',
          place: `--${unused[0]}`,
        })
      }
      preview = previewMigration({map, matrix: await matrixFromFlags(flags), scopes})
    }
    await this.present(preview, RENDERERS, {format: flags.format, color: flags.color})
    if ((preview.wouldDeactivate ?? []).length > 0) process.exitCode = ExitCode.findings
    return preview
  }
}
