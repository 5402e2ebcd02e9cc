/**
 * "Spreading": the number of regions reporting a substance, per period, run through a detector —
 * a substance turning up in more places at once than its own history predicts.
 */
import type { DetectionPoint, Detector } from '../detectors/detector.js';

export interface SpreadSignal {
  substance: string;
  point: DetectionPoint;
  /** Regions reporting it in the alarming period. */
  regions: string[];
  /** Regions that had never reported it before that period. */
  newRegions: string[];
}

/**
 * @param regionsByPeriod substance → per period, the regions reporting it.
 * @param from first period index to evaluate.
 */
export function detectSpread(
  regionsByPeriod: ReadonlyMap<string, readonly ReadonlySet<string>[]>,
  detector: Detector,
  from: number,
): SpreadSignal[] {
  const out: SpreadSignal[] = [];
  for (const [substance, perPeriod] of regionsByPeriod) {
    const counts = perPeriod.map((r) => r.size);
    const seen = new Set<string>();
    const newByPeriod = perPeriod.map((regions) => {
      const fresh = [...regions].filter((r) => !seen.has(r));
      for (const r of regions) seen.add(r);
      return fresh;
    });
    for (const point of detector.detect(counts, { from })) {
      if (point.alarm !== true) continue;
      out.push({
        substance,
        point,
        regions: [...perPeriod[point.period]!].sort(),
        newRegions: newByPeriod[point.period]!.sort(),
      });
    }
  }
  return out;
}
