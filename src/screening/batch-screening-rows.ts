/**
 * Screens a list of rows with one screener, catching per-row failures so a batch never stops on
 * one row. Customers often share a name (and qualifiers): a row identical to one already screened
 * reuses its result instead of screening it again.
 */
import type { PartyQuery } from '../core/index.js';
import type { BatchRowResult } from './batch-screening-messages.js';
import type { ScreenOptions, Screener } from './screener.js';

/** A screened row: its query (the id aside, what the result depends on), the options, the result. */
interface ScreenedRow {
  query: PartyQuery;
  optionsKey: string;
  result: BatchRowResult;
}

/**
 * Results of rows already screened, found by the row's name and then compared field by field on
 * everything of the query but its id (the screener's result does not depend on the id) and on the
 * screen options. Keyed by the name, a string the row already holds, rather than by a string made
 * of the whole row: most rows of a batch are seen once, and building and hashing that string cost
 * about 2 µs a row, a fiftieth of screening it. Bounded: cleared when full.
 */
export class ScreenedRowCache {
  private readonly byName = new Map<string, ScreenedRow[]>();
  private size = 0;
  constructor(private readonly capacity = 50_000) {}

  get(query: PartyQuery, optionsKey: string): BatchRowResult | undefined {
    const held = this.byName.get(query.name);
    if (!held) return undefined;
    for (const row of held)
      if (row.optionsKey === optionsKey && sameQuery(row.query, query)) return row.result;
    return undefined;
  }

  set(query: PartyQuery, optionsKey: string, result: BatchRowResult): void {
    if (this.size >= this.capacity) {
      this.byName.clear();
      this.size = 0;
    }
    const row = { query, optionsKey, result };
    const held = this.byName.get(query.name);
    if (held) held.push(row);
    else this.byName.set(query.name, [row]);
    this.size++;
  }
}

/** The same fields with the same values, the id aside (an absent field and an undefined one alike). */
function sameQuery(a: PartyQuery, b: PartyQuery): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const field in x) if (field !== 'id' && x[field] !== y[field]) return false;
  for (const field in y) if (field !== 'id' && x[field] !== y[field]) return false;
  return true;
}

/**
 * The query with every field of PartyQuery present, in one order (an absent one undefined), which
 * the screener reads alike. Rows of a file carry different sets of fields, and an object with
 * other fields is another hidden class to V8: the screener's optimised code, compiled for the
 * rows seen so far, is thrown away and compiled again at each new combination (a worker spends
 * more CPU compiling than on a tenth of its rows). In one shape the queries meet it as one.
 */
export function inQueryShape(query: PartyQuery): PartyQuery {
  return {
    id: query.id,
    name: query.name,
    schema: query.schema,
    birthDate: query.birthDate,
    country: query.country,
    nationality: query.nationality,
    gender: query.gender,
    idNumber: query.idNumber,
  };
}

/**
 * @example screenRows(screener, [{ id: 'c1', name: 'Joaquin Guzman', schema: 'Person' }], { threshold: 0.8 })
 */
export function screenRows(
  screener: Pick<Screener, 'screen'>,
  queries: PartyQuery[],
  options: ScreenOptions,
  cache: ScreenedRowCache = new ScreenedRowCache(),
): BatchRowResult[] {
  const optionsKey = JSON.stringify(options);
  return queries.map((query) => {
    const held = cache.get(query, optionsKey);
    if (held) return 'error' in held ? { ...held } : { matches: held.matches.slice() };
    let result: BatchRowResult;
    try {
      result = { matches: screener.screen(inQueryShape(query), options) };
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    cache.set(query, optionsKey, result);
    return result;
  });
}
