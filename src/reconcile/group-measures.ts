/**
 * The ratios of every matched group (import over export, quantity and FOB value) and what is normal
 * for them: the median and MAD of the same party pair and HS6, else the country pair and HS6, the
 * HS6, everything. Values are first put on one footing with the matcher's learnt centre for the
 * currency pair and month (exchange rate, freight), so a peso invoice in a strong-peso month is
 * not a gap and a gap is judged against its own history rather than a fixed percentage.
 */
import type { GapInput } from './gap-input.js';
import type { MatchGroup } from './record-matching.js';
import { PairIds } from './pair-ids.js';
import { BaselineBook } from './robust-baseline.js';

export const LEVELS = ['party pair × HS6', 'country pair × HS6', 'HS6', 'all'];

export interface GroupMeasure {
  group: MatchGroup;
  quantityKeys: Int32Array;
  valueKeys: Int32Array;
  /** The currencies of the two sides ('USD' or 'USD/MXN'). */
  currencyPair: string;
  /** log(import quantity / export quantity), NaN when dimensions differ. */
  rq: number;
  /** Relative rounding of the two quantities as written. */
  roundingQ: number;
  /** log(import FOB value / export FOB value) less the currency pair's usual ratio that month; NaN when not comparable. */
  rv: number;
  /** The currency pair's usual log ratio that month (0 for one currency without history). */
  valueCentre: number;
  roundingV: number;
}

export interface GroupMeasures {
  measures: GroupMeasure[];
  quantityBook: BaselineBook;
  valueBook: BaselineBook;
}

/**
 * @example
 * const { measures, quantityBook } = measureGroups(input);
 * quantityBook.baselineOf(measures[0].quantityKeys); // { level: 'party pair × HS6', median: 0, … }
 */
export function measureGroups(input: GapInput): GroupMeasures {
  const { exports, imports, match, options } = input;
  const ec = input.columns.exports;
  const ic = input.columns.imports;
  const quantityBook = new BaselineBook(LEVELS, options.minBaselineGroups);
  const valueBook = new BaselineBook(LEVELS, options.minBaselineGroups);
  const measures: GroupMeasure[] = [];
  const partyPairs = new PairIds();
  const partyHs = new PairIds();
  const countryHs = new PairIds();
  const keys = [0, 0, 0, -1];
  // Currency ids are shared by both ledgers' columns; their codes are the records' own.
  const codeOf: string[] = [];
  for (let k = 0; k < exports.length; k++) codeOf[ec.currency[k]!] ??= exports.text[exports.currency[k]!]!;
  for (let k = 0; k < imports.length; k++) codeOf[ic.currency[k]!] ??= imports.text[imports.currency[k]!]!;
  const pairNames = new Map<number, string>();
  const currencyPair = (curE: number, curI: number): string => {
    const key = curE * 65_536 + curI;
    let name = pairNames.get(key);
    if (name === undefined) {
      name = curE === curI ? codeOf[curE]! : `${codeOf[curE]}/${codeOf[curI]}`;
      pairNames.set(key, name);
    }
    return name;
  };
  for (const group of match.groups) {
    const first = group.exports[0]!;
    let qe = 0;
    let qi = 0;
    let he = 0;
    let hi = 0;
    let ve = 0;
    let vi = 0;
    let sameDimension = true;
    let sameCurrencies = true;
    const dim = ec.dimension[first]!;
    const curE = ec.currency[first]!;
    const curI = ic.currency[group.imports[0]!]!;
    for (const e of group.exports) {
      qe += ec.quantity[e]!;
      he += ec.halfStep[e]!;
      ve += ec.fob[e]!;
      if (ec.dimension[e] !== dim) sameDimension = false;
      if (ec.currency[e] !== curE) sameCurrencies = false;
    }
    for (const i of group.imports) {
      qi += ic.quantity[i]!;
      hi += ic.halfStep[i]!;
      vi += ic.fob[i]!;
      if (ic.dimension[i] !== dim) sameDimension = false;
      if (ic.currency[i] !== curI) sameCurrencies = false;
    }
    // Small-integer keys: a million groups must not build a million strings or boxed numbers.
    const hs6 = ec.hs6[first]!;
    const parties = partyPairs.id(ec.exporterParty[first]!, ec.importerParty[first]!);
    const countries = ec.country[first]! * 1024 + ic.country[group.imports[0]!]!;
    keys[0] = partyHs.id(parties, hs6);
    keys[1] = countryHs.id(countries, hs6);
    keys[2] = hs6;
    const quantityKeys = quantityBook.keyIds(keys);
    const centre = input.valueCentre(curE, curI, ec.day[first]!) ?? (curE === curI ? 0 : undefined);
    const comparable = ve > 0 && vi > 0 && sameCurrencies && centre !== undefined;
    const m: GroupMeasure = {
      group,
      quantityKeys,
      valueKeys: valueBook.keyIds(keys),
      currencyPair: currencyPair(curE, curI),
      rq: sameDimension ? Math.log(qi / qe) : Number.NaN,
      roundingQ: he / qe + hi / qi,
      rv: comparable ? Math.log(vi / ve) - centre : Number.NaN,
      valueCentre: centre ?? 0,
      roundingV: ve > 0 && vi > 0 ? 0.005 / ve + 0.005 / vi : 0,
    };
    measures.push(m);
    quantityBook.add(quantityKeys, m.rq);
    if (!Number.isNaN(m.rv)) valueBook.add(m.valueKeys, m.rv);
  }
  quantityBook.finish();
  valueBook.finish();
  return { measures, quantityBook, valueBook };
}
