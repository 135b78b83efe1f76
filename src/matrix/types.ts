// The privilege matrix: which role privileges an app owner must hold for each OAuth scope.
// A user's layer has the shape of schemas/privilege-matrix.schema.json (only scope + requires per rule); the built-in
// also fits the strict schemas/builtin-matrix.schema.json. Once loaded, every rule has its defaults filled in.

export type Confidence = 'documented' | 'inferred' | 'manual'
export type ScopeLevel = 'user' | 'admin' | 'master'
export type ScopeAction = 'read' | 'write' | 'update' | 'delete'

export interface PrivilegeInfo {
  label: string
  section?: string
  /** True when the label was made from the privilege name, not confirmed in Zoom's portal. */
  derived?: boolean
}

export interface MatrixRule {
  /** An exact scope, or a pattern where `*` matches exactly one colon-separated segment. */
  scope: string
  requires: string[]
  partial?: string[]
  confidence: Confidence
  sources: string[]
  note?: string
  /** How many API operations the rule was derived from (generated rules). */
  operations?: number
  /** Zoom API products whose documents list the scope (generated rules). */
  products?: string[]
}

export interface MatrixFile {
  version: string
  privileges?: Record<string, PrivilegeInfo>
  implies?: Record<string, string[]>
  rules: MatrixRule[]
  unmapped?: Record<string, string>
}

/** A rule as a user may write it: everything but scope and requires has a default. */
export type WrittenRule = Pick<MatrixRule, 'scope' | 'requires'> & Partial<MatrixRule>

/** A matrix file as a user may write it (fits schemas/privilege-matrix.schema.json). */
export type WrittenMatrixFile = Omit<MatrixFile, 'version' | 'rules'> & {version?: string; rules: WrittenRule[]}

/** A matrix file as loaded, with where it came from ("built-in" or a path). */
export interface MatrixLayer {
  file: string
  matrix: MatrixFile
}
