// Which findings make `audit` exit 1: at or above --fail-on's severity and, for a finding that rests on a matrix
// rule, a rule at least as sure as --fail-on-confidence. Findings that rest on no rule (an inactive owner, an
// unmapped scope) always count.
import type {Confidence} from '../matrix/types.js'
import {severityAtLeast} from './summary.js'
import type {Finding, Severity} from './types.js'

/** Least sure first: indirect evidence, then a hand-written rule with a cited source, then Zoom's own data. */
export const CONFIDENCE_ORDER: readonly Confidence[] = ['inferred', 'manual', 'documented']

export interface FailOn {
  severity: Severity | 'none'
  /** The least sure rule whose findings still count. */
  confidence: Confidence
}

/** A finding's `confidence` is its rule's, or null when it rests on none. */
export function countsForFailOn(finding: Pick<Finding, 'severity' | 'confidence'>, failOn: FailOn): boolean {
  if (failOn.severity === 'none' || !severityAtLeast(finding.severity, failOn.severity)) return false
  const {confidence} = finding
  return confidence === null || CONFIDENCE_ORDER.indexOf(confidence) >= CONFIDENCE_ORDER.indexOf(failOn.confidence)
}

export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((finding) => countsForFailOn(finding, failOn))
}
