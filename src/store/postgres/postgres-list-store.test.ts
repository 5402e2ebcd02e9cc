/**
 * Two importers racing on one PostgreSQL database, each with its own connection pool as two
 * processes would have: every version is stored whole or not at all, and `saveNextVersion` runs
 * them one after the other, so the second builds on the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Entity, EntitySchema, type Stores } from '../../core/index.js';
import { openPostgresStores } from './postgres-stores.js';
import { dropTestSchema, freshTestSchema, postgresAnswers, testPostgresUrl } from './postgres-test-schema.js';

const available = await postgresAnswers();
if (!available && process.env.CI === 'true')
  throw new Error(`PostgreSQL does not answer at ${testPostgresUrl}`);

function entities(prefix: string, count: number): Entity[] {
  return Array.from({ length: count }, (_, i) =>
    EntitySchema.parse({
      id: `${prefix}-${i}`,
      schema: 'Organization',
      names: [{ full: `${prefix.toUpperCase()} TRADING ${i}`, kind: 'primary' }],
    }),
  );
}

describe.skipIf(!available)('PostgreSQL list versions under concurrent importers', () => {
  const schema = freshTestSchema();
  let one: Stores;
  let two: Stores;
  beforeAll(async () => {
    one = await openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
    two = await openPostgresStores(testPostgresUrl, { schema, attempts: 1 });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await dropTestSchema(schema);
  });

  it('stores both racing versions whole, never half of one', async () => {
    const [a, b] = await Promise.all([
      one.lists.saveVersion({ list: 'un-sc', format: 'csv', files: [], entities: entities('a', 3000) }),
      two.lists.saveVersion({ list: 'un-sc', format: 'csv', files: [], entities: entities('b', 3000) }),
    ]);
    for (const version of [a, b]) {
      expect(version.entityCount).toBe(3000);
      expect(await one.lists.entities(version.id)).toHaveLength(3000);
    }
  });

  it('keeps a version out entirely when its import fails while another commits', async () => {
    const before = (await one.lists.versions('eu-fsf')).length;
    const broken = [...entities('c', 2000), ...entities('c', 1)]; // c-0 twice: fails on insert
    const results = await Promise.allSettled([
      one.lists.saveVersion({ list: 'eu-fsf', format: 'csv', files: [], entities: broken }),
      two.lists.saveVersion({ list: 'eu-fsf', format: 'csv', files: [], entities: entities('d', 2000) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    const versions = await two.lists.versions('eu-fsf');
    expect(versions).toHaveLength(before + 1);
    expect(await two.lists.entities(versions.at(-1)!.id)).toHaveLength(2000);
  });

  it('runs saveNextVersion one after the other: the second importer builds on the first', async () => {
    const importer = (stores: Stores, tag: string) =>
      stores.lists.saveNextVersion('in-house', async (latest) => {
        // Hold the transaction open a while so the two really overlap.
        await new Promise((resolve) => setTimeout(resolve, 150));
        const base = latest ? await stores.lists.entities(latest.id) : [];
        return {
          version: {
            list: 'in-house',
            format: 'csv',
            files: [],
            ...(latest && { baseVersionId: latest.id }),
            entities: [...base, ...entities(tag, 500)],
          },
          result: latest?.id,
        };
      });
    const [first, second] = await Promise.all([importer(one, 'x'), importer(two, 'y')]);
    const saved = [first.saved!, second.saved!].sort((p, q) => p.id - q.id);
    expect(saved[0]!.baseVersionId).toBeUndefined();
    expect(saved[1]!.baseVersionId).toBe(saved[0]!.id);
    expect(saved.map((v) => v.entityCount)).toEqual([500, 1000]);
    expect(await one.lists.versions('in-house')).toHaveLength(2);
  });
});
