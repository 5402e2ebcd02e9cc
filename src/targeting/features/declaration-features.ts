/**
 * Turns a declaration plus the history known before it into the numeric feature row the boosted
 * trees read: smoothed past fraud rates and counts of its identifiers, value and mass, unit price
 * against its HS norm, category codes, date, and the indicator score. NaN marks missing.
 */
import type { Declaration } from '../declaration.js';
import { type DeclarationHistory, type KeyRecord, logUnitPrice } from './declaration-history.js';
import { historyKeys } from './history-keys.js';

export interface FeatureOptions {
  /** Prior strength m of the smoothed rate (fraud + m·prior) / (seen + m). */
  smoothing: number;
  /** History key names whose features are blanked (ablation); empty in the real model. */
  excludedKeys: readonly string[];
  /** Blank the numeric value/mass/unit-price features too (ablation). */
  excludeAmounts?: boolean;
}

export const defaultFeatureOptions: FeatureOptions = { smoothing: 5, excludedKeys: [] };

const numericFeatures = [
  'logValue',
  'logMass',
  'logUnitPrice',
  'unitPriceRobustZ',
  'taxRate',
  'processType',
  'importType',
  'importUse',
  'paymentType',
  'transportMode',
  'originIndicator',
  'dayOfWeek',
  'dayOfMonth',
  'departureDiffersFromOrigin',
  'indicatorScore',
] as const;

/** Names of the feature columns, in order. */
export const featureNames: readonly string[] = [
  ...historyKeys.flatMap((k) => [
    `${k.name}.seen`,
    `${k.name}.fraudRate`,
    `${k.name}.criticalRate`,
    ...(k.recency ? [`${k.name}.daysSince`] : []),
  ]),
  ...numericFeatures,
];

/** A category code as a number: digits as is, other codes read in base 36; NaN when blank. */
function categoryCode(v: string): number {
  if (v === '') return Number.NaN;
  // Category columns hold a few distinct codes: remember them rather than run a regex per cell.
  let code = categoryCodes.get(v);
  if (code === undefined) {
    code = /^\d+$/.test(v) ? Number(v) : Number.parseInt(v.slice(0, 8), 36);
    if (categoryCodes.size < 10_000) categoryCodes.set(v, code);
  }
  return code;
}
const categoryCodes = new Map<string, number>();

/** Day of month of an ISO date, without cutting a substring for every row. */
function dayOfMonth(date: string): number {
  const a = date.charCodeAt(8) - 48;
  const b = date.charCodeAt(9) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && date.length === 10 ? a * 10 + b : Number(date.slice(8, 10));
}

const excludedCache = new WeakMap<FeatureOptions, boolean[]>();
function excludedFlags(options: FeatureOptions): boolean[] {
  let flags = excludedCache.get(options);
  if (!flags) {
    flags = historyKeys.map((k) => options.excludedKeys.includes(k.name));
    excludedCache.set(options, flags);
  }
  return flags;
}

/**
 * Writes the feature row of `d` at `out[offset..]`, from `history` only.
 * @example writeFeatures(d, history, 0.3, row, 0, defaultFeatureOptions)
 */
export function writeFeatures(
  d: Declaration,
  history: DeclarationHistory,
  indicatorScore: number,
  out: Float64Array,
  offset: number,
  options: FeatureOptions,
  records?: readonly (KeyRecord | null | undefined)[],
): void {
  const m = options.smoothing;
  const total = history.total;
  const prior = total.seen > 0 ? total.fraud / total.seen : 0.2;
  const criticalPrior = total.seen > 0 ? total.critical / total.seen : 0.01;
  const excluded = excludedFlags(options);
  let o = offset;
  for (let k = 0; k < historyKeys.length; k++) {
    const hk = historyKeys[k]!;
    const rec = excluded[k] === true ? undefined : records ? records[k] : history.lookup(k, d);
    if (rec === undefined) {
      out[o++] = Number.NaN;
      out[o++] = Number.NaN;
      out[o++] = Number.NaN;
    } else {
      const seen = rec?.seen ?? 0;
      out[o++] = Math.log1p(seen);
      out[o++] = ((rec?.fraud ?? 0) + m * prior) / (seen + m);
      out[o++] = ((rec?.critical ?? 0) + m * criticalPrior) / (seen + m);
    }
    // Clamped: a declaration dated before the history ends (re-scoring old rows) is "just seen".
    if (hk.recency) out[o++] = rec ? Math.max(0, d.day - rec.lastDay) : Number.NaN;
  }
  const amounts = !options.excludeAmounts;
  const lup = logUnitPrice(d);
  const norm = history.priceNorm(d.hs6);
  out[o++] = amounts ? Math.log1p(d.value) : Number.NaN;
  out[o++] = amounts ? Math.log1p(d.netMassKg) : Number.NaN;
  out[o++] = amounts ? lup : Number.NaN;
  out[o++] =
    amounts && norm && norm.count >= 3 ? (lup - norm.median) / (1.4826 * norm.mad + 0.05) : Number.NaN;
  out[o++] = d.taxRate;
  out[o++] = categoryCode(d.processType);
  out[o++] = categoryCode(d.importType);
  out[o++] = categoryCode(d.importUse);
  out[o++] = categoryCode(d.paymentType);
  out[o++] = categoryCode(d.transportMode);
  out[o++] = categoryCode(d.originIndicator);
  out[o++] = (d.day + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
  out[o++] = dayOfMonth(d.date);
  out[o++] = d.departureCountry && d.originCountry && d.departureCountry !== d.originCountry ? 1 : 0;
  out[o++] = indicatorScore;
}
