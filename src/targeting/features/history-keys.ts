/**
 * The identifiers and identifier pairs whose past record (how often seen, how often fraud) is a
 * risk signal: the high-cardinality ids of a declaration, the HS hierarchy, countries, and
 * exact declared values, which repeat across declarations of the same trade.
 */
import type { Declaration } from '../declaration.js';

/** One part of a key: strings for ids and codes, numbers for amounts (cheap to hash, no concatenation). */
export type KeyPart = string | number;

export interface HistoryKey {
  name: string;
  /** The key's first part, or undefined when the declaration has none (blank seller). */
  first(d: Declaration): KeyPart | undefined;
  /** The second part of a pair key. */
  second?: (d: Declaration) => KeyPart | undefined;
  /** Whether "days since last seen" is informative for this key (ids, not categories). */
  recency: boolean;
}

const blankless = (v: string) => (v === '' ? undefined : v);

/** Log unit price rounded to half-units of e: a coarse "price band" within an HS code. */
export function priceBand(d: Declaration): number {
  return Math.round(Math.log((d.value + 1) / (d.netMassKg + 1)) * 2);
}

// Digit arithmetic instead of slicing and parsing: this runs for every scored declaration.
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const hs2 = (d: Declaration) => digit(d.hs6, 0) * 10 + digit(d.hs6, 1);
const hs4 = (d: Declaration) => hs2(d) * 100 + digit(d.hs6, 2) * 10 + digit(d.hs6, 3);

/** Every key the history keeps, in feature order. */
export const historyKeys: readonly HistoryKey[] = [
  { name: 'importer', first: (d) => blankless(d.importer), recency: true },
  { name: 'declarant', first: (d) => blankless(d.declarant), recency: true },
  { name: 'seller', first: (d) => blankless(d.seller), recency: true },
  { name: 'courier', first: (d) => blankless(d.courier), recency: false },
  { name: 'office', first: (d) => blankless(d.office), recency: false },
  { name: 'hs6', first: (d) => d.hs6, recency: true },
  { name: 'hs4', first: hs4, recency: false },
  { name: 'hs2', first: hs2, recency: false },
  { name: 'departure', first: (d) => blankless(d.departureCountry), recency: false },
  { name: 'origin', first: (d) => blankless(d.originCountry), recency: false },
  { name: 'importType×use', first: (d) => d.importType, second: (d) => d.importUse, recency: false },
  { name: 'taxType×rate', first: (d) => d.taxType, second: (d) => d.taxRate, recency: false },
  { name: 'importer×hs6', first: (d) => blankless(d.importer), second: (d) => d.hs6, recency: true },
  { name: 'declarant×hs6', first: (d) => blankless(d.declarant), second: (d) => d.hs6, recency: true },
  { name: 'seller×hs6', first: (d) => blankless(d.seller), second: (d) => d.hs6, recency: true },
  { name: 'hs6×origin', first: (d) => d.hs6, second: (d) => d.originCountry, recency: false },
  { name: 'hs6×priceBand', first: (d) => d.hs6, second: priceBand, recency: false },
  { name: 'value', first: (d) => d.value, recency: true },
  { name: 'mass', first: (d) => d.netMassKg, recency: true },
  { name: 'value×mass', first: (d) => d.value, second: (d) => d.netMassKg, recency: true },
];

/** Keys of exact declared amounts (value, mass): the ablation switches them off. */
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
];
