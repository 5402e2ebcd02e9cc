/**
 * Screens an order file for controlled goods, the use case behind `goods screen`: reads the file
 * line by line, runs the goods engine with the store's newest catalog version, the watchlists in
 * the store (party risk) and an optional refusals file (company shopping), writes the alerts as
 * JSON lines and appends them to the one alert table (kind `goods`, idempotent on re-runs).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { type AlertSource, InputError, type RowReject, type Stores } from '../core/index.js';
import {
  type GoodsAlert,
  type GoodsRule,
  GoodsScreening,
  goodsRules,
  type PartyCheck,
  type Refusal,
  toStoredAlert,
} from '../goods/index.js';
import { readCsvObjects } from '../input/index.js';
import { currentGoodsCatalog } from './goods-catalog.js';
import { type OrderFileCounts, orderFileFormat, readOrderFile } from './goods-order-file.js';
import { ScreenerCache } from './screener-cache.js';

export interface GoodsScreenRequest {
  input: string;
  /** Where the alerts go, one JSON object per line. */
  output: string;
  refusals?: string;
  /** Bytes of the input read so far, for a progress bar. */
  onProgress?: (bytes: number, total: number) => void;
  /** Rejected lines, as they are found (all are also counted). */
  onRejected?: (reject: RowReject) => void;
  /** Said about the input as a whole (an encoding fallback), for the door to show. */
  onWarning?: (text: string) => void;
  /** A long-running door's screener cache, so party risk reuses its screener. */
  screeners?: ScreenerCache;
}

export interface GoodsScreenSummary {
  counts: OrderFileCounts;
  alerts: number;
  perRule: Record<GoodsRule, number>;
  stored: { inserted: number; unchanged: number };
  catalogVersion: string;
  /** The shipped catalog was imported into an empty store by this run. */
  importedShippedCatalog: boolean;
  /** `list@version` of each watchlist parties were screened against (empty: none in the store). */
  watchlists: string[];
  refusals: number;
  /** Lines with an identified controlled item. */
  identifiedLines: number;
  /** Milliseconds in the engine alone (reading and writing excluded). */
  engineMs: number;
}

const STORE_BATCH = 5000;

/** Reads a refusals file (CSV or JSON lines: date, seller, buyer, item[, reason]); all or nothing. */
export function readRefusals(path: string): Refusal[] {
  const text = readFileSync(path, 'utf8');
  const rows: Array<{ row: Record<string, unknown>; line: number }> = [];
  if (orderFileFormat(path) === 'jsonl') {
    text.split(/\r?\n/).forEach((t, i) => {
      if (t.trim() === '') return;
      try {
        rows.push({ row: JSON.parse(t) as Record<string, unknown>, line: i + 1 });
      } catch (error) {
        throw new InputError(`not valid JSON (${(error as Error).message})`, { file: path, line: i + 1 });
      }
    });
  } else {
    const table = readCsvObjects(text, path, { header: (c) => c.trim().toLowerCase() });
    for (const r of table.rows) rows.push({ row: r.values, line: r.line });
  }
  return rows.map(({ row, line }) => {
    const field = (name: string): string => String(row[name] ?? '').trim();
    for (const name of ['date', 'seller', 'buyer', 'item'])
      if (field(name) === '') throw new InputError(`${name} is empty`, { file: path, line, field: name });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(field('date')))
      throw new InputError(`"${field('date')}" is not a date: expected YYYY-MM-DD`, {
        file: path,
        line,
        field: 'date',
      });
    return {
      date: field('date'),
      seller: field('seller'),
      buyer: field('buyer'),
      item: field('item'),
      ...(field('reason') ? { reason: field('reason') } : {}),
    };
  });
}

/** The watchlist check for party risk over the store's newest list versions, or undefined when there are none. */
async function partyCheckFrom(
  stores: Stores,
  screeners?: ScreenerCache,
): Promise<{ check?: PartyCheck; lists: string[] }> {
  const latest = await stores.lists.latestVersions();
  if (latest.length === 0) return { lists: [] };
  // The one screener of the stores' newest list versions (a server passes its cache); reviews honoured.
  const { screener } = await (screeners ?? new ScreenerCache(stores)).current();
  const check: PartyCheck = (name) => {
    const best = screener.screen({ id: 'goods-party', name }, { limit: 1 })[0];
    return best?.match
      ? {
          list: best.list,
          listVersion: best.listVersion,
          entityId: best.entityId,
          name: best.name,
          score: best.score,
        }
      : undefined;
  };
  return { check, lists: latest.map((v) => `${v.list}@${v.id}`) };
}

/**
 * @example
 * const summary = await screenGoodsFile(stores, { input: 'orders.csv', output: 'alerts.jsonl' });
 */
export async function screenGoodsFile(
  stores: Stores,
  request: GoodsScreenRequest,
): Promise<GoodsScreenSummary> {
  const current = await currentGoodsCatalog(stores);
  const refusals = request.refusals ? readRefusals(request.refusals) : [];
  const party = await partyCheckFrom(stores, request.screeners);
  const screening = new GoodsScreening({
    catalog: current.catalog,
    catalogVersion: current.versionName,
    ...(party.check ? { partyCheck: party.check } : {}),
    refusals,
  });
  const createdAt = new Date().toISOString();
  const sources: AlertSource[] = [
    { name: 'goods-catalog', version: current.versionName },
    { name: request.input },
    ...party.lists.map((l) => ({ name: l.slice(0, l.lastIndexOf('@')), version: l })),
  ];
  const out = createWriteStream(request.output);
  const pending: GoodsAlert[] = [];
  const stored = { inserted: 0, unchanged: 0 };
  let alerts = 0;
  let engineMs = 0;
  const emit = (found: GoodsAlert[]): void => {
    for (const a of found) {
      out.write(`${JSON.stringify(a)}\n`);
      pending.push(a);
      alerts++;
    }
  };
  try {
    const counts = await readOrderFile(request.input, {
      line: (line) => {
        const t = performance.now();
        const found = screening.add(line);
        engineMs += performance.now() - t;
        emit(found);
      },
      rejected: (reject) => request.onRejected?.(reject),
      warning: (text) => request.onWarning?.(text),
      ...(request.onProgress ? { progress: request.onProgress } : {}),
    });
    const t = performance.now();
    emit(screening.finish());
    engineMs += performance.now() - t;
    for (let i = 0; i < pending.length; i += STORE_BATCH) {
      const batch = pending.slice(i, i + STORE_BATCH);
      const r = await stores.alerts.append(batch.map((a) => toStoredAlert(a, { createdAt, sources })));
      stored.inserted += r.inserted;
      stored.unchanged += r.unchanged;
    }
    const perRule = Object.fromEntries(goodsRules.map((r) => [r, screening.counts.get(r) ?? 0])) as Record<
      GoodsRule,
      number
    >;
    return {
      counts,
      alerts,
      perRule,
      stored,
      catalogVersion: current.versionName,
      importedShippedCatalog: current.importedShipped,
      watchlists: party.lists,
      refusals: refusals.length,
      identifiedLines: screening.identifiedLines,
      engineMs,
    };
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
