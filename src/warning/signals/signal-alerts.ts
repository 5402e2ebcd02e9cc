/**
 * Early-warning signals as shared alerts: the subject, rule, score, severity and the evidence an
 * analyst reads (observed vs expected and bound, recent counts, regions new to the substance).
 */
import { type Alert, type AlertSource, alertId } from '../../core/alert.js';
import type { DetectionPoint, Detector } from '../detectors/detector.js';
import type { PeriodUnit } from '../reports/period-keys.js';
import { allRegions, seriesSubject } from '../reports/series-aggregation.js';
import type { NoveltySignal } from './novelty.js';
import type { SpreadSignal } from './spread.js';

/** What every alert of one run shares. */
export interface AlertContext {
  periods: readonly string[];
  unit: PeriodUnit;
  sources: AlertSource[];
  createdAt: string;
}

/** A figure of the evidence to `digits` significant digits (null stays null). */
export function round(v: number | null, digits = 6): number | null {
  return v === null ? null : Number(v.toPrecision(digits));
}

/** observed / bound: above 1 for every alarm; 2 and more is called high severity. */
export function exceedance(p: Pick<DetectionPoint, 'observed' | 'upperbound'>): number {
  return Number((p.upperbound && p.upperbound > 0 ? p.observed / p.upperbound : p.observed).toPrecision(4));
}

function recentCounts(periods: readonly string[], counts: readonly number[], end: number, length = 8) {
  const out: Record<string, number> = {};
  for (let i = Math.max(0, end - length + 1); i <= end; i++) out[periods[i]!] = counts[i]!;
  return out;
}

export function riseAlert(
  ctx: AlertContext,
  substance: string,
  region: string,
  detector: Detector,
  p: DetectionPoint,
  counts: readonly number[],
): Alert {
  const subject = seriesSubject(substance, region);
  const rule = { name: detector.name, version: detector.version };
  const period = ctx.periods[p.period]!;
  const where = region === allRegions ? '(all regions)' : `in ${region}`;
  const score = exceedance(p);
  return {
    id: alertId('warning', subject, rule, period),
    kind: 'warning',
    subject,
    rule,
    score,
    severity: score >= 2 ? 'high' : 'medium',
    evidence: {
      summary: `Rise of ${substance} ${where}: ${p.observed} in ${period}, above the ${detector.name} bound ${round(p.upperbound)} (expected ${round(p.expected)})`,
      data: {
        signal: 'rise',
        period,
        observed: p.observed,
        expected: round(p.expected),
        upperbound: round(p.upperbound),
        detector: detector.name,
        recent: recentCounts(ctx.periods, counts, p.period),
      },
    },
    sources: ctx.sources,
    createdAt: ctx.createdAt,
  };
}

export function noveltyAlert(ctx: AlertContext, n: NoveltySignal): Alert {
  const subject = seriesSubject(n.substance, n.region);
  const rule = { name: 'novelty', version: '1' };
  const period = ctx.periods[n.period]!;
  const national = n.region === allRegions;
  const where = national ? 'anywhere in the data' : `in ${n.region}`;
  return {
    id: alertId('warning', subject, rule, period),
    kind: 'warning',
    subject,
    rule,
    score: n.count,
    severity: national ? 'high' : 'medium',
    evidence: {
      summary: `New: ${n.substance} reported for the first time ${where} in ${period} (${n.count} report${n.count === 1 ? '' : 's'}; absent for the ${n.absentPeriods} ${ctx.unit}s before, while ${national ? 'the data' : 'the region'} was reporting)`,
      data: {
        signal: 'novelty',
        period,
        count: n.count,
        absentPeriods: n.absentPeriods,
        firstPeriodInData: ctx.periods[0],
      },
    },
    sources: ctx.sources,
    createdAt: ctx.createdAt,
  };
}

export function spreadAlert(ctx: AlertContext, detector: Detector, sp: SpreadSignal): Alert {
  const subject = `${sp.substance}|regions`;
  const rule = { name: `spread-${detector.name}`, version: detector.version };
  const p = sp.point;
  const period = ctx.periods[p.period]!;
  const fresh = sp.newRegions;
  return {
    id: alertId('warning', subject, rule, period),
    kind: 'warning',
    subject,
    rule,
    score: exceedance(p),
    severity: fresh.length > 0 ? 'high' : 'medium',
    evidence: {
      summary: `Spreading: ${sp.substance} reported in ${p.observed} regions in ${period} (bound ${round(p.upperbound)}), ${fresh.length} of them for the first time${fresh.length ? `: ${fresh.join(', ')}` : ''}`,
      data: {
        signal: 'spread',
        period,
        regions: sp.regions,
        newRegions: fresh,
        expected: round(p.expected),
        upperbound: round(p.upperbound),
      },
    },
    sources: ctx.sources,
    createdAt: ctx.createdAt,
  };
}
