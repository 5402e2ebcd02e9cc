/**
 * A worker's warm-up while it waits for its first rows: V8 runs new code slowly until it has
 * optimised it, which costs a cold worker about a second of CPU over its first few thousand names
 * (measured on the 51,000-name benchmark: the first 5,000 names at about three times the steady
 * cost). A worker is started before the input file is read, so until the first chunk arrives its
 * core is idle: it screens names of the list itself (every n-th alias, never names of any input)
 * in small slices and stops at the first real message. Results go nowhere; the caches it fills
 * are memos of pure functions, so what the batch gets is the same with or without it.
 */
import type { PartyQuery } from '../core/index.js';
import { inQueryShape } from './batch-screening-rows.js';
import type { Screener } from './screener.js';

/** At most this many list names are screened to warm up. */
export const WARM_UP_NAMES = 3000;
/** Names per slice: the delay a real chunk can meet (a few milliseconds cold). */
const SLICE = 16;

const QUERY_SCHEMAS = new Set(['Person', 'Organization', 'Vessel', 'Aircraft']);

/**
 * Screens up to `limit` aliases of the screener's own lists, a slice at a time, until `busy()`
 * says real work has come; returns a promise settled when it stops, with the names screened.
 * @example
 * let busy = false;
 * port.on('message', () => { busy = true; … });
 * void warmUpWhileIdle(screener, () => busy);
 */
export function warmUpWhileIdle(
  screener: Pick<Screener, 'screen' | 'parts'>,
  busy: () => boolean,
  limit = WARM_UP_NAMES,
): Promise<number> {
  const aliases = screener.parts.aliases;
  const count = Math.min(limit, aliases.size);
  const step = count > 0 ? Math.max(1, Math.floor(aliases.size / count)) : 1;
  let done = 0;
  return new Promise((resolve) => {
    const slice = () => {
      if (busy() || done >= count) return resolve(done);
      for (let k = 0; k < SLICE && done < count; k++, done++) {
        const prepared = aliases.get(done * step);
        const query: PartyQuery = { id: 'warm-up', name: prepared.original };
        if (QUERY_SCHEMAS.has(prepared.schema)) query.schema = prepared.schema as PartyQuery['schema'];
        try {
          // In the shape of the batch's queries (screenRows), so the code optimised here fits them.
          screener.screen(inQueryShape(query));
        } catch {
          // A list name the query rules refuse (too long): warming up needs no result.
        }
      }
      // Back to the event loop between slices, where a real chunk is noticed.
      setImmediate(slice);
    };
    setImmediate(slice);
  });
}
