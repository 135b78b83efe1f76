// The example account shipped in examples/ (a snapshot and its inventory): the offline input most CLI tests, the README
// samples and the docs screenshot audit. One place, so they all mean the same account.
export const EXAMPLE_SNAPSHOT = 'examples/snapshot.json'
export const EXAMPLE_INVENTORY = 'examples/inventory.json'

/** `--snapshot examples/snapshot.json --inventory examples/inventory.json`, for audit, transfer and roles commands. */
export const EXAMPLE_ACCOUNT = ['--snapshot', EXAMPLE_SNAPSHOT, '--inventory', EXAMPLE_INVENTORY] as const

/** The example audit's HTML report at `file`, made by the built CLI (exit 1: the example has findings). */
export const exampleHtmlReportArgs = (file: string) => [
  'audit',
  ...EXAMPLE_ACCOUNT,
  '--format',
  'html',
  '--output',
  file,
]
