/**
 * How good a ranking is for inspection: precision, recall and revenue captured in the top k % of
 * declarations, and the AUC, for any 0/1 outcome (fraud, or critical fraud).
 */

export interface AtK {
  /** Percent of declarations inspected. */
  percent: number;
  inspected: number;
  precision: number;
  recall: number;
  /** Share of the at-risk revenue of positive rows found in the top k %; NaN without revenue. */
  revenue: number;
}

export interface RankingQuality {
  positives: number;
  total: number;
  auc: number;
  atK: AtK[];
}

export const defaultPercents = [1, 2, 5, 10] as const;

/** Indices of `scores` from highest to lowest; ties keep input order. */
export function rankOrder(scores: ArrayLike<number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** How many rows "top k %" of `total` means: rounded, at least one. */
export function inspectedCount(total: number, percent: number): number {
  return Math.max(1, Math.round((total * percent) / 100));
}

/**
 * Precision/recall/revenue at each k and the AUC.
 * @example rankingQuality([0.9, 0.1], [1, 0]).auc // 1
 */
export function rankingQuality(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  revenue?: ArrayLike<number>,
  percents: readonly number[] = defaultPercents,
): RankingQuality {
  const order = rankOrder(scores);
  let positives = 0;
  let revenueTotal = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) {
      positives++;
      if (revenue) revenueTotal += revenue[i]!;
    }
  }
  const atK = percents.map((percent) => {
    const inspected = inspectedCount(order.length, percent);
    let hits = 0;
    let found = 0;
    for (let i = 0; i < inspected; i++) {
      const r = order[i]!;
      if (labels[r]) {
        hits++;
        if (revenue) found += revenue[r]!;
      }
    }
    return {
      percent,
      inspected,
      precision: hits / inspected,
      recall: positives ? hits / positives : Number.NaN,
      revenue: revenue && revenueTotal > 0 ? found / revenueTotal : Number.NaN,
    };
  });
  return { positives, total: order.length, auc: areaUnderCurve(scores, labels), atK };
}

/** ROC AUC by the rank-sum formula, ties counted half. */
export function areaUnderCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const midRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (labels[idx[k]!]) {
        pos++;
        rankSum += midRank;
      }
    i = j;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
