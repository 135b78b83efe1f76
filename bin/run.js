#!/usr/bin/env node
// `--version` alone is answered without loading oclif (a fifth of a second of start-up), exactly as oclif prints it.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {readFileSync} = await import('node:fs')
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif as bundled by the build (scripts/bundle.mjs): the same copy the bundled commands use.
  const {execute} = await import('../dist/chunks/oclif.js')
  await execute({dir: import.meta.url})
}
