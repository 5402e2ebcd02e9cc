/**
 * The record columns matching and gap detection read, in the units they compare: quantities in
 * base units, values on the FOB basis, currencies and countries as ids shared by both ledgers,
 * party spellings as name-matcher ids — each distinct string looked up once, not once per row.
 */
import type { LedgerTable } from './ledger-table.js';
import type { PartyDirectory } from './party-directory.js';

export interface MatchColumns {
  day: Int32Array;
  /** The HS6 as a number. */
  hs6: Int32Array;
  quantity: Float64Array;
  halfStep: Float64Array;
  dimension: Uint8Array;
  /** Value on the FOB basis (CIF divided by 1 + the freight-and-insurance factor). */
  fob: Float64Array;
  currency: Int32Array;
  /** Exports: the destination; imports: the declared origin (interned country codes). */
  country: Int32Array;
  routed: Uint8Array;
  /** Interned spellings (PartyDirectory ids) of the exporter, the importer and the end user (-1: none). */
  exporterName: Int32Array;
  importerName: Int32Array;
  endUserName: Int32Array;
  /** The parties those spellings resolve to; filled by `assignParties` once the directory is resolved. */
  exporterParty: Int32Array;
  importerParty: Int32Array;
}

/** Currency and country codes as small integers, shared by both ledgers so the ids compare. */
export interface CodeBook {
  currencies: Map<string, number>;
  countries: Map<string, number>;
}

/** The id of a code (interned). */
export function codeId(map: Map<string, number>, code: string): number {
  let id = map.get(code);
  if (id === undefined) {
    id = map.size;
    map.set(code, id);
  }
  return id;
}

/**
 * Lays out the columns, with currencies and countries interned in `codes`.
 *
 * @example
 * const codes = { currencies: new Map(), countries: new Map() };
 * const ec = matchColumns(exports, 0.1, codes, parties);
 */
export function matchColumns(
  table: LedgerTable,
  factor: number,
  codes: CodeBook,
  parties: PartyDirectory,
): MatchColumns {
  const n = table.length;
  // Per distinct string of the table: its code or party-spelling id (-1: not yet looked up).
  const currencyOf = new Int32Array(table.text.length).fill(-1);
  const countryOf = new Int32Array(table.text.length).fill(-1);
  const nameOf = new Int32Array(table.text.length).fill(-1);
  const lookUp = (memo: Int32Array, id: number, find: (s: string) => number): number => {
    let v = memo[id]!;
    if (v < 0) {
      v = find(table.text[id]!);
      memo[id] = v;
    }
    return v;
  };
  const currency = (s: string) => codeId(codes.currencies, s);
  const country = (s: string) => codeId(codes.countries, s);
  const name = (s: string) => parties.id(s);
  const c: MatchColumns = {
    day: table.day,
    hs6: table.hs6,
    quantity: table.baseQuantity,
    halfStep: table.quantityHalfStep,
    dimension: table.dimension,
    fob: new Float64Array(n),
    currency: new Int32Array(n),
    country: new Int32Array(n),
    routed: new Uint8Array(n),
    exporterName: new Int32Array(n),
    importerName: new Int32Array(n),
    endUserName: new Int32Array(n),
    exporterParty: new Int32Array(n),
    importerParty: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    c.fob[k] = table.valueBasis[k] === 1 ? table.value[k]! / (1 + factor) : table.value[k]!;
    c.currency[k] = lookUp(currencyOf, table.currency[k]!, currency);
    c.country[k] = lookUp(countryOf, table.country[k]!, country);
    c.routed[k] = table.via[k] !== 0 ? 1 : 0;
    c.exporterName[k] = lookUp(nameOf, table.exporter[k]!, name);
    c.importerName[k] = lookUp(nameOf, table.importer[k]!, name);
    c.endUserName[k] = table.endUser[k] === 0 ? -1 : lookUp(nameOf, table.endUser[k]!, name);
  }
  return c;
}

/** Fills the party columns from the resolved directory. */
export function assignParties(c: MatchColumns, parties: PartyDirectory): void {
  for (let k = 0; k < c.exporterName.length; k++) {
    c.exporterParty[k] = parties.party(c.exporterName[k]!);
    c.importerParty[k] = parties.party(c.importerName[k]!);
  }
}
