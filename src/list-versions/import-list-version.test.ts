import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema, InputError, type ParsedList } from '../core/index.js';
import type { ListStore } from '../core/index.js';
import { openStores } from '../store/index.js';
import { importListVersion } from './import-list-version.js';

function org(id: string, name: string, programs: string[] = []): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    programs,
  });
}

function parsed(entities: Entity[], extra: Partial<ParsedList> = {}): ParsedList {
  return {
    list: 'us-ofac-sdn',
    format: 'ofac-csv',
    files: [{ path: 'sdn.csv', sha256: '00', bytes: 1 }],
    partial: false,
    entities,
    warnings: [],
    ...extra,
  };
}

/** A throw-away SQLite store in memory: the rule is tested against the real store contract. */
async function memoryListStore(): Promise<ListStore> {
  return (await openStores(':memory:')).lists;
}

describe('importListVersion', () => {
  it('creates a new version per import of changed content', async () => {
    const store = await memoryListStore();
    const first = await importListVersion(store, parsed([org('1', 'A')]));
    const second = await importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    expect(first.status).toBe('created');
    expect(second.status).toBe('created');
    expect((await store.versions('us-ofac-sdn')).map((v) => v.entityCount)).toEqual([1, 2]);
  });

  it('recognises content identical to the latest version and stores nothing, unless forced', async () => {
    const store = await memoryListStore();
    const first = await importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    const again = await importListVersion(store, parsed([org('2', 'B'), org('1', 'A')]));
    expect(again).toEqual({ status: 'unchanged', version: first.version });
    expect(await store.versions()).toHaveLength(1);
    const forced = await importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]), { force: true });
    expect(forced.status).toBe('created');
    expect(await store.versions()).toHaveLength(2);
  });

  it('compares against the same list only', async () => {
    const store = await memoryListStore();
    await importListVersion(store, parsed([org('1', 'A')]));
    expect((await importListVersion(store, parsed([org('1', 'A')], { list: 'other' }))).status).toBe(
      'created',
    );
  });

  it('applies a partial update over the latest version and records its base', async () => {
    const store = await memoryListStore();
    const base = (await importListVersion(store, parsed([org('1', 'A', ['SDNTK']), org('2', 'B')]))).version;
    const update = parsed([org('1', 'A', ['SDNTK', 'FTO']), org('3', 'C')], {
      partial: true,
      files: [{ path: 'sdn_excerpt.csv', sha256: '11', bytes: 2 }],
    });
    const outcome = await importListVersion(store, update);
    expect(outcome.status).toBe('created');
    if (outcome.status !== 'created') return;
    expect(outcome.partialUpdate).toEqual({
      baseVersionId: base.id,
      added: 1,
      replaced: 1,
      kept: { names: 0, addresses: 0 },
    });
    expect(outcome.version.baseVersionId).toBe(base.id);
    expect(outcome.version.files.map((f) => f.path)).toEqual(['sdn.csv', 'sdn_excerpt.csv']);
    const entities = await store.entities(outcome.version.id);
    expect(entities.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(entities[0]?.programs).toEqual(['SDNTK', 'FTO']);
  });

  it('treats options.partial like a reader-marked partial file', async () => {
    const store = await memoryListStore();
    await importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    const outcome = await importListVersion(store, parsed([org('3', 'C')]), { partial: true });
    expect(await store.entities(outcome.version.id)).toHaveLength(3);
  });

  it('a partial update whose content adds nothing new is unchanged', async () => {
    const store = await memoryListStore();
    await importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    expect((await importListVersion(store, parsed([org('2', 'B')]), { partial: true })).status).toBe(
      'unchanged',
    );
  });

  it('refuses a partial update with no base version', async () => {
    const store = await memoryListStore();
    await expect(importListVersion(store, parsed([org('1', 'A')], { partial: true }))).rejects.toThrow(
      InputError,
    );
    expect(await store.versions()).toEqual([]);
  });
});
