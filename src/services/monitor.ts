/**
 * `monitor`: the nightly job after `lists update`. Screens the stored customer base against what
 * changed since the last run: each list's entities added or changed since the version last
 * monitored are looked up among the customers through the customer name index, and only the
 * customers they point at are scored. New matches become alerts (deterministic ids, so a match
 * already alerted is not raised twice); entities removed from a list close their open alerts;
 * reviewed false positives apply. A new customer base (or the first run) is screened whole.
 */
import type {
  Alert,
  Entity,
  ListVersion,
  MonitorState,
  PartyQuery,
  ReviewedFalsePositive,
  Stores,
} from '../core/index.js';
import { alertId } from '../core/index.js';
import {
  type ChangedEntity,
  type CustomerMatch,
  customersNearEntities,
  entityContentHash,
  openOrBuildScreener,
  screenCustomersAgainst,
  snapshotFolder,
} from '../screening/index.js';
import { customerIndexFor } from './customer-index-cache.js';
import { ServiceError } from './service-error.js';

/** The rule monitoring alerts are raised under; its version changes only if what an alert means does. */
export const MONITOR_RULE = { name: 'watchlist-monitor', version: '1' } as const;

/** Customers screened per step when a whole base is screened. */
const PAGE = 5_000;

export interface MonitorOptions {
  /** Match threshold; default the matcher's. */
  threshold?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Progress lines for the operator (stderr). */
  log?: (line: string) => void;
}

export interface MonitoredList {
  list: string;
  /** The version last monitored (absent: none). */
  from?: number;
  to: number;
  added: number;
  changed: number;
  removed: number;
}

export interface MonitorResult {
  customerVersion: number;
  customers: number;
  /** `changes`: only what changed was screened; `whole-base`: every customer against every list. */
  mode: 'changes' | 'whole-base';
  lists: MonitoredList[];
  /** Customers scored (those the changed entities pointed at, or the whole base). */
  customersScored: number;
  alertsRaised: number;
  /** Matches already alerted by an earlier run. */
  alertsAlreadyRaised: number;
  alertsClosed: number;
  seconds: number;
}

/**
 * @example
 * const result = await runMonitor(stores);
 * console.log(`${result.alertsRaised} new alerts`);
 */
export async function runMonitor(stores: Stores, options: MonitorOptions = {}): Promise<MonitorResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const now = (options.now ?? (() => new Date()))();
  const base = await stores.customers.latestBase();
  if (!base) {
    throw new ServiceError('invalid', 'no customer base stored: run `sentinela customers import FILE` first');
  }
  const latest = await stores.lists.latestVersions();
  if (latest.length === 0) {
    throw new ServiceError(
      'invalid',
      'no lists stored: run `sentinela lists import` or `sentinela lists update` first',
    );
  }
  const state = await stores.customers.monitorState();
  const reviews = await stores.reviews.reviews();
  const threshold = options.threshold;
  let matches: CustomerMatch[];
  let customersScored: number;
  const lists: MonitoredList[] = [];
  let removed: Array<{ list: string; entityId: string }> = [];
  let mode: MonitorResult['mode'];

  if (!state || state.customerVersion !== base.id) {
    mode = 'whole-base';
    log(`monitor: customer base ${base.id} not monitored yet; screening all ${base.customerCount} customers`);
    ({ matches, customersScored } = await screenWholeBase(
      stores,
      latest,
      base.id,
      base.customerCount,
      reviews,
      threshold,
    ));
    for (const v of latest) {
      const from = state?.lists[v.list];
      lists.push({
        list: v.list,
        ...(from === undefined ? {} : { from }),
        to: v.id,
        added: v.entityCount,
        changed: 0,
        removed: 0,
      });
    }
  } else {
    mode = 'changes';
    const changed: ChangedEntity[] = [];
    for (const v of latest) {
      const from = state.lists[v.list];
      if (from === v.id) continue;
      const diff = await listChanges(stores, from, v);
      lists.push({ list: v.list, ...(from === undefined ? {} : { from }), to: v.id, ...diff.counts });
      changed.push(...diff.changed);
      removed.push(...diff.removed.map((entityId) => ({ list: v.list, entityId })));
    }
    if (changed.length === 0) {
      matches = [];
      customersScored = 0;
    } else {
      const { index, built } = await customerIndexFor(stores, base);
      if (built) log(`monitor: built the name index of customer base ${base.id}`);
      const near = customersNearEntities(index, changed);
      const numbers = [...near.keys()].sort((a, b) => a - b);
      const found = await stores.customers.customersByNumber(base.id, numbers);
      const customers = found.map((customer, i) => ({ customer, changed: near.get(numbers[i]!)! }));
      customersScored = customers.length;
      matches = screenCustomersAgainst(customers, changed, {
        reviews,
        ...(threshold === undefined ? {} : { threshold }),
      });
    }
    removed = removed.filter((r) => r.entityId);
  }

  const alerts = matches.map((m) => monitorAlert(m, now));
  const appended = alerts.length > 0 ? await stores.alerts.append(alerts) : { inserted: 0, unchanged: 0 };
  const alertsClosed = await closeAlertsOfRemoved(stores, removed);
  const newState: MonitorState = {
    customerVersion: base.id,
    lists: Object.fromEntries(latest.map((v) => [v.list, v.id])),
    monitoredAt: now.toISOString(),
  };
  await stores.customers.saveMonitorState(newState);
  return {
    customerVersion: base.id,
    customers: base.customerCount,
    mode,
    lists,
    customersScored,
    alertsRaised: appended.inserted,
    alertsAlreadyRaised: appended.unchanged,
    alertsClosed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Entities added, changed (content hash differs) and removed between two versions of a list. */
async function listChanges(
  stores: Stores,
  from: number | undefined,
  to: ListVersion,
): Promise<{
  changed: ChangedEntity[];
  removed: string[];
  counts: { added: number; changed: number; removed: number };
}> {
  const current = await stores.lists.entities(to.id);
  const previous = from === undefined ? [] : await stores.lists.entities(from);
  const before = new Map<string, string>(previous.map((e) => [e.id, entityContentHash(e)]));
  const changed: ChangedEntity[] = [];
  let added = 0;
  let modified = 0;
  const seen = new Set<string>();
  for (const entity of current) {
    seen.add(entity.id);
    const held = before.get(entity.id);
    if (held === undefined) added++;
    else if (held !== entityContentHash(entity)) modified++;
    else continue;
    changed.push({ list: to.list, version: String(to.id), entity });
  }
  const removed = previous.filter((e: Entity) => !seen.has(e.id)).map((e) => e.id);
  return { changed, removed, counts: { added, changed: modified, removed: removed.length } };
}

/** Every customer of the base against every list (first run, or a new base). */
async function screenWholeBase(
  stores: Stores,
  latest: ListVersion[],
  baseId: number,
  count: number,
  reviews: ReviewedFalsePositive[],
  threshold: number | undefined,
): Promise<{ matches: CustomerMatch[]; customersScored: number }> {
  const versions = latest.map((v) => ({ list: v.list, version: String(v.id), contentHash: v.contentHash }));
  const loadLists = async () =>
    Promise.all(
      latest.map(async (v) => ({
        list: v.list,
        version: String(v.id),
        entities: await stores.lists.entities(v.id),
      })),
    );
  const { screener } =
    stores.cacheLocation === ':memory:'
      ? { screener: (await import('../screening/index.js')).createScreener(await loadLists(), { reviews }) }
      : await openOrBuildScreener(snapshotFolder(stores.cacheLocation), versions, loadLists, { reviews });
  const matches: CustomerMatch[] = [];
  for (let from = 0; from < count; from += PAGE) {
    const page: PartyQuery[] = await stores.customers.customers(baseId, { from, limit: PAGE });
    for (const customer of page) {
      for (const match of screener.screen(customer, threshold === undefined ? {} : { threshold })) {
        if (match.match) matches.push({ customer, match });
      }
    }
  }
  return { matches, customersScored: count };
}

function monitorAlert({ customer, match }: CustomerMatch, now: Date): Alert {
  return {
    id: alertId('screening', customer.id, MONITOR_RULE, `${match.list}\u0000${match.entityId}`),
    kind: 'screening',
    subject: customer.id,
    rule: { ...MONITOR_RULE },
    score: match.score,
    severity: match.score >= 0.9 ? 'high' : 'medium',
    evidence: {
      summary: `Customer "${customer.name}" matches ${match.list} ${match.entityId} "${match.name}" (alias "${match.matchedAlias}", score ${match.score.toFixed(2)}) in ${match.list}@${match.listVersion}.`,
      data: {
        customer,
        list: match.list,
        entityId: match.entityId,
        entityName: match.name,
        matchedAlias: match.matchedAlias,
        explanation: match.explanation,
        algorithm: match.algorithm,
      },
    },
    sources: [{ name: match.list, version: match.listVersion }],
    parties: [customer.name],
    createdAt: now.toISOString(),
  };
}

/** Closes the open monitoring alerts of entities no longer listed; returns how many. */
async function closeAlertsOfRemoved(
  stores: Stores,
  removed: ReadonlyArray<{ list: string; entityId: string }>,
): Promise<number> {
  if (removed.length === 0) return 0;
  const gone = new Set(removed.map((r) => `${r.list}\u0000${r.entityId}`));
  const ids: string[] = [];
  // Only alerts nobody has started on: one an analyst is working stays for them to close.
  for (const status of ['open'] as const) {
    let cursor: string | undefined;
    do {
      const page = await stores.alerts.list({
        kind: 'screening',
        rule: MONITOR_RULE.name,
        status,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const alert of page.alerts) {
        const data = alert.evidence.data as { list?: string; entityId?: string };
        if (gone.has(`${data.list}\u0000${data.entityId}`)) ids.push(alert.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return ids.length > 0 ? stores.alerts.setWorkflow(ids, { status: 'closed' }) : 0;
}
