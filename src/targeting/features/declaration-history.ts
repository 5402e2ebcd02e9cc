/**
 * What is known from past labelled declarations: per identifier, how often it was seen, how often
 * inspections found fraud or critical fraud, and when it was last seen; per HS code, the robust
 * norm of the unit price. Features and indicators read only this, so a row can never see its own
 * label or a later one: the caller decides what has been added so far.
 */
import type { Declaration } from '../declaration.js';
import { type HistoryKey, historyKeys, type KeyPart, priceBand } from './history-keys.js';

/** The key order `lookupAll` is written for; a change to historyKeys must update both. */
const unrolledKeyOrder = [
  'importer',
  'declarant',
  'seller',
  'courier',
  'office',
  'hs6',
  'hs4',
  'hs2',
  'departure',
  'origin',
  'importType×use',
  'taxType×rate',
  'importer×hs6',
  'declarant×hs6',
  'seller×hs6',
  'hs6×origin',
  'hs6×priceBand',
  'value',
  'mass',
  'value×mass',
];
if (historyKeys.map((k) => k.name).join() !== unrolledKeyOrder.join())
  throw new Error('historyKeys changed: update DeclarationHistory.lookupAll to the new key order');

type SingleMap = Map<KeyPart, KeyRecord>;
type PairMap = Map<KeyPart, Map<KeyPart, KeyRecord>>;
/** The per-key maps as lookupAll reads them: single keys map to records, pair keys to maps. */
type RecordMaps = [
  ...[
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
    SingleMap,
  ],
  ...[PairMap, PairMap, PairMap, PairMap, PairMap, PairMap, PairMap],
  ...[SingleMap, SingleMap, PairMap],
];

/** Past record of one key: seen, fraud, critical (= 2) counts and last day seen. */
export interface KeyRecord {
  seen: number;
  fraud: number;
  critical: number;
  lastDay: number;
}

/** Robust norm of log(value per kg) for one HS code. */
export interface PriceNorm {
  median: number;
  /** Median absolute deviation (unscaled). */
  mad: number;
  count: number;
}

/** The compact JSON form: one column set per key type, norms per HS6. */
export interface DeclarationHistoryJson {
  total: { seen: number; fraud: number; critical: number; lastDay: number };
  keys: Record<
    string,
    {
      first: KeyPart[];
      second?: KeyPart[];
      seen: number[];
      fraud: number[];
      critical: number[];
      lastDay: number[];
    }
  >;
  priceNorms: { hs6: string[]; median: number[]; mad: number[]; count: number[] };
}

/** log(value per kg), the unit-price scale the norms use (+1 keeps zero values finite). */
export function logUnitPrice(d: Pick<Declaration, 'value' | 'netMassKg'>): number {
  return Math.log((d.value + 1) / (d.netMassKg + 1));
}

export class DeclarationHistory {
  readonly total: KeyRecord = { seen: 0, fraud: 0, critical: 0, lastDay: Number.NaN };
  /** Per key type: first part → record, or (pair keys) first part → second part → record. */
  private readonly records = historyKeys.map(() => new Map<KeyPart, KeyRecord | Map<KeyPart, KeyRecord>>());
  /** Sorted log unit prices per HS6 while the history grows; absent once frozen from JSON. */
  private readonly priceSamples: Map<string, number[]> | undefined;
  private readonly normCache = new Map<string, PriceNorm>();
  /** Bumped on every addition, so the one-entry memo of priceNorm never serves a stale norm. */
  private version = 0;
  private lastNormHs6: string | undefined;
  private lastNorm: PriceNorm | undefined;
  private lastNormVersion = -1;

  constructor(frozen = false) {
    this.priceSamples = frozen ? undefined : new Map();
  }

  /** Adds labelled declarations (in any order within one day; callers add a whole day at once). */
  add(d: Declaration): void {
    if (!d.labels)
      throw new Error(`declaration ${d.id} has no labels; only inspected rows enter the history`);
    this.countDeclaration(d, d.labels.fraud, d.labels.critical === 2 ? 1 : 0);
  }

  /**
   * Counts a declaration whose outcome is unknown (seen, last seen, price norm; no fraud). Used
   * by rules-only scoring, where the file itself is the history; never mixed into model training.
   */
  observe(d: Declaration): void {
    this.countDeclaration(d, 0, 0);
  }

  private countDeclaration(d: Declaration, fraud: number, critical: number): void {
    if (!this.priceSamples) throw new Error('this history was loaded from a model file and cannot grow');
    this.version++;
    bump(this.total, fraud, critical, d.day);
    for (let k = 0; k < historyKeys.length; k++) {
      const rec = this.recordToUpdate(k, d);
      if (rec) bump(rec, fraud, critical, d.day);
    }
    const samples = this.priceSamples.get(d.hs6) ?? [];
    insertSorted(samples, logUnitPrice(d));
    this.priceSamples.set(d.hs6, samples);
    this.normCache.delete(d.hs6);
  }

  /**
   * The record of key type `k` (index into historyKeys) for declaration `d`: null when the key
   * was never seen, undefined when `d` has no such key at all (a blank seller).
   */
  lookup(k: number, d: Declaration): KeyRecord | null | undefined {
    const hk: HistoryKey = historyKeys[k]!;
    const first = hk.first(d);
    if (first === undefined) return undefined;
    const top = this.records[k]!.get(first);
    if (!hk.second) return (top as KeyRecord | undefined) ?? null;
    const second = hk.second(d);
    if (second === undefined) return undefined;
    return (top as Map<KeyPart, KeyRecord> | undefined)?.get(second) ?? null;
  }

  /**
   * Looks up every key of `d` at once into `out` (index = historyKeys), for callers that need
   * several. Written out key by key (same answers as `lookup`, which a test checks): the generic
   * loop calls twenty different key functions from one call site, which V8 cannot inline.
   */
  lookupAll(d: Declaration, out: (KeyRecord | null | undefined)[]): void {
    const r = this.records as unknown as RecordMaps;
    const { importer, declarant, seller, hs6 } = d;
    const h2 = (hs6.charCodeAt(0) - 48) * 10 + (hs6.charCodeAt(1) - 48);
    const h4 = h2 * 100 + (hs6.charCodeAt(2) - 48) * 10 + (hs6.charCodeAt(3) - 48);
    out[0] = importer === '' ? undefined : (r[0].get(importer) ?? null);
    out[1] = declarant === '' ? undefined : (r[1].get(declarant) ?? null);
    out[2] = seller === '' ? undefined : (r[2].get(seller) ?? null);
    out[3] = d.courier === '' ? undefined : (r[3].get(d.courier) ?? null);
    out[4] = d.office === '' ? undefined : (r[4].get(d.office) ?? null);
    out[5] = r[5].get(hs6) ?? null;
    out[6] = r[6].get(h4) ?? null;
    out[7] = r[7].get(h2) ?? null;
    out[8] = d.departureCountry === '' ? undefined : (r[8].get(d.departureCountry) ?? null);
    out[9] = d.originCountry === '' ? undefined : (r[9].get(d.originCountry) ?? null);
    out[10] = r[10].get(d.importType)?.get(d.importUse) ?? null;
    out[11] = r[11].get(d.taxType)?.get(d.taxRate) ?? null;
    out[12] = importer === '' ? undefined : (r[12].get(importer)?.get(hs6) ?? null);
    out[13] = declarant === '' ? undefined : (r[13].get(declarant)?.get(hs6) ?? null);
    out[14] = seller === '' ? undefined : (r[14].get(seller)?.get(hs6) ?? null);
    out[15] = r[15].get(hs6)?.get(d.originCountry) ?? null;
    out[16] = r[16].get(hs6)?.get(priceBand(d)) ?? null;
    out[17] = r[17].get(d.value) ?? null;
    out[18] = r[18].get(d.netMassKg) ?? null;
    out[19] = r[19].get(d.value)?.get(d.netMassKg) ?? null;
  }

  /**
   * Looks key type `k` up for `declarations[start..end)` into `out[0..]` (same answers as
   * `lookup`). Column by column, one map is hot in the cache instead of all of them.
   */
  lookupColumn(
    k: number,
    declarations: readonly Declaration[],
    start: number,
    end: number,
    out: (KeyRecord | null | undefined)[],
  ): void {
    const hk: HistoryKey = historyKeys[k]!;
    const map = this.records[k]!;
    const first = hk.first;
    const second = hk.second;
    if (!second) {
      for (let i = start; i < end; i++) {
        const a = first(declarations[i]!);
        out[i - start] = a === undefined ? undefined : ((map.get(a) as KeyRecord | undefined) ?? null);
      }
      return;
    }
    for (let i = start; i < end; i++) {
      const d = declarations[i]!;
      const a = first(d);
      const b = a === undefined ? undefined : second(d);
      out[i - start] =
        b === undefined ? undefined : ((map.get(a!) as Map<KeyPart, KeyRecord> | undefined)?.get(b) ?? null);
    }
  }

  /** The record of key type `k` for explicit key parts, if ever seen. */
  recordOf(k: number, first: KeyPart, second?: KeyPart): KeyRecord | undefined {
    const top = this.records[k]!.get(first);
    if (second === undefined) return top as KeyRecord | undefined;
    return (top as Map<KeyPart, KeyRecord> | undefined)?.get(second);
  }

  /** The record to update for `d`, created on first sight; undefined when `d` has no such key. */
  private recordToUpdate(k: number, d: Declaration): KeyRecord | undefined {
    const hk: HistoryKey = historyKeys[k]!;
    const first = hk.first(d);
    if (first === undefined) return undefined;
    const second = hk.second ? hk.second(d) : undefined;
    if (hk.second && second === undefined) return undefined;
    const map = second === undefined ? this.records[k]! : innerMap(this.records[k]!, first);
    const key = second === undefined ? first : second;
    let rec = map.get(key) as KeyRecord | undefined;
    if (!rec) {
      rec = newRecord();
      map.set(key, rec);
    }
    return rec;
  }

  /** The unit-price norm of an HS6 code, if it has been declared before. */
  priceNorm(hs6: string): PriceNorm | undefined {
    // Rules and features ask for the same HS6 back to back; remember the last answer.
    if (hs6 === this.lastNormHs6 && this.lastNormVersion === this.version) return this.lastNorm;
    const norm = this.computePriceNorm(hs6);
    this.lastNormHs6 = hs6;
    this.lastNorm = norm;
    this.lastNormVersion = this.version;
    return norm;
  }

  private computePriceNorm(hs6: string): PriceNorm | undefined {
    const cached = this.normCache.get(hs6);
    if (cached || !this.priceSamples) return cached;
    const samples = this.priceSamples.get(hs6);
    if (!samples || samples.length === 0) return undefined;
    const median = medianOfSorted(samples);
    const deviations = samples.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
    const norm = { median, mad: medianOfSorted(deviations), count: samples.length };
    this.normCache.set(hs6, norm);
    return norm;
  }

  toJSON(): DeclarationHistoryJson {
    const keys: DeclarationHistoryJson['keys'] = {};
    historyKeys.forEach((hk, k) => {
      const col: DeclarationHistoryJson['keys'][string] = {
        first: [],
        seen: [],
        fraud: [],
        critical: [],
        lastDay: [],
      };
      if (hk.second) col.second = [];
      const push = (first: KeyPart, second: KeyPart | undefined, rec: KeyRecord) => {
        col.first.push(first);
        if (second !== undefined) col.second!.push(second);
        col.seen.push(rec.seen);
        col.fraud.push(rec.fraud);
        col.critical.push(rec.critical);
        col.lastDay.push(rec.lastDay);
      };
      for (const [first, value] of this.records[k]!) {
        if (value instanceof Map) for (const [second, rec] of value) push(first, second, rec);
        else push(first, undefined, value);
      }
      keys[hk.name] = col;
    });
    const priceNorms: DeclarationHistoryJson['priceNorms'] = { hs6: [], median: [], mad: [], count: [] };
    for (const hs6 of this.priceSamples?.keys() ?? this.normCache.keys()) {
      const n = this.priceNorm(hs6)!;
      priceNorms.hs6.push(hs6);
      priceNorms.median.push(n.median);
      priceNorms.mad.push(n.mad);
      priceNorms.count.push(n.count);
    }
    return { total: { ...this.total }, keys, priceNorms };
  }

  /** A read-only history from its JSON form (key types unknown to this version are ignored). */
  static fromJSON(json: DeclarationHistoryJson): DeclarationHistory {
    const h = new DeclarationHistory(true);
    Object.assign(h.total, json.total);
    historyKeys.forEach((hk, k) => {
      const col = json.keys[hk.name];
      if (!col) return;
      const map = h.records[k]!;
      for (let i = 0; i < col.first.length; i++) {
        const rec = {
          seen: col.seen[i]!,
          fraud: col.fraud[i]!,
          critical: col.critical[i]!,
          lastDay: col.lastDay[i]!,
        };
        const first = col.first[i]!;
        if (!hk.second) {
          map.set(first, rec);
          continue;
        }
        innerMap(map, first).set(col.second![i]!, rec);
      }
    });
    const pn = json.priceNorms;
    for (let i = 0; i < pn.hs6.length; i++)
      h.normCache.set(pn.hs6[i]!, { median: pn.median[i]!, mad: pn.mad[i]!, count: pn.count[i]! });
    return h;
  }
}

/** The second-level map of a pair key, created on first use. */
function innerMap(
  map: Map<KeyPart, KeyRecord | Map<KeyPart, KeyRecord>>,
  first: KeyPart,
): Map<KeyPart, KeyRecord> {
  let inner = map.get(first) as Map<KeyPart, KeyRecord> | undefined;
  if (!inner) {
    inner = new Map();
    map.set(first, inner);
  }
  return inner;
}

function newRecord(): KeyRecord {
  return { seen: 0, fraud: 0, critical: 0, lastDay: Number.NaN };
}

function bump(rec: KeyRecord, fraud: number, critical: number, day: number): void {
  rec.seen++;
  rec.fraud += fraud;
  rec.critical += critical;
  rec.lastDay = Number.isNaN(rec.lastDay) ? day : Math.max(rec.lastDay, day);
}

function insertSorted(a: number[], v: number): void {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  a.splice(lo, 0, v);
}

function medianOfSorted(a: readonly number[]): number {
  const m = a.length >>> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}
