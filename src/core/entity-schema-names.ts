/**
 * The FollowTheMoney schemas a listed entity can have, without zod: the entity schema validates
 * against them and the start-up path of `screen "NAME"` checks queries against them, and that path
 * must not load zod.
 */
export const entitySchemas = [
  'Person',
  'Organization',
  'Company',
  'LegalEntity',
  'Vessel',
  'Aircraft',
] as const;
export type EntitySchemaName = (typeof entitySchemas)[number];
