// Temp files the tool is writing, removed if the run is interrupted.
import {unlinkSync} from 'node:fs'

/**
 * Temp files being written. While there are any, SIGINT and SIGTERM remove them and then end the process with the
 * same signal, so the shell still sees the conventional status (130, 143).
 */
export const tempFiles = (() => {
  const pending = new Set<string>()
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const file of pending) {
      try {
        unlinkSync(file)
      } catch {
        // Not created yet, or already renamed into place.
      }
    }
    pending.clear()
    for (const s of signals) process.off(s, onSignal)
    process.kill(process.pid, signal)
  }
  return {
    track(file: string): void {
      if (pending.size === 0) for (const s of signals) process.on(s, onSignal)
      pending.add(file)
    },
    untrack(file: string): void {
      pending.delete(file)
      if (pending.size === 0) for (const s of signals) process.off(s, onSignal)
    },
  }
})()
