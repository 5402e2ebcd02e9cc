/**
 * Property: a list name screened exactly as written finds its own entity at rank 1 with score 1.0
 * (or tied at the top with entities holding the identical name). Checked here on a seeded sample
 * of SDN, UN and non-SDN names; `bench/screening/exact-names.ts` runs every name.
 */
import { beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../core/index.js';
import { readList } from '../lists/index.js';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { createScreener, type Screener, type ScreeningList } from './index.js';

describeWithSharedData('every exact list name finds its entity (sample of SDN + UN + non-SDN)', () => {
  const lists: ScreeningList[] = [];
  let screener: Screener;
  beforeAll(async () => {
    for (const paths of [
      ['ofac_sdn_2024-05-03', 'ofac_2025-12_alt_add_comments'],
      ['un_consolidated_2026-02-27/UN_consolidated.xml'],
      ['ofac_non_sdn_2025-12'],
    ]) {
      const parsed = await readList(paths.map((p) => sharedData('sanctions', p)));
      lists.push({ list: parsed.list, version: 'test', entities: parsed.entities });
    }
    screener = createScreener(lists);
  }, 120_000);

  it('ranks the entity first with score 1.0 for at least 99.5 % of a 600-name sample, misses named', () => {
    const names = lists.flatMap(({ list, entities }) =>
      entities.flatMap((entity) =>
        [...new Set(entity.names.map((n) => n.full))].map((name) => ({ list, entity, name })),
      ),
    );
    const rand = seededRandom(2026);
    const sample = Array.from({ length: 600 }, () => names[Math.floor(rand() * names.length)]!);
    const misses: string[] = [];
    for (const { list, entity, name } of sample) {
      const matches = screener.screen({ id: 'q', name, schema: entity.schema }, { limit: 50 });
      const own = matches.find((m) => m.list === list && m.entityId === entity.id);
      if (!own || own.score < 1 || own.score < (matches[0]?.score ?? 0))
        misses.push(`${list}:${entity.id} "${name}" scored ${own?.score ?? 'not found'}`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(3);
  });

  it('finds the name the issue reported scoring 0.67 against itself', () => {
    const name = 'INVESTIGATIVE COMMITTEE OF THE REPUBLIC OF BELARUS';
    const top = screener.screen({ id: 'q', name, schema: 'Organization' })[0];
    expect(top?.score).toBe(1);
    expect(top?.matchedAlias).toBe(name);
  });
});
