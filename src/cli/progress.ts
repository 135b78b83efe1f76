// A one-line progress indicator on stderr for live fetches that take more than a second:
//   Fetching from Zoom… users 1,200/4,000 · apps 12/40 · roles 7/7 · 3 s
// Drawn with \r on a terminal only (never with --json, never in CI, never when stderr is a file or a pipe), redrawn
// a few times a second at most, and erased when the fetch ends, so it never ends up in logs or captured output.
import type {ProgressEvent} from '../snapshot/types.js'

/** Whether to show progress: stderr is a terminal, no --json, not in CI (CI set to anything but '' / 0 / false). */
export function shouldShowProgress(input: {
  isTTY: boolean | undefined
  json: boolean | undefined
  env: NodeJS.ProcessEnv
}): boolean {
  const ci = input.env.CI?.trim().toLowerCase()
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false'
  return input.isTTY === true && input.json !== true && !inCi
}

export interface ProgressStream {
  write(text: string): unknown
  /** Terminal width, when known (lines are cut to fit: a wrapped line cannot be redrawn with \r). */
  columns?: number
}

export interface ProgressOptions {
  /** Nothing is drawn before this many ms; default 1000. */
  delayMs?: number
  /** Redraw period; default 250 ms. */
  intervalMs?: number
  now?: () => number
  /** Timer seam for tests; default setInterval (unref'd) / clearInterval. */
  every?: (ms: number, tick: () => void) => () => void
}

export interface Progress {
  /** Feed fetchSnapshot's `onProgress` events here. */
  update(event: ProgressEvent): void
  /** Stop and erase the line (if one was drawn). Safe to call more than once. */
  done(): void
}

const PHASES: ReadonlyArray<ProgressEvent['phase']> = ['users', 'apps', 'roles']

/** A renderer writing to `stream` (typically process.stderr); use `disabledProgress` when shouldShowProgress is false. */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now
  const delayMs = options.delayMs ?? 1000
  const every =
    options.every ??
    ((ms, tick) => {
      const timer = setInterval(tick, ms)
      timer.unref()
      return () => clearInterval(timer)
    })
  const started = now()
  const state = new Map<ProgressEvent['phase'], {fetched: number; total?: number}>()
  let drawn = false
  let last = ''
  let stopped = false

  const draw = () => {
    const elapsed = now() - started
    if (stopped || elapsed < delayMs) return
    const line = fit(renderProgressLine(state, elapsed), stream.columns)
    if (drawn && line === last) return
    // \r back to the start, then the line, then erase whatever a longer previous line left behind.
    stream.write(`\r${line}\u001B[K`)
    drawn = true
    last = line
  }
  const stop = every(options.intervalMs ?? 250, draw)

  return {
    update(event) {
      state.set(event.phase, {fetched: event.fetched, ...(event.total === undefined ? {} : {total: event.total})})
    },
    done() {
      if (stopped) return
      stopped = true
      stop()
      if (drawn) stream.write('\r\u001B[K')
    },
  }
}

export const disabledProgress: Progress = {update() {}, done() {}}

/** `Fetching from Zoom… users 1,200/4,000 · apps 12/40 · 3 s` (phases without news are left out). */
export function renderProgressLine(
  state: ReadonlyMap<ProgressEvent['phase'], {fetched: number; total?: number}>,
  elapsedMs: number,
): string {
  const parts = PHASES.flatMap((phase) => {
    const seen = state.get(phase)
    if (!seen) return []
    return [`${phase} ${count(seen.fetched)}${seen.total === undefined ? '' : `/${count(seen.total)}`}`]
  })
  return [
    'Fetching from Zoom…',
    ...(parts.length > 0 ? [parts.join(' · ')] : []),
    `· ${Math.floor(elapsedMs / 1000)} s`,
  ].join(' ')
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function fit(line: string, columns: number | undefined): string {
  if (!columns || columns < 2 || line.length < columns) return line
  return `${line.slice(0, columns - 2)}…`
}
