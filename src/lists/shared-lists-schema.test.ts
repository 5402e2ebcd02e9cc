/**
 * Every entity read from the shared official lists satisfies the Entity schema the store and the
 * screening engine rely on.
 */
import { expect, it } from 'vitest';
import { EntitySchema } from '../core/index.js';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { readList } from './index.js';

const sanctions = (...parts: string[]) => sharedData('sanctions', ...parts);

describeWithSharedData('entities read from the shared lists', () => {
  it.each([
    [
      'SDN 2024 + 2025 aliases/addresses',
      [sanctions('ofac_sdn_2024-05-03'), sanctions('ofac_2025-12_alt_add_comments')],
    ],
    ['non-SDN consolidated', [sanctions('ofac_non_sdn_2025-12')]],
    ['UN consolidated', [sanctions('un_consolidated_2026-02-27', 'UN_consolidated.xml')]],
    ['watchman OFAC fixture', [sanctions('ofac_watchman_fixture_2025-05')]],
  ])('%s: all entities are valid and ids are unique', async (_name, paths) => {
    const list = await readList(paths);
    const invalid = list.entities.filter((e) => !EntitySchema.safeParse(e).success).map((e) => e.id);
    expect(invalid).toEqual([]);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(list.entities.length);
    // Nothing the source says is dropped silently: people have dates of birth, nationalities and identifiers.
    const people = list.entities.filter((e) => e.schema === 'Person');
    if (people.length > 0) {
      expect(people.some((p) => p.birthDates.length > 0)).toBe(true);
      expect(people.some((p) => p.nationalities.length > 0)).toBe(true);
    }
  });
});
