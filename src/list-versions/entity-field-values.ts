/**
 * An entity as field → readable values, the common ground on which two versions are compared and
 * a change is shown to an analyst ("programs: + FTO").
 */
import type { Address, Entity, EntityLink, EntityName, Identifier } from '../core/index.js';

/** The fields in the order a diff lists them; `attributes.<key>` entries follow, sorted by key. */
export const diffFieldOrder = [
  'schema',
  'names',
  'programs',
  'birthDates',
  'birthPlaces',
  'nationalities',
  'countries',
  'gender',
  'identifiers',
  'addresses',
  'links',
] as const;

/** Field name → sorted, de-duplicated display values; fields with no value on this entity are absent. */
export function entityFieldValues(entity: Entity): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const put = (field: string, list: readonly string[]): void => {
    const distinct = [...new Set(list)].sort();
    if (distinct.length > 0) values.set(field, distinct);
  };
  put('schema', [entity.schema]);
  put('names', entity.names.map(nameText));
  put('programs', entity.programs);
  put('birthDates', entity.birthDates);
  put('birthPlaces', entity.birthPlaces);
  put('nationalities', entity.nationalities);
  put('countries', entity.countries);
  put('gender', entity.gender ? [entity.gender] : []);
  put('identifiers', entity.identifiers.map(identifierText));
  put('addresses', entity.addresses.map(addressText));
  put('links', entity.links.map(linkText));
  for (const key of Object.keys(entity.attributes).sort())
    put(`attributes.${key}`, entity.attributes[key] ?? []);
  return values;
}

function nameText(name: EntityName): string {
  return name.kind === 'primary' ? name.full : `${name.full} (${name.kind})`;
}

function identifierText(id: Identifier): string {
  const label = id.label ?? id.type;
  return `${label}: ${id.value}${id.country ? ` (${id.country})` : ''}`;
}

function addressText(address: Address): string {
  return address.full;
}

function linkText(link: EntityLink): string {
  return `${link.relation}: ${link.targetName}${link.targetId ? ` #${link.targetId}` : ''}`;
}

/** Orders field names as `diffFieldOrder`, then `attributes.*` by key. */
export function compareFields(a: string, b: string): number {
  const rank = (f: string): number => {
    const i = (diffFieldOrder as readonly string[]).indexOf(f);
    return i === -1 ? diffFieldOrder.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
