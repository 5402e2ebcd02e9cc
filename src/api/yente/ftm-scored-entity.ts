/**
 * Renders a Sentinela match as yente's `ScoredEntityResponse`: the listed entity as a
 * FollowTheMoney entity (`id`, `caption`, `schema`, `properties`), its score, whether it is a
 * match, and one explanation per feature of the matcher (`score` and a readable `detail`).
 */
import type { Entity, IdentifierType, ScreeningMatch } from '../../core/index.js';

/** FtM's name for each Sentinela schema. */
const ftmSchemas: Record<Entity['schema'], string> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Aircraft: 'Airplane',
};

/** FtM's property for each identifier type. */
const identifierProperties: Record<IdentifierType, string> = {
  passport: 'passportNumber',
  'national-id': 'idNumber',
  'tax-id': 'taxNumber',
  rfc: 'taxNumber',
  curp: 'idNumber',
  cedula: 'idNumber',
  ssn: 'idNumber',
  registration: 'registrationNumber',
  imo: 'imoNumber',
  mmsi: 'mmsi',
  'call-sign': 'callSign',
  'tail-number': 'registrationNumber',
  'swift-bic': 'swiftBic',
  email: 'email',
  website: 'website',
  other: 'idNumber',
};

export interface ScoredEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  match: boolean;
  explanations: Record<
    string,
    { score: number; detail: string | null; query?: string | null; candidate?: string | null }
  >;
}

/** The entity id yente clients see: unique across lists. */
export function ftmEntityId(list: string, entityId: string): string {
  return `${list}:${entityId}`;
}

function ftmProperties(entity: Entity): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  const add = (property: string, value: string | undefined) => {
    if (!value) return;
    const list = properties[property] ?? [];
    if (!list.includes(value)) list.push(value);
    properties[property] = list;
  };
  for (const name of entity.names) {
    const property =
      name.kind === 'primary'
        ? 'name'
        : name.kind === 'weak'
          ? 'weakAlias'
          : name.kind === 'former'
            ? 'previousName'
            : 'alias';
    add(property, name.full);
  }
  for (const d of entity.birthDates) add('birthDate', d);
  for (const p of entity.birthPlaces) add('birthPlace', p);
  for (const n of entity.nationalities) add('nationality', n);
  for (const c of entity.countries) add('country', c);
  add('gender', entity.gender);
  for (const a of entity.addresses) add('address', a.full);
  for (const id of entity.identifiers) add(identifierProperties[id.type], id.value);
  for (const p of entity.programs) add('program', p);
  for (const t of entity.attributes.topics ?? []) add('topics', t);
  return properties;
}

/**
 * @example
 * scoredEntity(entity, match); // { id: 'us-ofac-sdn:12345', caption: 'GUZMAN LOERA, Joaquin', schema: 'Person', score: 0.97, match: true, … }
 */
export function scoredEntity(
  entity: Entity | undefined,
  match: ScreeningMatch,
  queryName: string,
): ScoredEntity {
  const explanations: ScoredEntity['explanations'] = {};
  for (const part of match.explanation) {
    // yente's feature names are snake_case; a feature seen twice (two name parts) is numbered.
    const feature = part.feature.replaceAll('-', '_');
    let key = feature;
    for (let n = 2; key in explanations; n++) key = `${feature}_${n}`;
    explanations[key] = { score: part.value, detail: part.detail };
    if (part.feature === 'name') {
      explanations[key]!.query = queryName;
      explanations[key]!.candidate = match.matchedAlias;
    }
  }
  return {
    id: ftmEntityId(match.list, match.entityId),
    caption: match.name,
    schema: entity ? ftmSchemas[entity.schema] : 'LegalEntity',
    properties: entity ? ftmProperties(entity) : { name: [match.name] },
    datasets: [match.list],
    referents: [match.entityId],
    target: true,
    first_seen: null,
    last_seen: null,
    last_change: null,
    score: match.score,
    match: match.match,
    explanations,
  };
}
