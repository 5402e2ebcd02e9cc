/**
 * Applying a partial update file over a full list: OFAC and the UN publish update files that only
 * add or replace entries, so an entity missing from the update is kept, never removed.
 */
import type { Entity } from '../core/index.js';
import { compareIds } from './content-hash.js';

/** What applying an update did, for the import summary. */
export interface PartialUpdateResult {
  entities: Entity[];
  added: number;
  replaced: number;
}

/**
 * Replaces entities of `base` by id with those of `update` and appends the new ones; the result is
 * in id order. Nothing in `base` is removed.
 *
 * @example
 * applyPartialUpdate([sinaloa2024], [sinaloa2025, newEntity]).entities; // [sinaloa2025, newEntity]
 */
export function applyPartialUpdate(base: readonly Entity[], update: readonly Entity[]): PartialUpdateResult {
  const byId = new Map<string, Entity>();
  for (const entity of base) byId.set(entity.id, entity);
  let added = 0;
  let replaced = 0;
  for (const entity of update) {
    if (byId.has(entity.id)) replaced++;
    else added++;
    byId.set(entity.id, entity);
  }
  const entities = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return { entities, added, replaced };
}
