/**
 * Scores reported gaps against the planted cases: recall and precision per gap kind, and false
 * gaps per 1,000 clean records (records no planted case touches).
 */
import { GAP_KINDS, type GapKind } from '../../src/reconcile/index.js';
import type { PlantedCase } from './mirror-ledger-generator.js';

export interface KindScore {
  kind: GapKind;
  planted: number;
  found: number;
  reported: number;
  truePositives: number;
  recall: number;
  precision: number;
}

export interface GapScores {
  kinds: KindScore[];
  /** Planted cases found / planted cases, over all kinds. */
  recall: number;
  falseGaps: number;
  cleanRecords: number;
  falseGapsPer1000Clean: number;
}

interface ReportedGap {
  kind: string;
  export_ids: string[];
  import_ids: string[];
}

/**
 * A planted case is found when a gap of its kind names one of its records; a gap is a true
 * positive when it names a record of a planted case of its kind; every other gap is false.
 */
export function scoreGaps(
  gaps: readonly ReportedGap[],
  planted: readonly PlantedCase[],
  plantedRecordIds: ReadonlySet<string>,
  totalRecords: number,
): GapScores {
  const caseOf = new Map<string, number[]>();
  planted.forEach((p, k) => {
    for (const id of [...p.exportIds, ...p.importIds]) {
      const key = `${p.kind}|${id}`;
      const list = caseOf.get(key);
      if (list) list.push(k);
      else caseOf.set(key, [k]);
    }
  });
  const found = new Uint8Array(planted.length);
  const stats = new Map<string, { reported: number; tp: number }>();
  let falseGaps = 0;
  for (const g of gaps) {
    const s = stats.get(g.kind) ?? { reported: 0, tp: 0 };
    stats.set(g.kind, s);
    s.reported++;
    let hit = false;
    for (const id of [...g.export_ids, ...g.import_ids]) {
      for (const k of caseOf.get(`${g.kind}|${id}`) ?? []) {
        found[k] = 1;
        hit = true;
      }
    }
    if (hit) s.tp++;
    else if (![...g.export_ids, ...g.import_ids].some((id) => plantedRecordIds.has(id))) falseGaps++;
  }
  const kinds: KindScore[] = GAP_KINDS.map((kind) => {
    const idx = planted.flatMap((p, k) => (p.kind === kind ? [k] : []));
    const f = idx.filter((k) => found[k]).length;
    const s = stats.get(kind) ?? { reported: 0, tp: 0 };
    return {
      kind,
      planted: idx.length,
      found: f,
      reported: s.reported,
      truePositives: s.tp,
      recall: idx.length ? f / idx.length : Number.NaN,
      precision: s.reported ? s.tp / s.reported : Number.NaN,
    };
  });
  const cleanRecords = totalRecords - plantedRecordIds.size;
  return {
    kinds,
    recall: planted.length ? found.reduce((a, b) => a + b, 0) / planted.length : Number.NaN,
    falseGaps,
    cleanRecords,
    falseGapsPer1000Clean: (falseGaps / cleanRecords) * 1000,
  };
}
