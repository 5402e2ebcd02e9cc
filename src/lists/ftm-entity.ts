/**
 * Maps one FollowTheMoney entity (schema + property lists) to a Sentinela Entity.
 */
import {
  type Entity,
  type EntityName,
  type EntitySchemaName,
  type IdentifierType,
  InputError,
  type InputLocation,
} from '../core/index.js';

/** A FtM entity as it appears on one line. */
export interface FtmRecord {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
  datasets?: unknown;
}

const SCHEMAS: Record<string, EntitySchemaName> = {
  Person: 'Person',
  Organization: 'Organization',
  PublicBody: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
  Aircraft: 'Aircraft',
};

/** FtM identifier properties and the identifier type each one is. */
const IDENTIFIER_PROPERTIES: ReadonlyArray<readonly [string, IdentifierType]> = [
  ['passportNumber', 'passport'],
  ['idNumber', 'national-id'],
  ['taxNumber', 'tax-id'],
  ['innCode', 'tax-id'],
  ['vatCode', 'tax-id'],
  ['registrationNumber', 'registration'],
  ['ogrnCode', 'registration'],
  ['leiCode', 'registration'],
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
  ['callSign', 'call-sign'],
  ['swiftBic', 'swift-bic'],
  ['email', 'email'],
  ['website', 'website'],
];

/** Properties kept as attributes for the analyst. */
const ATTRIBUTE_PROPERTIES = ['topics', 'notes', 'position', 'title', 'sourceUrl', 'createdAt', 'modifiedAt'];

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?/;

/** The Sentinela schema for a FtM schema name, or undefined when it is not a screening target. */
export function ftmSchema(schema: string): EntitySchemaName | undefined {
  return SCHEMAS[schema];
}

/** Builds the entity; an entity with no name is an error at its line. */
export function ftmToEntity(record: FtmRecord, schema: EntitySchemaName, where: InputLocation): Entity {
  const p = (name: string) => values(record.properties[name], where, name);
  const names = p('name');
  if (names.length === 0) throw new InputError('entity has no name', { ...where, field: 'properties.name' });
  const primary: EntityName = { full: names[0]!, kind: 'primary' };
  const first = p('firstName');
  const last = p('lastName');
  if (schema === 'Person' && first.length === 1 && last.length === 1) {
    primary.given = first[0]!;
    primary.family = last[0]!;
  }
  const entity: Entity = {
    id: record.id,
    schema,
    names: [primary],
    addresses: p('address').map((full) => ({ full })),
    birthDates: unique(p('birthDate').flatMap((d) => PARTIAL_DATE.exec(d)?.[0] ?? [])),
    birthPlaces: unique(p('birthPlace')),
    nationalities: unique([...p('nationality'), ...p('citizenship')]),
    countries: unique([...p('country'), ...p('jurisdiction'), ...p('flag')]),
    identifiers: [],
    programs: unique([...p('program'), ...p('programId')]),
    links: [],
    attributes: {},
  };
  const addName = (full: string, kind: EntityName['kind']) => {
    if (!entity.names.some((n) => n.full === full && n.kind === kind)) entity.names.push({ full, kind });
  };
  for (const name of names.slice(1)) addName(name, 'strong');
  for (const name of p('alias')) addName(name, 'strong');
  for (const name of p('weakAlias')) addName(name, 'weak');
  for (const name of p('previousName')) addName(name, 'former');
  const gender = p('gender')[0]?.toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;
  const seen = new Set<string>();
  for (const [property, type] of IDENTIFIER_PROPERTIES) {
    for (const value of p(property)) {
      const key = `${type}:${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entity.identifiers.push({ type, value, label: property });
    }
  }
  for (const property of ATTRIBUTE_PROPERTIES) {
    const list = p(property);
    if (list.length > 0) entity.attributes[property] = list;
  }
  if (Array.isArray(record.datasets)) {
    const datasets = record.datasets.filter((d): d is string => typeof d === 'string');
    if (datasets.length > 0) entity.attributes.datasets = datasets;
  }
  return entity;
}

/**
 * A FtM property is a list of strings; nested exports put entity objects there instead, of
 * which the caption (or first name) is taken.
 */
function values(value: unknown, where: InputLocation, property: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new InputError('must be a list of values', { ...where, field: `properties.${property}` });
  }
  const out: string[] = [];
  for (const item of value) {
    let text: unknown = item;
    if (typeof item === 'object' && item !== null) {
      const nested = item as { caption?: unknown; properties?: Record<string, unknown> };
      const fallback = nested.properties?.full ?? nested.properties?.name;
      text = nested.caption ?? (Array.isArray(fallback) ? fallback[0] : undefined);
    }
    if (typeof text === 'number') text = String(text);
    if (typeof text !== 'string') continue;
    const trimmed = text.trim();
    if (trimmed) out.push(trimmed);
  }
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
