import { describe, expect, it } from 'vitest';
import type { PartyQuery, ReviewedFalsePositive } from '../core/index.js';
import { createScreener } from './screener.js';
import { entityContentHash, reviewQueryKey } from './screener-review-keys.js';
import { testEntities, unlistedNames } from './screener-test-entities.js';

const lists = [{ list: 'test-list', version: '7', entities: testEntities }];
const screener = createScreener(lists);
const q = (name: string, extra: Partial<PartyQuery> = {}): PartyQuery => ({ id: 'q', name, ...extra });

describe('screener', () => {
  it('finds Spanish two-surname names from given name + paternal surname, any order', () => {
    for (const name of ['Joaquin Guzman', 'GUZMAN, Joaquin', 'Guzman Loera Joaquin']) {
      const [top] = screener.screen(q(name));
      expect(top?.entityId, name).toBe('P1');
      expect(top?.match).toBe(true);
    }
    expect(screener.screen(q('Ismael Zambada'))[0]?.entityId).toBe('P2');
  });

  it('reports list, list version, algorithm, matched alias and an explanation', () => {
    const [top] = screener.screen(q('El Chapo'));
    expect(top).toMatchObject({
      entityId: 'P1',
      list: 'test-list',
      listVersion: '7',
      name: 'GUZMAN LOERA, Joaquin',
      matchedAlias: 'EL CHAPO',
    });
    expect(top!.algorithm).toMatch(/screener-3/);
    expect(top!.explanation.length).toBeGreaterThan(0);
    expect(top!.explanation[0]).toHaveProperty('detail');
  });

  it('keeps one result per entity: its best alias', () => {
    const matches = screener.screen(q('Joaquin Guzman Loera'), { minScore: 0 });
    const ids = matches.map((m) => m.entityId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by score and honours limit and threshold', () => {
    const all = screener.screen(q('Maria Garcia Loera'), { minScore: 0, limit: 50 });
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(screener.screen(q('Maria Garcia Loera'), { minScore: 0, limit: 1 })).toHaveLength(
      Math.min(1, all.length),
    );
    const strict = screener.screen(q('Joaquin Guzman'), { threshold: 0.999 });
    expect(strict.every((m) => m.score >= 0.999)).toBe(true);
    const lenient = screener.screen(q('Joaquin Guzman'), { threshold: 0.999, minScore: 0.5 });
    expect(lenient.some((m) => !m.match)).toBe(true);
  });

  it('does not match names that are not listed', () => {
    for (const name of unlistedNames) expect(screener.screen(q(name)), name).toEqual([]);
    expect(screener.screen(q('Pacific Trading Limited', { schema: 'Organization' }))).toEqual([]);
  });

  it('finds an entity by an exact identifier whatever the name', () => {
    const [top] = screener.screen(q('Somebody Else', { idNumber: 'g-1234567' }));
    expect(top?.entityId).toBe('P4');
    expect(screener.screen(q('unknown vessel', { idNumber: 'imo-9123456' }))[0]?.entityId).toBe('V1');
  });

  it('exhaustive mode agrees with the index on a small list', () => {
    const queries = [
      'Joaquin Guzman',
      'J. Guzman Loera',
      'Zambada Garcia',
      'Caribbean Trading',
      'Farmacia Nueva Esperanza',
      'Northern Star',
      'Nemesio Oseguera',
      ...unlistedNames,
    ];
    for (const name of queries) {
      const indexed = screener.screen(q(name)).map((m) => [m.entityId, m.score]);
      const exhaustive = screener.screen(q(name), { exhaustive: true }).map((m) => [m.entityId, m.score]);
      expect(indexed, name).toEqual(exhaustive);
    }
  });
});

describe('screener keeping only alias text (large lists)', () => {
  it('gives the same results as keeping every prepared alias', () => {
    const lean = createScreener(lists, { retainPreparedAliases: false });
    for (const name of ['Joaquin Guzman', 'El Chapo', 'Caribbean Trading', 'CJNG', ...unlistedNames]) {
      expect(lean.screen(q(name)), name).toEqual(screener.screen(q(name)));
    }
  });
});

describe('screener with reviewed false positives', () => {
  const query = q('Maria Fernanda Garcia Lopez', { birthDate: '1980-02-10' });
  const entity = testEntities.find((e) => e.id === 'P4')!;
  const review: ReviewedFalsePositive = {
    queryKey: reviewQueryKey(query),
    queryName: query.name,
    list: 'test-list',
    entityId: 'P4',
    entityHash: entityContentHash(entity),
    analyst: 'ana',
    reason: 'customer is a different person (other passport)',
    reviewedAt: '2026-01-05T10:00:00.000Z',
  };

  it('drops a cleared match for the same query (up to name order and case)', () => {
    expect(screener.screen(query)[0]?.entityId).toBe('P4');
    const reviewed = createScreener(lists, { reviews: [review] });
    expect(reviewed.screen(query).map((m) => m.entityId)).not.toContain('P4');
    expect(
      reviewed.screen({ ...query, name: 'GARCIA LOPEZ, maria fernanda' }).map((m) => m.entityId),
    ).not.toContain('P4');
  });

  it('still reports the entity for a different query', () => {
    const reviewed = createScreener(lists, { reviews: [review] });
    expect(reviewed.screen({ ...query, birthDate: '1980-02-11' }).map((m) => m.entityId)).toContain('P4');
  });

  it('brings the match back, flagged, once the entity changes in a newer list version', () => {
    const changed = { ...entity, birthPlaces: ['Culiacan, Sinaloa'] };
    const newer = [
      { list: 'test-list', version: '8', entities: testEntities.map((e) => (e.id === 'P4' ? changed : e)) },
    ];
    const [top] = createScreener(newer, { reviews: [review] }).screen(query);
    expect(top?.entityId).toBe('P4');
    expect(top?.explanation.at(-1)).toMatchObject({ feature: 'review' });
    expect(top?.explanation.at(-1)?.detail).toMatch(/changed/);
  });
});
