/**
 * The token-rarity table: a word many listed entities share weighs less, in the listed names and
 * in the query alike; the table is counted per entity (not per alias), stored in the snapshot and
 * gives the same results once the snapshot is opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareName, rarityWeight, TokenRarityCounter, weighByRarity } from './matching/index.js';
import { createScreener, type ScreeningList } from './screener.js';
import { openOrBuildScreener } from './screener-snapshot.js';
import { entity } from './screener-test-entities.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-rarity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sixty made-up people sharing the surname Tarkan, each with two aliases, and one company. */
const givenNames = ['Arin', 'Belos', 'Corvan', 'Dessa', 'Elvar', 'Ferrin', 'Galen', 'Hollis'];
const lists: ScreeningList[] = [
  {
    list: 'test-list',
    version: '1',
    entities: [
      ...Array.from({ length: 60 }, (_, k) =>
        entity({
          id: `P${k}`,
          schema: 'Person',
          names: [
            { full: `TARKAN, ${givenNames[k % 8]} ${givenNames[(k + 3) % 8]}${k}`, kind: 'primary' },
            { full: `TARKAN ${givenNames[k % 8]}${k}`, kind: 'strong' },
          ],
        }),
      ),
      entity({ id: 'O1', schema: 'Organization', names: [{ full: 'TARKAN HOLDINGS', kind: 'primary' }] }),
    ],
  },
];

describe('token-rarity table', () => {
  it('weighs a word by the number of entities holding it, fully up to twenty', () => {
    expect(rarityWeight(1)).toBe(1);
    expect(rarityWeight(20)).toBe(1);
    expect(rarityWeight(100)).toBeCloseTo(1 - 0.15 * Math.log(5), 10);
    expect(rarityWeight(100_000)).toBe(0.55);
  });

  it('counts entities, not aliases, and persons apart from other names', () => {
    const counter = new TokenRarityCounter();
    for (const e of lists[0]!.entities) counter.addEntity(e.names.map((n) => prepareName(n.full, e.schema)));
    const table = counter.table();
    expect(table.person.get('tarkan')).toBeCloseTo(rarityWeight(60), 10);
    expect(table.other.has('tarkan')).toBe(false); // one company
    expect(table.person.has('arin')).toBe(false);
  });

  it('lowers the weight of a common word in the query and the listed name, never raises one', () => {
    const screener = createScreener(lists);
    const query = weighByRarity(prepareName('TARKAN, Arin', 'Person'), screener.parts.rarity);
    expect(query.weights).toEqual([1, rarityWeight(60)]);
    const company = weighByRarity(prepareName('TARKAN TRADING', 'Organization'), screener.parts.rarity);
    expect(company.weights).toEqual([1, 0.35]); // TRADING keeps its lower fixed weight
    const [match] = screener.screen({ id: 'q', name: 'TARKAN, Arin', schema: 'Person' }, { minScore: 0.3 });
    expect(match?.explanation.map((f) => f.detail)).toContain(
      'name part TARKAN matched exactly (common in the lists, low weight)',
    );
    const alias = screener.parts.aliases.get(0);
    expect(alias.weights[alias.keyTokens.indexOf('tarkan')]).toBeCloseTo(rarityWeight(60), 10);
  });

  it('is kept in the snapshot: an opened screener has the same table and gives the same results', async () => {
    const versions = [{ list: 'test-list', version: '1', contentHash: 'h1' }];
    const built = await openOrBuildScreener(dir, versions, () => lists);
    const opened = await openOrBuildScreener(dir, versions, () => {
      throw new Error('must open the snapshot');
    });
    expect(built.source).toBe('built');
    expect(opened.source).toBe('snapshot');
    expect([...opened.screener.parts.rarity.person]).toEqual([...built.screener.parts.rarity.person]);
    for (const name of ['TARKAN, Arin', 'Belos Tarkan', 'TARKAN HOLDINGS', 'Tarkan Ferin']) {
      const query = { id: 'q', name };
      expect(opened.screener.screen(query, { minScore: 0.3 }), name).toEqual(
        built.screener.screen(query, { minScore: 0.3 }),
      );
    }
  });
});
