/**
 * The name an analyst sees for an entity. Kept apart from the zod schemas in entity.ts so the
 * screening path (one `screen "NAME"`) can name its matches without loading zod.
 */
import type { Entity } from './entity.js';

/** The name shown to an analyst: the primary name, else the first. */
export function displayName(entity: Entity): string {
  return (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])?.full ?? entity.id;
}
