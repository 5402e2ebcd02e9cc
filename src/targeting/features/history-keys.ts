/**
 * The identifiers and identifier pairs whose past record (how often seen, how often fraud) is a
 * risk signal: the high-cardinality ids of a declaration, the HS hierarchy, countries, and
 * exact declared values, which repeat across declarations of the same trade.
 */
import type { Declaration } from '../declaration.js';

export interface HistoryKey {
  name: string;
  /** The key of a declaration, or undefined when the declaration has none (blank seller). */
  of(d: Declaration): string | undefined;
  /** Whether "days since last seen" is informative for this key (ids, not categories). */
  recency: boolean;
}

const blankless = (v: string) => (v === '' ? undefined : v);

/** Log unit price rounded to half-units of e: a coarse "price band" within an HS code. */
export function priceBand(d: Declaration): number {
  return Math.round(Math.log((d.value + 1) / (d.netMassKg + 1)) * 2);
}

/** Every key the history keeps, in feature order. */
export const historyKeys: readonly HistoryKey[] = [
  { name: 'importer', of: (d) => blankless(d.importer), recency: true },
  { name: 'declarant', of: (d) => blankless(d.declarant), recency: true },
  { name: 'seller', of: (d) => blankless(d.seller), recency: true },
  { name: 'courier', of: (d) => blankless(d.courier), recency: false },
  { name: 'office', of: (d) => blankless(d.office), recency: false },
  { name: 'hs6', of: (d) => d.hs6, recency: true },
  { name: 'hs4', of: (d) => d.hs6.slice(0, 4), recency: false },
  { name: 'hs2', of: (d) => d.hs6.slice(0, 2), recency: false },
  { name: 'departure', of: (d) => blankless(d.departureCountry), recency: false },
  { name: 'origin', of: (d) => blankless(d.originCountry), recency: false },
  { name: 'importType', of: (d) => `${d.processType}|${d.importType}|${d.importUse}`, recency: false },
  { name: 'taxType', of: (d) => `${d.taxType}|${d.taxRate}`, recency: false },
  { name: 'importer×hs6', of: (d) => (d.importer ? `${d.importer}|${d.hs6}` : undefined), recency: true },
  { name: 'declarant×hs6', of: (d) => (d.declarant ? `${d.declarant}|${d.hs6}` : undefined), recency: true },
  { name: 'seller×hs6', of: (d) => (d.seller ? `${d.seller}|${d.hs6}` : undefined), recency: true },
  { name: 'importer×seller', of: (d) => (d.importer && d.seller ? `${d.importer}|${d.seller}` : undefined), recency: true },
  { name: 'hs6×origin', of: (d) => `${d.hs6}|${d.originCountry}`, recency: false },
  { name: 'hs6×priceBand', of: (d) => `${d.hs6}|${priceBand(d)}`, recency: false },
  { name: 'value', of: (d) => String(d.value), recency: true },
  { name: 'mass', of: (d) => String(d.netMassKg), recency: true },
  { name: 'value×mass', of: (d) => `${d.value}|${d.netMassKg}`, recency: true },
];

/** Keys whose exact-value recurrence the ablation can switch off (see bench/targeting). */
export const valueKeyNames: readonly string[] = ['value', 'mass', 'value×mass'];
/** Party identifier keys (the "id encodings" of the ablation). */
export const partyKeyNames: readonly string[] = [
  'importer',
  'declarant',
  'seller',
  'courier',
  'importer×hs6',
  'declarant×hs6',
  'seller×hs6',
  'importer×seller',
];
