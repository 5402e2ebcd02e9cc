/**
 * The record columns matching and gap detection read, laid out once as typed arrays: a million
 * records read as numbers in a row rather than a million objects chased field by field.
 */
import type { LedgerRecord } from './ledger-record.js';
import type { PartyDirectory } from './party-directory.js';

export interface MatchColumns {
  day: Int32Array;
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

const dimensionCode = { mass: 0, volume: 1, count: 2 } as const;

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
  records: readonly LedgerRecord[],
  factor: number,
  codes: CodeBook,
  parties: PartyDirectory,
): MatchColumns {
  const n = records.length;
  const c: MatchColumns = {
    day: new Int32Array(n),
    quantity: new Float64Array(n),
    halfStep: new Float64Array(n),
    dimension: new Uint8Array(n),
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
    const r = records[k]!;
    c.day[k] = r.day;
    c.quantity[k] = r.baseQuantity;
    c.halfStep[k] = r.quantityHalfStep;
    c.dimension[k] = dimensionCode[r.dimension];
    c.fob[k] = r.valueBasis === 'CIF' ? r.value / (1 + factor) : r.value;
    c.currency[k] = codeId(codes.currencies, r.currency);
    c.country[k] = codeId(codes.countries, r.country);
    c.routed[k] = r.via.length > 0 ? 1 : 0;
    c.exporterName[k] = parties.id(r.exporter);
    c.importerName[k] = parties.id(r.importer);
    c.endUserName[k] = r.endUser ? parties.id(r.endUser) : -1;
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
