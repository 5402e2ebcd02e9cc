/**
 * The conformance suite every AlertStore implementation must pass: idempotent all-or-nothing
 * appends, every filter, each sort with cursor paging that neither skips nor repeats an alert,
 * and the workflow columns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Alert,
  type AlertKind,
  type AlertRecord,
  type AlertStore,
  alertId,
  InputError,
  type Stores,
} from '../core/index.js';
import type { StoreImplementation } from './store-implementations.js';

interface AlertSpec {
  kind?: AlertKind;
  subject?: string;
  rule?: string;
  key?: string;
  score?: number;
  severity?: Alert['severity'];
  createdAt?: string;
  sources?: Alert['sources'];
  parties?: string[];
}

function makeAlert(spec: AlertSpec = {}): Alert {
  const kind = spec.kind ?? 'warning';
  const subject = spec.subject ?? 'fentanyl|TX';
  const rule = { name: spec.rule ?? 'noufaily', version: '1' };
  return {
    id: alertId(kind, subject, rule, spec.key ?? '2024-W07'),
    kind,
    subject,
    rule,
    score: spec.score ?? 2.5,
    ...(spec.severity !== undefined && { severity: spec.severity }),
    evidence: { summary: `${subject} raised by ${rule.name}`, data: { key: spec.key ?? '2024-W07', n: 12 } },
    sources: spec.sources ?? [{ name: 'reports.csv', sha256: 'abc' }],
    ...(spec.parties !== undefined && { parties: spec.parties }),
    createdAt: spec.createdAt ?? '2024-03-01T00:00:00.000Z',
  };
}

/** Every page of a listing, following cursors to the end. */
async function allPages(
  store: AlertStore,
  query: Parameters<AlertStore['list']>[0],
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.list({ ...query, ...(cursor !== undefined && { cursor }) });
    ids.push(...page.alerts.map((a) => a.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined && pages < 1000);
  return { ids, pages };
}

/**
 * @example
 * for (const impl of storeImplementations()) runAlertStoreConformance(impl);
 */
export function runAlertStoreConformance(implementation: StoreImplementation): void {
  describe(`${implementation.name} AlertStore (conformance)`, () => {
    let stores: Stores | undefined;
    const open = async (): Promise<AlertStore> => {
      stores = await implementation.open();
      return stores.alerts;
    };
    afterEach(async () => {
      await stores?.close();
      stores = undefined;
    });

    it('starts empty', async () => {
      const s = await open();
      expect(await s.list()).toEqual({ alerts: [] });
      expect(await s.count()).toBe(0);
      expect(await s.get('warning-nope')).toBeUndefined();
    });

    it('stores alerts open and unassigned, and returns them whole by id', async () => {
      const s = await open();
      const alert = makeAlert({
        severity: 'high',
        parties: ['Joaquin Guzman'],
        sources: [{ name: 'us-ofac-sdn', version: '3' }],
      });
      expect(await s.append([alert])).toEqual({ inserted: 1, unchanged: 0 });
      const stored = await s.get(alert.id);
      expect(stored).toEqual({ ...alert, status: 'open' });
      expect(stored?.assignee).toBeUndefined();
      expect(stored?.caseId).toBeUndefined();
      expect(stored?.disposition).toBeUndefined();
    });

    it('is idempotent on id: a re-run leaves the stored alert and its workflow as they were', async () => {
      const s = await open();
      const first = makeAlert({ key: '2024-W07' });
      await s.append([first]);
      await s.setWorkflow([first.id], { status: 'in-review', assignee: 'ana' });
      const again = await s.append([
        { ...first, score: 9, createdAt: '2025-01-01T00:00:00.000Z' },
        makeAlert({ key: '2024-W09' }),
      ]);
      expect(again).toEqual({ inserted: 1, unchanged: 1 });
      expect(await s.count()).toBe(2);
      expect(await s.get(first.id)).toMatchObject({ score: 2.5, status: 'in-review', assignee: 'ana' });
      // The same id twice in one batch is stored once.
      expect(await s.append([makeAlert({ key: 'x' }), makeAlert({ key: 'x' })])).toEqual({
        inserted: 1,
        unchanged: 1,
      });
    });

    it('rejects an invalid alert and stores nothing of its batch', async () => {
      const s = await open();
      const bad = { ...makeAlert({ key: '1' }), subject: '' };
      await expect(s.append([makeAlert({ key: '2' }), bad])).rejects.toThrow();
      expect(await s.count()).toBe(0);
    });

    it('filters on kind, rule, severity, subject, dates and list version, and counts the same', async () => {
      const s = await open();
      await s.append([
        makeAlert({ key: 'a', severity: 'medium', createdAt: '2024-03-01T00:00:00.000Z' }),
        makeAlert({
          key: 'b',
          subject: 'xylazine|*',
          rule: 'novelty',
          severity: 'high',
          createdAt: '2024-03-02T00:00:00.000Z',
        }),
        makeAlert({
          kind: 'screening',
          subject: 'C-1',
          rule: 'watchlist-name-match',
          key: 'us-ofac-sdn:6861',
          sources: [{ name: 'us-ofac-sdn', version: '3' }, { name: 'customers.csv' }],
          createdAt: '2024-03-03T00:00:00.000Z',
        }),
        makeAlert({
          kind: 'screening',
          subject: 'C-2',
          rule: 'watchlist-name-match',
          key: 'un-sc:QDi.1',
          sources: [{ name: 'un-sc', version: '4' }],
          createdAt: '2024-03-04T00:00:00.000Z',
        }),
        makeAlert({
          kind: 'screening',
          subject: 'C-3',
          rule: 'watchlist-name-match',
          key: 'us-ofac-sdn:1',
          sources: [{ name: 'us-ofac-sdn', version: '5' }],
          createdAt: '2024-03-05T00:00:00.000Z',
        }),
      ]);
      const subjects = async (filter: Parameters<AlertStore['list']>[0]) =>
        (await s.list(filter)).alerts.map((a) => a.subject);
      expect(await subjects({})).toEqual(['C-3', 'C-2', 'C-1', 'xylazine|*', 'fentanyl|TX']);
      expect(await subjects({ kind: 'warning' })).toEqual(['xylazine|*', 'fentanyl|TX']);
      expect(await subjects({ rule: 'novelty' })).toEqual(['xylazine|*']);
      expect(await subjects({ rule: 'glrnb' })).toEqual([]);
      expect(await subjects({ severity: 'high' })).toEqual(['xylazine|*']);
      expect(await subjects({ subject: 'fentanyl|TX' })).toEqual(['fentanyl|TX']);
      expect(
        await subjects({ createdFrom: '2024-03-02T00:00:00.000Z', createdTo: '2024-03-03T00:00:00.000Z' }),
      ).toEqual(['C-1', 'xylazine|*']);
      expect(await subjects({ listVersion: 'us-ofac-sdn@3' })).toEqual(['C-1']);
      expect(await subjects({ listVersion: 'us-ofac-sdn' })).toEqual(['C-3', 'C-1']);
      expect(await subjects({ listVersion: 'un-sc@3' })).toEqual([]);
      expect(await subjects({ kind: 'screening', listVersion: 'un-sc' })).toEqual(['C-2']);
      expect(await s.count({ kind: 'screening' })).toBe(3);
      expect(await s.count({ listVersion: 'us-ofac-sdn' })).toBe(2);
      expect(await s.count({ kind: 'warning', severity: 'medium' })).toBe(1);
    });

    it('pages through every sort with cursors, never skipping or repeating an alert', async () => {
      const s = await open();
      const alerts: Alert[] = [];
      for (let i = 0; i < 23; i++) {
        // Shared timestamps and scores, so the id must break ties for paging to be stable.
        alerts.push(
          makeAlert({
            key: `k${i}`,
            score: (i % 4) / 2,
            createdAt: `2024-03-${String(1 + (i % 5)).padStart(2, '0')}T00:00:00.000Z`,
          }),
        );
      }
      await s.append(alerts);
      const byNewest = [...alerts]
        .sort((a, b) =>
          a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
        )
        .map((a) => a.id);
      const byScore = [...alerts]
        .sort((a, b) => (a.score === b.score ? (a.id < b.id ? 1 : -1) : b.score - a.score))
        .map((a) => a.id);
      const newest = await allPages(s, { limit: 5 });
      expect(newest.ids).toEqual(byNewest);
      expect(newest.pages).toBe(5);
      expect((await allPages(s, { limit: 5, sort: 'oldest' })).ids).toEqual([...byNewest].reverse());
      expect((await allPages(s, { limit: 4, sort: 'score' })).ids).toEqual(byScore);
      // An exact last page carries no cursor.
      const whole = await s.list({ limit: 23 });
      expect(whole.alerts).toHaveLength(23);
      expect(whole.nextCursor).toBeUndefined();
      // Filters hold across pages.
      await s.setWorkflow(byNewest.slice(0, 7), { status: 'closed', disposition: 'not-relevant' });
      const stillOpen = await allPages(s, { status: 'open', limit: 3 });
      expect(stillOpen.ids).toEqual(byNewest.slice(7));
    });

    it('refuses a cursor it did not make, or one made for another sort, and a bad page size', async () => {
      const s = await open();
      await s.append([makeAlert({ key: '1' }), makeAlert({ key: '2' })]);
      const first = await s.list({ limit: 1 });
      expect(first.nextCursor).toBeDefined();
      await expect(s.list({ cursor: 'not-a-cursor' })).rejects.toThrow(InputError);
      await expect(s.list({ cursor: first.nextCursor!, sort: 'score' })).rejects.toThrow(/cursor/);
      await expect(s.list({ limit: 0 })).rejects.toThrow(InputError);
      expect((await s.list({ limit: 5000 })).alerts).toHaveLength(2);
    });

    it('sets and clears workflow fields, and filters on them', async () => {
      const s = await open();
      const [a, b, c] = [makeAlert({ key: 'a' }), makeAlert({ key: 'b' }), makeAlert({ key: 'c' })];
      await s.append([a, b, c]);
      expect(
        await s.setWorkflow([a.id, b.id, 'warning-missing'], { status: 'in-review', assignee: 'ana' }),
      ).toBe(2);
      expect(await s.setWorkflow([b.id], { status: 'escalated', caseId: 'case-1' })).toBe(1);
      const escalated = (await s.get(b.id)) as AlertRecord;
      expect(escalated).toMatchObject({ status: 'escalated', assignee: 'ana', caseId: 'case-1' });
      expect(escalated.updatedAt).toBeDefined();
      expect(await s.count({ assignee: 'ana' })).toBe(2);
      expect((await s.list({ caseId: 'case-1' })).alerts.map((x) => x.id)).toEqual([b.id]);
      expect(await s.count({ status: 'open' })).toBe(1);
      await s.setWorkflow([b.id], { status: 'closed', disposition: 'false-positive', assignee: null });
      const closed = (await s.get(b.id)) as AlertRecord;
      expect(closed).toMatchObject({ status: 'closed', disposition: 'false-positive', caseId: 'case-1' });
      expect(closed.assignee).toBeUndefined();
      expect(await s.setWorkflow([], { status: 'closed' })).toBe(0);
      expect(await s.setWorkflow([a.id], {})).toBe(0);
      // The alert as raised is untouched by its workflow.
      const { status, assignee, caseId, disposition, updatedAt, ...raised } = closed;
      expect(raised).toEqual(b);
    });
  });
}
