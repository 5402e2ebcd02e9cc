/**
 * The reported case on OFAC's real files: SDN 2024 + the 2025 alt/add/comments files, then the
 * 2025 sdn.csv excerpt as a partial update. Every alias and address of an updated entity must
 * survive, or a cartel member listed under his a.k.a. is no longer found by that name.
 */
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { readList } from '../lists/index.js';
import { openStores } from '../store/index.js';
import { importListVersion } from './import-list-version.js';

describeWithSharedData('partial update of sdn.csv alone over OFAC SDN + alt/add (shared data)', () => {
  it('keeps the alt.csv aliases and add.csv addresses of every updated entity', async () => {
    const stores = await openStores(':memory:');
    const store = stores.lists;
    const full = await readList([
      sharedData('sanctions/ofac_sdn_2024-05-03'),
      sharedData('sanctions/ofac_2025-12_alt_add_comments'),
    ]);
    const base = await importListVersion(store, full);
    const update = await readList([sharedData('sanctions/ofac_sdn_2025-11_excerpt/sdn_excerpt.csv')], {
      partial: true,
    });
    const outcome = await importListVersion(store, update, { partial: true });
    expect(outcome.status).toBe('created');
    if (outcome.status !== 'created') return;
    expect(outcome.partialUpdate?.kept.names).toBeGreaterThan(0);

    const before = new Map(full.entities.map((e) => [e.id, e]));
    let checked = 0;
    for (const updated of update.entities) {
      const old = before.get(updated.id);
      const now = await store.entity(outcome.version.id, updated.id);
      if (!old || !now) continue;
      for (const name of old.names.filter((n) => n.origin === 'alias'))
        expect(
          now.names.map((n) => n.full),
          `${updated.id} ${name.full}`,
        ).toContain(name.full);
      for (const address of old.addresses)
        expect(
          now.addresses.map((a) => a.full),
          updated.id,
        ).toContain(address.full);
      checked++;
    }
    expect(checked).toBe(update.entities.length);
    // Javier Torres Felix (SDNTK) is listed under the a.k.a. "TAMAYO TORRES, Horacio" in alt.csv only.
    const torres = await store.entity(outcome.version.id, '10351');
    expect(torres?.names.map((n) => n.full)).toContain('TAMAYO TORRES, Horacio');
    expect((await store.entity(base.version.id, '10351'))?.names.map((n) => n.full)).toContain(
      'TAMAYO TORRES, Horacio',
    );
    await stores.close();
  });
});
