/**
 * A positivity rise as a shared alert: the share of samples positive for a substance above what
 * its baseline share allows, with the shares, sample counts and recent x/n an analyst reads.
 */
import { type Alert, alertId } from '../../core/alert.js';
import type { ProportionDetector, ProportionPoint } from '../detectors/proportion-detector.js';
import { allRegions, seriesSubject } from '../reports/series-aggregation.js';
import { type AlertContext, exceedance, round } from './signal-alerts.js';

function percent(share: number | null): string {
  return share === null ? '?' : `${Math.round(share * 100)} %`;
}

/** The last `length` periods up to `end` as `{ period: "x/n" }`. */
function recentShares(
  periods: readonly string[],
  positives: readonly number[],
  tested: readonly number[],
  end: number,
  length = 8,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = Math.max(0, end - length + 1); i <= end; i++)
    out[periods[i]!] = `${positives[i]}/${tested[i]}`;
  return out;
}

/**
 * @example
 * // evidence.summary: "Rise in positivity of medetomidine in NYC: 62 % of 39 samples in 2026-03
 * // vs 35 % expected (upper bound 56 %, p = 0.0014)"
 */
export function positivityRiseAlert(
  ctx: AlertContext,
  substance: string,
  region: string,
  detector: ProportionDetector,
  p: ProportionPoint,
  positives: readonly number[],
  tested: readonly number[],
): Alert {
  const subject = seriesSubject(substance, region);
  const rule = { name: detector.name, version: detector.version };
  const period = ctx.periods[p.period]!;
  const where = region === allRegions ? '(all regions)' : `in ${region}`;
  const share = p.tested > 0 ? p.observed / p.tested : 0;
  // observed / bound, as for count rises: above 1 for every alarm, 2 and more is high severity.
  const score = exceedance(p);
  return {
    id: alertId('warning', subject, rule, period),
    kind: 'warning',
    subject,
    rule,
    score,
    severity: score >= 2 ? 'high' : 'medium',
    evidence: {
      summary: `Rise in positivity of ${substance} ${where}: ${percent(share)} of ${p.tested} samples in ${period} vs ${percent(p.expectedShare)} expected (upper bound ${percent(p.upperShare)}, p = ${round(p.pValue, 2)})`,
      data: {
        signal: 'rise',
        measure: 'positivity',
        period,
        observed: p.observed,
        tested: p.tested,
        share: round(share),
        expectedShare: round(p.expectedShare),
        upperShare: round(p.upperShare),
        expected: round(p.expected),
        upperbound: p.upperbound,
        pValue: round(p.pValue),
        detector: detector.name,
        recent: recentShares(ctx.periods, positives, tested, p.period),
      },
    },
    sources: ctx.sources,
    createdAt: ctx.createdAt,
  };
}
