/**
 * The name an analyst sees for an entity. Kept apart from the zod schemas in entity.ts so the
 * screening path (one `screen "NAME"`) can name its matches without loading zod; it takes the
 * entity by the two fields it reads (entity.ts re-exports it, so it cannot import entity.ts).
 */

/** The name shown to an analyst: the primary name, else the first. */
export function displayName(entity: {
  readonly id: string;
  readonly names: ReadonlyArray<{ readonly kind: string; readonly full: string }>;
}): string {
  return (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])?.full ?? entity.id;
}
