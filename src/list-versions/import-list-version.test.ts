import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema, InputError, type ParsedList } from '../core/index.js';
import { InMemoryListStore } from '../store/memory/in-memory-list-store.js';
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

describe('importListVersion', () => {
  it('creates a new version per import of changed content', () => {
    const store = new InMemoryListStore();
    const first = importListVersion(store, parsed([org('1', 'A')]));
    const second = importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    expect(first.status).toBe('created');
    expect(second.status).toBe('created');
    expect(store.versions('us-ofac-sdn').map((v) => v.entityCount)).toEqual([1, 2]);
  });

  it('recognises content identical to the latest version and stores nothing, unless forced', () => {
    const store = new InMemoryListStore();
    const first = importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    const again = importListVersion(store, parsed([org('2', 'B'), org('1', 'A')]));
    expect(again).toEqual({ status: 'unchanged', version: first.version });
    expect(store.versions()).toHaveLength(1);
    const forced = importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]), { force: true });
    expect(forced.status).toBe('created');
    expect(store.versions()).toHaveLength(2);
  });

  it('compares against the same list only', () => {
    const store = new InMemoryListStore();
    importListVersion(store, parsed([org('1', 'A')]));
    expect(importListVersion(store, parsed([org('1', 'A')], { list: 'other' })).status).toBe('created');
  });

  it('applies a partial update over the latest version and records its base', () => {
    const store = new InMemoryListStore();
    const base = importListVersion(store, parsed([org('1', 'A', ['SDNTK']), org('2', 'B')])).version;
    const update = parsed([org('1', 'A', ['SDNTK', 'FTO']), org('3', 'C')], {
      partial: true,
      files: [{ path: 'sdn_excerpt.csv', sha256: '11', bytes: 2 }],
    });
    const outcome = importListVersion(store, update);
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
    const entities = store.entities(outcome.version.id);
    expect(entities.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(entities[0]?.programs).toEqual(['SDNTK', 'FTO']);
  });

  it('treats options.partial like a reader-marked partial file', () => {
    const store = new InMemoryListStore();
    importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    const outcome = importListVersion(store, parsed([org('3', 'C')]), { partial: true });
    expect(store.entities(outcome.version.id)).toHaveLength(3);
  });

  it('a partial update whose content adds nothing new is unchanged', () => {
    const store = new InMemoryListStore();
    importListVersion(store, parsed([org('1', 'A'), org('2', 'B')]));
    expect(importListVersion(store, parsed([org('2', 'B')]), { partial: true }).status).toBe('unchanged');
  });

  it('refuses a partial update with no base version', () => {
    const store = new InMemoryListStore();
    expect(() => importListVersion(store, parsed([org('1', 'A')], { partial: true }))).toThrow(InputError);
    expect(store.versions()).toEqual([]);
  });
});
