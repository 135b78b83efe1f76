// Run by `npm run build`, after tsc and the validators: bundles what a run loads, so a command starts by reading a
// handful of files instead of some 300 modules (oclif alone is ~170 CommonJS files; resolving, reading and compiling
// them one by one was most of a command's start-up).
//
// Each command (dist/commands/**), the help class and the command_not_found hook is rebuilt in place as an esbuild
// entry point, so package.json's oclif config, the manifest and dev mode (src/ via tsx) stay as they are. Code that
// several of them use — @oclif/core above all — goes to shared chunks in dist/chunks/, which bin/run.js's
// dist/chunks/oclif.js also imports: one oclif for the whole run. A command loads only its own code: modules reached
// through `import()` (the live Zoom client, CSV parsing, the xlsx writer) are chunks of their own, loaded when used.
// Dependencies other than oclif stay external (loaded from node_modules when a module imports them).
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath, URL} from 'node:url'

import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const pjson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const posix = (path) => path.split(sep).join('/')

function jsFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = join(dir, entry.name)
    if (entry.isDirectory()) return jsFiles(file)
    return entry.name.endsWith('.js') ? [file] : []
  })
}

// The entry points are tsc's output, rewritten in place: bundling twice would bundle bundles.
if (existsSync(join(dist, 'chunks'))) throw new Error('bundle: dist/ is already bundled (npm run build starts afresh)')

const OCLIF = 'zsa-bundle:oclif'
const entryPoints = [
  ...jsFiles(join(dist, 'commands')),
  join(dist, 'cli', 'help.js'),
  join(dist, 'cli', 'command-not-found.js'),
].map((file) => ({in: file, out: posix(relative(dist, file)).replace(/\.js$/, '')}))
entryPoints.push({in: OCLIF, out: 'chunks/oclif'})

/**
 * Our modules find their data (data/*.json, schemas/, dist/input/validators.js) relative to their own
 * import.meta.url; bundled, that would be the URL of whichever file esbuild put them in. Each keeps the URL it has
 * unbundled: `import.meta.url` becomes "that path, from the package root", and after the build each output file's
 * placeholder becomes the way from that file up to the package root.
 */
const ROOT = '__ZSA_PACKAGE_ROOT__/'

/** What oclif requires at start-up but a run of ours uses seldom or never: loaded on first use instead. */
const LAZY = {
  tinyglobby: 'finds command files by pattern, when a plugin has no manifest (ours and the plugins have one)',
  'node:child_process': 'runs PowerShell to name the shell, on Windows only',
  'node:readline': 'reads a flag value from stdin (a flag given as "-")',
  'node:perf_hooks': 'times oclif when its performance tracking is on',
}
const oclifCore = `${sep}node_modules${sep}@oclif${sep}core${sep}`
/**
 * oclif checks, on every start, the Node version against oclif's own engines (>=18), with semver (~40 modules). Ours
 * (package.json engines) is stricter: a Node that could fail oclif's check cannot run this CLI anyway.
 */
const NODE_VERSION_CHECK = /^checkNodeVersion\(\);$/m

const plugin = {
  name: 'zsa-bundle',
  setup(b) {
    b.onResolve({filter: /^[a-z:_]+$/}, (args) =>
      Object.hasOwn(LAZY, args.path) && args.namespace === 'file' && args.importer.includes(oclifCore)
        ? {path: args.path, namespace: 'zsa-lazy'}
        : undefined,
    )
    b.onLoad({filter: /.*/, namespace: 'zsa-lazy'}, (args) => ({
      contents: `let m; module.exports = new Proxy({}, {get: (_, key) => (m ??= require('${args.path}'))[key]})`,
      resolveDir: root,
      loader: 'js',
    }))
    b.onLoad({filter: /index\.js$/}, (args) => {
      if (args.path !== join(root, 'node_modules', '@oclif', 'core', 'lib', 'index.js')) return undefined
      const text = readFileSync(args.path, 'utf8')
      if (!NODE_VERSION_CHECK.test(text)) throw new Error('bundle: @oclif/core no longer calls checkNodeVersion()')
      return {contents: text.replace(NODE_VERSION_CHECK, ''), loader: 'js'}
    })
    b.onResolve({filter: /^zsa-bundle:oclif$/}, () => ({path: OCLIF, namespace: 'zsa-bundle'}))
    b.onLoad({filter: /.*/, namespace: 'zsa-bundle'}, () => ({
      contents: `export {execute} from '@oclif/core'`,
      resolveDir: root,
      loader: 'js',
    }))
    b.onLoad({filter: /\.js$/}, (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const own = `${ROOT}${posix(relative(root, args.path))}`
      return {contents: text.replaceAll('import.meta.url', `new URL('${own}', import.meta.url).href`), loader: 'js'}
    })
  },
}

const result = await build({
  entryPoints,
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: dist,
  chunkNames: 'chunks/[hash]',
  allowOverwrite: true,
  // Only @oclif/core (and what it requires) goes in. oclif requires typescript, ts-node, tsx and
  // source-map-support only in development mode (bin/dev.js).
  external: [
    ...Object.keys(pjson.dependencies).filter((name) => name !== '@oclif/core'),
    'typescript',
    'ts-node',
    'tsx',
    'source-map-support',
  ],
  // oclif is CommonJS: give its require(), __dirname and __filename meaning inside an ES module.
  banner: {
    js: [
      `import {createRequire as __bundleRequire} from 'node:module'`,
      `import {fileURLToPath as __bundlePath} from 'node:url'`,
      `const require = __bundleRequire(import.meta.url)`,
      `const __filename = __bundlePath(import.meta.url)`,
      `const __dirname = __bundlePath(new URL('.', import.meta.url))`,
    ].join('\n'),
  },
  plugins: [plugin],
  // Identifiers are kept (stack traces and --debug output stay readable); whitespace and syntax are minified: a
  // smaller file is faster to read and to parse.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})

for (const file of Object.keys(result.metafile.outputs)) {
  const path = join(root, file)
  const text = readFileSync(path, 'utf8')
  if (!text.includes(ROOT)) continue
  const up = posix(relative(dirname(path), root)) || '.'
  writeFileSync(path, text.replaceAll(ROOT, `${up}/`))
}

// Guard: the heavy dependencies must stay out of what a command loads before it runs (its static imports).
const heavy = ['got', 'ajv', 'exceljs', 'csv-parse', 'hpagent', 'playwright-core', 'typescript']
let checked = 0
const declared = new Set(entryPoints.map((e) => (e.in === OCLIF ? `zsa-bundle:${OCLIF}` : posix(relative(root, e.in)))))
for (const [name, output] of Object.entries(result.metafile.outputs)) {
  if (!declared.has(output.entryPoint)) continue
  const seen = new Set()
  const walk = (out) => {
    for (const i of out.imports) {
      if (i.kind !== 'import-statement' || seen.has(i.path)) continue
      seen.add(i.path)
      if (result.metafile.outputs[i.path]) walk(result.metafile.outputs[i.path])
    }
  }
  walk(output)
  const loaded = [...seen].filter((p) => heavy.some((h) => p === h || p.startsWith(`${h}/`)))
  checked++
  if (loaded.length > 0) throw new Error(`bundle: ${name} loads ${loaded.join(', ')} at start-up`)
}
if (checked !== entryPoints.length) throw new Error(`bundle: checked ${checked} of ${entryPoints.length} entry points`)
