import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AlertSchema, type Entity, type Stores } from '../core/index.js';
import { testEntities } from '../screening/screener-test-entities.js';
import { openStores } from '../store/index.js';
import {
  readBatchInput,
  recordReview,
  ScreenerCache,
  ServiceError,
  screenFile,
  screeningRuleName,
  screenParty,
} from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-services-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stores: Stores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

async function storesWith(entities: Entity[] = testEntities): Promise<Stores> {
  stores = await openStores(':memory:');
  await stores.lists.saveVersion({ list: 'test-list', format: 'csv', files: [], entities });
  return stores;
}

describe('ScreenerCache', () => {
  it('keeps one screener until a list version or a review changes, then rebuilds once', async () => {
    const s = await storesWith();
    const cache = new ScreenerCache(s);
    const first = await cache.current();
    expect(await cache.current()).toBe(first);
    expect(first.versions.map((v) => v.list)).toEqual(['test-list']);

    await s.lists.saveVersion({
      list: 'test-list',
      format: 'csv',
      files: [],
      entities: testEntities.slice(0, 3),
    });
    const afterImport = await cache.current();
    expect(afterImport).not.toBe(first);
    expect(afterImport.screener.entityCount).toBe(3);
    expect(await cache.current()).toBe(afterImport);

    await recordReview(s, {
      query: { id: 'c1', name: 'Joaquin Guzman Loera' },
      list: 'test-list',
      entityId: 'P1',
      analyst: 'ana',
      reason: 'different person',
    });
    const afterReview = await cache.current();
    expect(afterReview).not.toBe(afterImport);
    expect(afterReview.reviews).toHaveLength(1);
  });

  it('says the store holds no lists, or not the named one, as not-found', async () => {
    stores = await openStores(':memory:');
    await expect(new ScreenerCache(stores).current()).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no lists in the store at :memory:.*sentinela lists import/),
    });
    const s = await storesWith();
    await expect(new ScreenerCache(s).current(['nope'])).rejects.toThrow(ServiceError);
  });
});

describe('screenParty', () => {
  it('screens against the stored lists and honours a reviewed false positive', async () => {
    const s = await storesWith();
    const query = { id: 'c1', name: 'Joaquin Guzman Loera' };
    const before = await screenParty(s, query);
    expect(before.matches[0]).toMatchObject({ entityId: 'P1', list: 'test-list', match: true });
    await recordReview(s, { query, list: 'test-list', entityId: 'P1', analyst: 'ana', reason: 'born 1990' });
    const after = await screenParty(s, query);
    expect(after.matches.map((m) => m.entityId)).not.toContain('P1');
  });

  it('files its matches as screening alerts once, with the list version as a source', async () => {
    const s = await storesWith();
    const query = { id: 'c1', name: 'Joaquin Guzman Loera', birthDate: '1957-04-04' };
    const result = await screenParty(s, query, { recordAlerts: { subject: 'customer c1' } });
    const hits = result.matches.filter((m) => m.match);
    expect(hits.length).toBeGreaterThan(0);
    expect(result.alerts).toEqual({ inserted: hits.length, unchanged: 0 });
    expect((await screenParty(s, query, { recordAlerts: { subject: 'customer c1' } })).alerts).toEqual({
      inserted: 0,
      unchanged: hits.length,
    });
    const { alerts } = await s.alerts.list({ kind: 'screening', listVersion: 'test-list@1' });
    expect(alerts).toHaveLength(hits.length);
    const alert = alerts.find((a) => (a.evidence.data.entity as { id: string }).id === 'P1')!;
    expect(AlertSchema.parse(alert)).toBeTruthy();
    expect(alert).toMatchObject({
      kind: 'screening',
      subject: 'customer c1',
      rule: { name: screeningRuleName },
      status: 'open',
      parties: ['Joaquin Guzman Loera'],
      sources: [{ name: 'test-list', version: '1' }],
    });
    expect(alert.evidence.summary).toMatch(
      /^"Joaquin Guzman Loera" matches test-list:P1 GUZMAN LOERA, Joaquin/,
    );
    expect(alert.evidence.data.features).toEqual(hits.find((m) => m.entityId === 'P1')!.explanation);
  });
});

describe('screenFile', () => {
  it('writes one line per row, returns rejects, counts in = screened + rejected, and files the hits', async () => {
    const s = await storesWith();
    const input = join(dir, 'parties.csv');
    writeFileSync(
      input,
      'id,name,birth_date\nC1,Joaquin Guzman Loera,1957-04-04\nC2,,\nC3,Patricia Wheeler,\nC4,Ismael Zambada Garcia,1948\n',
    );
    const output = join(dir, 'out.jsonl');
    const progress: number[] = [];
    const { summary, rejects, recorded } = await screenFile(s, {
      input,
      output,
      workers: 0,
      recordAlerts: true,
      onProgress: (done) => progress.push(done),
    });
    expect(summary).toMatchObject({ rowsRead: 4, screened: 3, rejected: 1, alerts: 2, workers: 0 });
    expect(rejects).toEqual([expect.objectContaining({ line: 3, field: 'name' })]);
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(lines[1].rejected).toMatchObject({ line: 3, field: 'name' });
    expect(progress.at(-1)).toBe(3);
    expect(recorded?.inserted).toBeGreaterThanOrEqual(2);
    expect(new Set((await s.alerts.list({ kind: 'screening' })).alerts.map((a) => a.subject))).toEqual(
      new Set(['C1', 'C4']),
    );
    const again = await screenFile(s, { input, output, workers: 0, recordAlerts: true });
    expect(again.recorded).toEqual({ inserted: 0, unchanged: recorded!.inserted });
  });
});

describe('readBatchInput', () => {
  it('reads a semicolon CSV in Windows-1252 and rejects a repeated id naming the first line', () => {
    const input = join(dir, 'excel.csv');
    // "Peña" and "Núñez" in Windows-1252, as European Excel saves them.
    writeFileSync(
      input,
      Buffer.concat([
        Buffer.from('id;name\r\nC1;Jos'),
        Buffer.from([0xe9]),
        Buffer.from(' Pe'),
        Buffer.from([0xf1]),
        Buffer.from('a\r\nC1;Ana N'),
        Buffer.from([0xfa, 0xf1]),
        Buffer.from('ez\r\n'),
      ]),
    );
    const { rows, warnings } = readBatchInput(input);
    expect(rows[0]).toEqual({ line: 2, query: { id: 'C1', name: 'José Peña' } });
    expect(rows[1]).toMatchObject({
      line: 3,
      reject: { field: 'id', reason: expect.stringMatching(/line 2/) },
    });
    expect(warnings.join(' ')).toMatch(/1252/);
  });
});
