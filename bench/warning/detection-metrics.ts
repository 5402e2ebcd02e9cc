/**
 * The benchmark's figures per method, computed exactly as the R reference script does: false
 * positive rate on the series without the current outbreak; probability of detection, first-week
 * detection, sensitivity and delay over the weeks the current outbreak added cases.
 */
import { firstEvaluatedWeek } from './noufaily-simulation.js';

export interface ReplicateOutcome {
  fprAlarms: number;
  fprWeeks: number;
  outbreakWeeks: number;
  detected: boolean | null;
  detectedWeek1: boolean | null;
  hits: number;
  delay: number | null;
}

export interface MethodSummary {
  fpr: number;
  pod: number;
  pod1week: number;
  sensitivity: number;
  meanDelay: number;
  series: number;
}

/** Alarms are per evaluated week (week 576 first), null where the method gave no answer. */
export function replicateOutcome(
  fprAlarms: readonly (boolean | null)[],
  podAlarms: readonly (boolean | null)[],
  outbreakWeeks: readonly number[],
  start: number,
): ReplicateOutcome {
  const at = (w: number) => podAlarms[w - firstEvaluatedWeek] === true;
  const hitsWeeks = outbreakWeeks.filter(at);
  return {
    fprAlarms: fprAlarms.filter((a) => a === true).length,
    fprWeeks: fprAlarms.filter((a) => a !== null).length,
    outbreakWeeks: outbreakWeeks.length,
    detected: outbreakWeeks.length ? hitsWeeks.length > 0 : null,
    detectedWeek1: outbreakWeeks.length ? at(start) : null,
    hits: hitsWeeks.length,
    delay: hitsWeeks.length ? hitsWeeks[0]! - start : null,
  };
}

function meanOf(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

export function summarise(outcomes: readonly ReplicateOutcome[]): MethodSummary {
  const withOutbreak = outcomes.filter((o) => o.detected !== null);
  const sum = (f: (o: ReplicateOutcome) => number) => outcomes.reduce((s, o) => s + f(o), 0);
  return {
    fpr: sum((o) => o.fprAlarms) / sum((o) => o.fprWeeks),
    pod: meanOf(withOutbreak.map((o) => (o.detected ? 1 : 0))),
    pod1week: meanOf(withOutbreak.map((o) => (o.detectedWeek1 ? 1 : 0))),
    sensitivity: sum((o) => o.hits) / sum((o) => o.outbreakWeeks),
    meanDelay: meanOf(outcomes.flatMap((o) => (o.delay === null ? [] : [o.delay]))),
    series: outcomes.length,
  };
}
