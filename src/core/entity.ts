/**
 * The watchlist entity: one designated person, organisation, vessel or aircraft, as every list
 * reader produces it and every screening engine consumes it. Shaped after the FollowTheMoney
 * model that OpenSanctions uses, reduced to what screening needs.
 */
import { z } from 'zod';
import { entitySchemas } from './entity-schema-names.js';

export { type EntitySchemaName, entitySchemas } from './entity-schema-names.js';

/** `primary` is the listed name; `strong` an a.k.a.; `weak` a nickname or low-quality alias (OFAC "weak a.k.a."). */
export const nameKinds = ['primary', 'strong', 'weak', 'former', 'original-script'] as const;
export type NameKind = (typeof nameKinds)[number];

export const identifierTypes = [
  'passport',
  'national-id',
  'tax-id',
  'rfc',
  'curp',
  'cedula',
  'ssn',
  'registration',
  'imo',
  'mmsi',
  'call-sign',
  'tail-number',
  'swift-bic',
  'email',
  'website',
  'other',
] as const;
export type IdentifierType = (typeof identifierTypes)[number];

export const EntityNameSchema = z.object({
  full: z.string().min(1),
  kind: z.enum(nameKinds),
  /** Structured parts where the source gives them (UN FIRST_NAME..FOURTH_NAME, OFAC "LAST, First"). */
  given: z.string().optional(),
  family: z.string().optional(),
  /**
   * The part of a relational publication this name came from (`alias` for OFAC's alt.csv); absent
   * when it comes from the entity's primary record. A partial update that does not supply that
   * part keeps the stored names of it instead of dropping them.
   */
  origin: z.string().optional(),
});
export type EntityName = z.infer<typeof EntityNameSchema>;

export const AddressSchema = z.object({
  street: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  full: z.string(),
  /** As `EntityName.origin` (`address` for OFAC's add.csv). */
  origin: z.string().optional(),
});
export type Address = z.infer<typeof AddressSchema>;

export const IdentifierSchema = z.object({
  type: z.enum(identifierTypes),
  value: z.string().min(1),
  /** Issuing country as written in the source (or ISO code where known). */
  country: z.string().optional(),
  /** The source's own label, e.g. "Passport", "R.F.C.", "Cedula No.". */
  label: z.string().optional(),
});
export type Identifier = z.infer<typeof IdentifierSchema>;

export const EntityLinkSchema = z.object({
  relation: z.string(),
  targetName: z.string(),
  targetId: z.string().optional(),
});
export type EntityLink = z.infer<typeof EntityLinkSchema>;

/** Dates are ISO prefixes: `1981-10-01`, `1981-10` or `1981`, because lists often give only a year. */
export const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const EntitySchema = z.object({
  /** Stable within a list: the source's own id (OFAC ent_num, UN DATAID / REFERENCE_NUMBER, FtM id). */
  id: z.string().min(1),
  schema: z.enum(entitySchemas),
  names: z.array(EntityNameSchema).min(1),
  addresses: z.array(AddressSchema).default([]),
  birthDates: z.array(PartialDateSchema).default([]),
  birthPlaces: z.array(z.string()).default([]),
  nationalities: z.array(z.string()).default([]),
  countries: z.array(z.string()).default([]),
  gender: z.enum(['male', 'female']).optional(),
  identifiers: z.array(IdentifierSchema).default([]),
  programs: z.array(z.string()).default([]),
  links: z.array(EntityLinkSchema).default([]),
  /** Everything else the source says (title, vessel type, tonnage, remarks), kept for the analyst. */
  attributes: z.record(z.string(), z.array(z.string())).default({}),
});
export type Entity = z.infer<typeof EntitySchema>;

export { displayName } from './display-name.js';
