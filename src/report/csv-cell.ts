// Free text in a CSV cell (app and role names, messages) comes from whoever built the app or wrote the file.
// A cell that a spreadsheet would read as a formula gets a leading apostrophe, OWASP's CSV-injection advice:
// one that starts with = + - @ (after any leading spaces or line breaks, which spreadsheets skip), or with a tab or a
// carriage return. Ids, owners and scopes are never passed through this: they must round-trip unchanged.
export function spreadsheetSafe(cell: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/.test(cell) ? `'${cell}` : cell
}
