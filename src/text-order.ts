// Code-unit order, not locale order: reports, snapshots and matrices sort the same on every machine.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText)
}
