/**
 * What pairing records costs, in one currency of evidence: how unlikely the difference between the
 * two declarations is for records of the same shipment. Quantities and values are measured in
 * noise scales the ledgers themselves show (calibrated on each export's closest-quantity candidate,
 * so exact ledgers demand exact agreement and noisy ones tolerate their own noise), values against
 * the currency pair's month (exchange rate and freight), lags a little. Leaving a record unmatched
 * has a price too, so a pair with one gap is still preferred to two orphans, and a look-alike that
 * agrees less loses to the record that agrees more.
 */
import type { MatchColumns } from './match-columns.js';
import type { ReconcileOptions } from './reconcile-options.js';
import { median } from './robust-baseline.js';

/**
 * Price of leaving one record unmatched. A pair with one gap (quantity or value) costs less than
 * two of these, so it stays a pair; a pair disagreeing on both quantity and unit value costs more,
 * because two unrelated records are then the likelier story.
 */
export const UNMATCHED_COST = 7;
/** Most a quantity disagreement costs: a quantity gap is rare but real, and stays a pair. */
const QUANTITY_CAP = 8;
/** Most a value disagreement costs. */
const VALUE_CAP = 7;
/** Cost when the values cannot be compared (no shared history for the currency pair). */
const VALUE_UNKNOWN = 1;
/**
 * Most a lag costs: a transit time the ledgers rarely show is real evidence among look-alikes, and
 * an unusual lag together with a quantity gap then costs more than two orphans.
 */
const LAG_CAP = 5;
/** Pseudo-count per day when learning lags, so days never seen are unlikely, not impossible. */
const LAG_PRIOR = 0.5;
/**
 * Extra cost per record beyond a pair: splits and consolidations are rarer than one-to-one (a few
 * in a hundred shipments), so a chance sum must not break up pairs that agree.
 */
const GROUP_PENALTY = 2;
/** Smallest quantity noise scale (log ratio): rounding aside, exact ledgers still differ a hair. */
const MIN_QUANTITY_SCALE = 0.001;
/** Smallest value noise scale (log ratio). */
const MIN_VALUE_SCALE = 0.01;
/** Closest candidates further apart than this (log ratio) are not used to learn the noise. */
const CALIBRATION_LIMIT = 0.1;
/** History a currency pair's month needs before its own centre is used (else the pair's overall). */
const MIN_MONTH_PAIRS = 12;
/** Days in a value month: exchange rates and freight move slowly. */
const MONTH_DAYS = 30;

/** The learned noise: what the two ledgers' differences look like for the same shipment. */
export interface NoiseCalibration {
  quantityScale: number;
  /** log(import FOB / export FOB) centre per currency pair (export id × count + import id) and month. */
  valueCentre: Map<number, number>;
  /** Same, per currency pair over all months (key −1 − pair). */
  valueScale: Map<number, number>;
  /** −log of how usual each lag is (index: lag + maxLeadDays), 0 for the commonest lag. */
  lagCost: Float64Array;
  pairsUsed: number;
}

/**
 * Learns the noise from candidate pairs: each export's closest-quantity import in its block and
 * window. Most of those are the true partner, so their median and MAD are the ledgers' own noise;
 * the few that are not (diverted or look-alike shipments) barely move a median.
 */
export function calibrateNoise(
  ec: MatchColumns,
  ic: MatchColumns,
  closestE: Int32Array,
  closestI: Int32Array,
  currencies: number,
  options: ReconcileOptions,
): NoiseCalibration {
  const residuals: number[] = [];
  for (let k = 0; k < closestE.length; k++) {
    const e = closestE[k]!;
    const i = closestI[k]!;
    const r = Math.log(ic.quantity[i]! / ec.quantity[e]!);
    if (Math.abs(r) > CALIBRATION_LIMIT) continue;
    residuals.push(shrink(r, roundingOf(ec, e, ic, i)));
  }
  // The MAD, or the 90th percentile when only some ledgers' lines are noisy (MAD 0 while one in
  // five pairs differs by a per cent must not hold those pairs to exact agreement).
  const absolute = Float64Array.from(residuals, Math.abs).sort();
  const p90 = absolute.length > 0 ? absolute[Math.floor(0.9 * (absolute.length - 1))]! : 0;
  const quantityScale = Math.max(MIN_QUANTITY_SCALE, 1.4826 * median(absolute.slice()), p90 / 1.645);
  const byMonth = new Map<number, number[]>();
  const lagCounts = new Float64Array(
    options.maxLeadDays + options.maxLagDays + options.routedExtraLagDays + 1,
  );
  const byPair = new Map<number, number[]>();
  let used = 0;
  for (let k = 0; k < closestE.length; k++) {
    const e = closestE[k]!;
    const i = closestI[k]!;
    const r = Math.log(ic.quantity[i]! / ec.quantity[e]!);
    if (Math.abs(shrink(r, roundingOf(ec, e, ic, i))) > 3 * quantityScale) continue;
    const ve = ec.fob[e]!;
    const vi = ic.fob[i]!;
    if (!(ve > 0 && vi > 0)) continue;
    used++;
    const lag = ic.day[i]! - ec.day[e]! + options.maxLeadDays;
    if (lag >= 0 && lag < lagCounts.length) lagCounts[lag]!++;
    const pair = ec.currency[e]! * currencies + ic.currency[i]!;
    const key = monthKey(pair, ec.day[e]!);
    push(byMonth, key, Math.log(vi / ve));
    push(byPair, pair, Math.log(vi / ve));
  }
  const valueCentre = new Map<number, number>();
  const valueScale = new Map<number, number>();
  const pairCentre = new Map<number, number>();
  for (const [pair, list] of byPair) pairCentre.set(pair, median(Float64Array.from(list)));
  for (const [key, list] of byMonth)
    if (list.length >= MIN_MONTH_PAIRS) valueCentre.set(key, median(Float64Array.from(list)));
  // The scale around each month's centre, pooled per currency pair.
  const deviations = new Map<number, number[]>();
  for (const [key, list] of byMonth) {
    const pair = Math.floor(key / 1e6);
    const centre = valueCentre.get(key) ?? pairCentre.get(pair)!;
    for (const v of list) push(deviations, pair, Math.abs(v - centre));
  }
  for (const [pair, list] of deviations) {
    valueCentre.set(-1 - pair, pairCentre.get(pair)!);
    valueScale.set(pair, Math.max(MIN_VALUE_SCALE, 1.4826 * median(Float64Array.from(list))));
  }
  return { quantityScale, valueCentre, valueScale, lagCost: lagCosts(lagCounts), pairsUsed: used };
}

/**
 * @example
 * const model = new PairCost(ec, ic, options, calibrateNoise(ec, ic, closestE, closestI, currencies.size), currencies.size);
 * model.pair(e, i); // 0.3: same quantity, usual value ratio, a short lag
 */
export class PairCost {
  /** The learnt value centres laid out for look-up by index (a pair is priced millions of times). */
  private readonly firstMonth: number;
  private readonly months: number;
  /** Per currency pair × month: the month's centre, NaN when it has too little history. */
  private readonly monthCentre: Float64Array;
  /** Per currency pair: the centre and scale over all months, NaN when never seen. */
  private readonly pairCentre: Float64Array;
  private readonly pairScale: Float64Array;

  constructor(
    private readonly ec: MatchColumns,
    private readonly ic: MatchColumns,
    private readonly options: ReconcileOptions,
    readonly noise: NoiseCalibration,
    private readonly currencies: number,
  ) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const key of noise.valueCentre.keys())
      if (key >= 0) {
        const month = key % 1e6;
        if (month < first) first = month;
        if (month > last) last = month;
      }
    this.firstMonth = Number.isFinite(first) ? first : 0;
    this.months = Number.isFinite(first) ? last - first + 1 : 0;
    const pairs = currencies * currencies;
    this.monthCentre = new Float64Array(pairs * this.months).fill(Number.NaN);
    this.pairCentre = new Float64Array(pairs).fill(Number.NaN);
    this.pairScale = new Float64Array(pairs).fill(Number.NaN);
    for (const [key, centre] of noise.valueCentre) {
      if (key < 0) this.pairCentre[-1 - key] = centre;
      else this.monthCentre[Math.floor(key / 1e6) * this.months + (key % 1e6) - this.firstMonth] = centre;
    }
    for (const [pair, scale] of noise.valueScale) this.pairScale[pair] = scale;
  }

  /** The centre for a currency pair in the month of `day` (else over all months); NaN when unknown. */
  private centreOf(pair: number, day: number): number {
    const m = monthOf(day) - this.firstMonth;
    if (m >= 0 && m < this.months) {
      const c = this.monthCentre[pair * this.months + m]!;
      if (!Number.isNaN(c)) return c;
    }
    return this.pairCentre[pair] ?? Number.NaN;
  }

  /** Earliest an import may precede its export (days). */
  get maxLeadDays(): number {
    return this.options.maxLeadDays;
  }

  /** Latest an import may follow export `e` (days). */
  lagLimit(e: number): number {
    return this.options.maxLagDays + (this.ec.routed[e] ? this.options.routedExtraLagDays : 0);
  }

  inWindow(e: number, i: number): boolean {
    const lag = this.ic.day[i]! - this.ec.day[e]!;
    return lag >= -this.options.maxLeadDays && lag <= this.lagLimit(e);
  }

  /** Cost of pairing export `e` with import `i` (Infinity outside the date window). */
  pair(e: number, i: number): number {
    const { ec, ic } = this;
    const lag = ic.day[i]! - ec.day[e]!;
    if (lag < -this.options.maxLeadDays || lag > this.lagLimit(e)) return Number.POSITIVE_INFINITY;
    const cost = this.lag(lag);
    if (ec.dimension[e] !== ic.dimension[i])
      return (
        cost +
        QUANTITY_CAP +
        this.valueCost(ec.fob[e]!, ic.fob[i]!, ec.currency[e]!, ic.currency[i]!, ec.day[e]!, 0)
      );
    return (
      cost +
      this.quantityValueCost(
        ec.quantity[e]!,
        ec.halfStep[e]!,
        ec.fob[e]!,
        ic.quantity[i]!,
        ic.halfStep[i]!,
        ic.fob[i]!,
        ec.currency[e]!,
        ic.currency[i]!,
        ec.day[e]!,
      )
    );
  }

  /**
   * Cost of one shipment split into several imports or several consolidated into one: the sums
   * compared like a pair, each part's lag, and a small price per extra record.
   */
  group(exports: readonly number[], imports: readonly number[]): number {
    const { ec, ic } = this;
    let qe = 0;
    let he = 0;
    let ve = 0;
    let qi = 0;
    let hi = 0;
    let vi = 0;
    let lagCost = 0;
    let parts = 0;
    const dim = ec.dimension[exports[0]!]!;
    const curE = ec.currency[exports[0]!]!;
    const curI = ic.currency[imports[0]!]!;
    let comparable = true;
    for (const e of exports) {
      qe += ec.quantity[e]!;
      he += ec.halfStep[e]!;
      ve += ec.fob[e]!;
      if (ec.dimension[e] !== dim || ec.currency[e] !== curE) comparable = false;
    }
    for (const i of imports) {
      qi += ic.quantity[i]!;
      hi += ic.halfStep[i]!;
      vi += ic.fob[i]!;
      if (ic.dimension[i] !== dim) return Number.POSITIVE_INFINITY;
      if (ic.currency[i] !== curI) comparable = false;
    }
    for (const e of exports)
      for (const i of imports) {
        if (!this.inWindow(e, i)) return Number.POSITIVE_INFINITY;
        lagCost += this.lag(ic.day[i]! - ec.day[e]!);
        parts++;
      }
    let cost = lagCost / parts;
    cost += GROUP_PENALTY * (exports.length + imports.length - 2);
    if (!comparable) return cost + this.quantityCost(qe, he, qi, hi) + VALUE_UNKNOWN;
    return cost + this.quantityValueCost(qe, he, ve, qi, hi, vi, curE, curI, ec.day[exports[0]!]!);
  }

  /** How unusual a lag of `days` is. */
  lag(days: number): number {
    const k = days + this.options.maxLeadDays;
    const table = this.noise.lagCost;
    return k >= 0 && k < table.length ? table[k]! : LAG_CAP;
  }

  /** The usual log(import FOB / export FOB) for a currency pair in the export's month (exchange rate, freight). */
  valueCentre(curE: number, curI: number, day: number): number | undefined {
    const c = this.centreOf(curE * this.currencies + curI, day);
    return Number.isNaN(c) ? undefined : c;
  }

  /**
   * Sums that could match quantity `q`: a quick bound before `sumsAgree` (rounding of up to a
   * few per cent for coarsely written quantities included).
   */
  sumRange(q: number): [number, number] {
    const slack = 3 * this.noise.quantityScale + 0.05;
    return [q * Math.exp(-slack), q * Math.exp(slack)];
  }

  /** Whether quantities summing to `qi` could be the `qe` shipped, within three noise scales. */
  sumsAgree(qe: number, he: number, qi: number, hi: number): boolean {
    const r = Math.abs(Math.log(qi / qe)) - (he / qe + hi / qi);
    return r <= 3 * this.noise.quantityScale;
  }

  private quantityCost(qe: number, he: number, qi: number, hi: number): number {
    const d = Math.max(0, Math.abs(Math.log(qi / qe)) - (he / qe + hi / qi));
    const z = d / this.noise.quantityScale;
    return Math.min(0.5 * z * z, QUANTITY_CAP);
  }

  /**
   * Quantity and value together. A short delivery is usually invoiced short too: when the value
   * agrees with the quantity that arrived (same unit value), that is one anomaly, not two, so the
   * value is judged against the better of the shipped value and the unit value.
   */
  private quantityValueCost(
    qe: number,
    he: number,
    ve: number,
    qi: number,
    hi: number,
    vi: number,
    curE: number,
    curI: number,
    day: number,
  ): number {
    const q = this.quantityCost(qe, he, qi, hi);
    const v = this.valueCost(ve, vi, curE, curI, day, 0);
    if (q === 0 || v === 0) return q + v;
    return q + Math.min(v, this.valueCost(ve, vi, curE, curI, day, Math.log(qi / qe)));
  }

  /** `shift`: log ratio the value is expected to move by (the quantity's, for a unit-value comparison). */
  private valueCost(ve: number, vi: number, curE: number, curI: number, day: number, shift: number): number {
    if (!(ve > 0 && vi > 0)) return VALUE_UNKNOWN;
    const pair = curE * this.currencies + curI;
    const centre = this.centreOf(pair, day);
    const scale = this.pairScale[pair]!;
    if (Number.isNaN(centre) || Number.isNaN(scale)) return VALUE_UNKNOWN;
    const z = Math.abs(Math.log(vi / ve) - centre - shift) / scale;
    return Math.min(0.5 * z * z, VALUE_CAP);
  }
}

/**
 * How usual each lag is, learnt from the calibration pairs: lags smoothed over a week (transit
 * times vary by a few days around the usual), −log relative to the commonest, capped.
 */
function lagCosts(counts: Float64Array): Float64Array {
  const n = counts.length;
  const smooth = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let d = -3; d <= 3; d++) if (k + d >= 0 && k + d < n) s += counts[k + d]!;
    smooth[k] = s / 7 + LAG_PRIOR;
  }
  let most = 0;
  for (let k = 0; k < n; k++) if (smooth[k]! > most) most = smooth[k]!;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = Math.min(LAG_CAP, Math.log(most / smooth[k]!));
  return out;
}

function roundingOf(ec: MatchColumns, e: number, ic: MatchColumns, i: number): number {
  return ec.halfStep[e]! / ec.quantity[e]! + ic.halfStep[i]! / ic.quantity[i]!;
}

/** A log ratio moved towards zero by what rounding explains. */
function shrink(r: number, rounding: number): number {
  return Math.sign(r) * Math.max(0, Math.abs(r) - rounding);
}

/** Months offset so that dates before 1970 still give a key in 0..1e6 after the pair's. */
const MONTH_OFFSET = 500_000;

function monthOf(day: number): number {
  return Math.floor(day / MONTH_DAYS) + MONTH_OFFSET;
}

function monthKey(pair: number, day: number): number {
  return pair * 1e6 + monthOf(day);
}

function push(map: Map<number, number[]>, key: number, v: number): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
