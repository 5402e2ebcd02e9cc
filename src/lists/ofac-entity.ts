/**
 * Turns one OFAC primary row and its joined alias, address and comment rows into an Entity.
 */
import type { Address, Entity, EntityName, EntitySchemaName, NameKind } from '../core/index.js';
import { type LocatedRow, ofacValue } from './ofac-row.js';
import { ofacName } from './ofac-name.js';
import { parseOfacRemarks } from './ofac-remarks.js';

/** The rows that describe one OFAC entity, gathered from every file of the set. */
export interface OfacRecord {
  primary: LocatedRow;
  /** alt_num → alias row. */
  aliases: Map<string, LocatedRow>;
  /** add_num → address row. */
  addresses: Map<string, LocatedRow>;
  /** Remarks continuation from sdn_comments.csv. */
  comments?: string | undefined;
  commentsAt?: LocatedRow;
}

/**
 * Where a fact came from, by file role: names from alt.csv and addresses from add.csv carry their
 * part as `origin`, so a partial update of sdn.csv alone keeps them (see list-versions).
 */
export const OFAC_PART = { alias: 'alias', address: 'address' } as const;

/** Attributes built wholly from one part's rows: kept with that part's facts on a partial update. */
export const OFAC_PART_ATTRIBUTES: Record<string, string[]> = { alias: ['aliasRemarks'] };

/** OFAC cuts the Remarks column at this length and continues it in the comments file. */
export const OFAC_REMARKS_LIMIT = 1000;

const ALT_TYPES: Record<string, NameKind> = { aka: 'strong', fka: 'former', nka: 'strong' };

/** Builds the entity for one ent_num. */
export function buildOfacEntity(
  entNum: string,
  schema: EntitySchemaName,
  record: OfacRecord,
  warnings: string[],
): Entity {
  const f = record.primary.fields;
  const isPerson = schema === 'Person';
  const entity: Entity = {
    id: entNum,
    schema,
    names: [ofacName(ofacValue(f[1]), 'primary', isPerson)],
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    programs: ofacPrograms(ofacValue(f[3])),
    links: [],
    attributes: {},
  };
  const attr = (key: string, value: string) => {
    if (!value) return;
    const list = entity.attributes[key];
    if (list) list.push(value);
    else entity.attributes[key] = [value];
  };
  attr('title', ofacValue(f[4]));
  const callSign = ofacValue(f[5]);
  if (callSign) entity.identifiers.push({ type: 'call-sign', value: callSign, label: 'Call Sign' });
  attr('vesselType', ofacValue(f[6]));
  attr('tonnage', ofacValue(f[7]));
  attr('grossRegisteredTonnage', ofacValue(f[8]));
  const flag = ofacValue(f[9]);
  attr('vesselFlag', flag);
  if (flag) entity.countries.push(flag);
  const owner = ofacValue(f[10]);
  attr('vesselOwner', owner);
  if (owner) entity.links.push({ relation: 'owner', targetName: owner });

  for (const row of record.aliases.values()) {
    const name = ofacValue(row.fields[3]);
    if (!name) continue;
    const altType = ofacValue(row.fields[2]).toLowerCase();
    addName(entity.names, {
      ...ofacName(name, ALT_TYPES[altType] ?? 'strong', isPerson),
      origin: OFAC_PART.alias,
    });
    const altRemarks = ofacValue(row.fields[4]);
    if (altRemarks) attr('aliasRemarks', `${name}: ${altRemarks}`);
  }

  const remarks = remarksWithComments(record, warnings);
  if (remarks) {
    const facts = parseOfacRemarks(remarks);
    entity.birthDates.push(...facts.birthDates);
    entity.birthPlaces.push(...facts.birthPlaces);
    entity.nationalities.push(...facts.nationalities);
    if (facts.gender) entity.gender = facts.gender;
    entity.identifiers.push(...facts.identifiers);
    for (const alias of facts.aliases) addName(entity.names, ofacName(alias.full, alias.kind, isPerson));
    entity.links.push(...facts.links);
    for (const [key, values] of Object.entries(facts.attributes)) for (const v of values) attr(key, v);
  }

  for (const row of record.addresses.values()) {
    const address = ofacAddress(row);
    if (!address) continue;
    address.origin = OFAC_PART.address;
    entity.addresses.push(address);
    if (address.country && !entity.countries.includes(address.country))
      entity.countries.push(address.country);
  }
  return entity;
}

/** "SDNTK] [FTO] [SDGT" → ['SDNTK', 'FTO', 'SDGT']. */
export function ofacPrograms(field: string): string[] {
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p.length > 0);
}

function remarksWithComments(record: OfacRecord, warnings: string[]): string {
  // Raw, untrimmed text: the cut can fall right before a space ("... 1027700070518 " + "(Russia)").
  const raw = record.primary.fields[11] ?? '';
  const remarks = ofacValue(raw) ? raw : '';
  if (!record.comments) return remarks;
  if (remarks.length >= OFAC_REMARKS_LIMIT) return remarks + record.comments;
  // A continuation only belongs to remarks OFAC cut at the limit; otherwise the comments file is
  // from another publication than the primary row, and appending would corrupt the facts.
  const at = record.commentsAt;
  warnings.push(
    `${at?.file}:${at?.line}: remarks continuation for ent_num ${record.primary.fields[0]} ignored: its remarks ` +
      `(${record.primary.file}:${record.primary.line}) are not cut at ${OFAC_REMARKS_LIMIT} characters`,
  );
  return remarks;
}

function ofacAddress(row: LocatedRow): Address | undefined {
  const street = ofacValue(row.fields[2]);
  const city = ofacValue(row.fields[3]);
  const country = ofacValue(row.fields[4]);
  const note = ofacValue(row.fields[5]);
  const full = [street, city, country].filter((p) => p).join(', ');
  if (!full) return undefined;
  const address: Address = { full: note ? `${full} (${note})` : full };
  if (street) address.street = street;
  if (city) address.city = city;
  if (country) address.country = country;
  return address;
}

function addName(names: EntityName[], name: EntityName): void {
  if (names.some((n) => n.full === name.full && n.kind === name.kind)) return;
  names.push(name);
}
