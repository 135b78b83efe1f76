// The apps × privileges grid shared by the HTML report and the workbook: one row per app with a finding, one column
// per privilege any of those apps needs, each cell what the owner's role does with that privilege.
import type {AuditReport, Finding, ReportApp} from '../audit/types.js'
import {compareText} from '../text-order.js'

/**
 * holds: the owner's role has it; lacks: it does not (Zoom removes the scope); groups: only for some user groups, and
 * an admin scope needs it account-wide; partial: missing, but only some of the scope's calls need it; unchecked: the
 * owner or their role is unknown, so nothing could be checked; none: the app does not need it.
 */
export type GridCellState = 'lacks' | 'groups' | 'partial' | 'holds' | 'unchecked' | 'none'

/** Worst first: when scopes disagree about one privilege the cell shows the worst. */
const STATE_ORDER: GridCellState[] = ['lacks', 'groups', 'partial', 'holds', 'unchecked', 'none']

export const GRID_CELL_TEXT: Record<GridCellState, {symbol: string; word: string; meaning: string}> = {
  lacks: {symbol: '✗', word: 'lacks', meaning: 'the owner’s role lacks it: Zoom removes the scope'},
  groups: {
    symbol: '◐',
    word: 'some groups',
    meaning: 'the role grants it only for some groups; an admin scope needs it account-wide',
  },
  partial: {symbol: '△', word: 'lacks (some calls)', meaning: 'lacking; the scope stays but some of its calls fail'},
  holds: {symbol: '✓', word: 'holds', meaning: 'the owner’s role holds it'},
  unchecked: {symbol: '?', word: 'not checked', meaning: 'the owner or their role is unknown'},
  none: {symbol: '–', word: 'not needed', meaning: 'the app does not need it'},
}

export interface PrivilegeColumn {
  privilege: string
  label: string
}

export interface GridRow {
  app: ReportApp
  cells: GridCellState[]
}

export interface PrivilegeGrid {
  columns: PrivilegeColumn[]
  rows: GridRow[]
}

/**
 * The report carries portal labels only for privileges named in findings; `label` (the matrix's, passed by the
 * command) names the privileges an owner holds too. Without it a privilege is shown by its API name.
 */
export function privilegeLabeller(
  report: AuditReport,
  label?: (privilege: string) => string,
): (privilege: string) => string {
  const known = new Map<string, string>()
  for (const f of allFindings(report))
    for (const [privilege, text] of Object.entries(f.labels)) known.set(privilege, text)
  return (privilege) => known.get(privilege) ?? label?.(privilege) ?? privilege
}

export function privilegeGrid(report: AuditReport, label: (privilege: string) => string): PrivilegeGrid {
  const withFindings = new Set(report.findings.map((f) => f.appId))
  const apps = report.apps.filter((a) => withFindings.has(a.id))
  const groupRestricted = new Set(
    allFindings(report)
      .filter((f) => f.kind === 'group-restricted-privilege')
      .flatMap((f) => f.missingPrivileges.map((p) => `${f.appId}\u0000${p}`)),
  )
  const states = apps.map((app) => appStates(app, groupRestricted))
  const privileges = [...new Set(states.flatMap((s) => [...s.keys()]))]
  const columns = privileges
    .map((privilege) => ({privilege, label: label(privilege)}))
    .sort((a, b) => compareText(a.label, b.label) || compareText(a.privilege, b.privilege))
  return {
    columns,
    rows: apps.map((app, i) => ({app, cells: columns.map((c) => states[i]!.get(c.privilege) ?? 'none')})),
  }
}

function appStates(app: ReportApp, groupRestricted: Set<string>): Map<string, GridCellState> {
  const states = new Map<string, GridCellState>()
  const note = (privilege: string, state: GridCellState) => {
    const current = states.get(privilege)
    if (!current || STATE_ORDER.indexOf(state) < STATE_ORDER.indexOf(current)) states.set(privilege, state)
  }
  for (const scope of app.scopes) {
    for (const privilege of scope.requiredPrivileges) {
      if (scope.status === 'unchecked') note(privilege, 'unchecked')
      else if (scope.status === 'missing' && scope.missingPrivileges.includes(privilege))
        note(privilege, groupRestricted.has(`${app.id}\u0000${privilege}`) ? 'groups' : 'lacks')
      else note(privilege, 'holds')
    }
    // A partial scope lists the privileges only some of its calls need, which are not among the required ones.
    if (scope.status === 'partial') for (const privilege of scope.missingPrivileges) note(privilege, 'partial')
  }
  return states
}

/** Open findings and the accepted ones: both say something true about the owner's role. */
function allFindings(report: AuditReport): Finding[] {
  return [...report.findings, ...(report.accepted ?? []).map((a) => a.finding)]
}
