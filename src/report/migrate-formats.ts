// `migrate preview` formats by name, each a pure (preview, options) => string.
import type {MigrationPreview} from '../migrate/preview.js'
import {renderMigrationMarkdown} from './migrate-markdown.js'
import {renderMigrationTable, type MigrateTextOptions} from './migrate-text.js'

export const MIGRATE_FORMATS = {
  table: (preview: MigrationPreview, options: MigrateTextOptions) => renderMigrationTable(preview, options),
  markdown: (preview: MigrationPreview) => renderMigrationMarkdown(preview),
  json: (preview: MigrationPreview) => `${JSON.stringify(preview, null, 2)}\n`,
} satisfies Record<string, (preview: MigrationPreview, options: MigrateTextOptions) => string>

export type MigrateFormat = keyof typeof MIGRATE_FORMATS
