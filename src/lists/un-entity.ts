/**
 * Maps one UN consolidated-list record (`<INDIVIDUAL>` or `<ENTITY>`) to an Entity.
 */
import {
  type Address,
  type Entity,
  type EntityName,
  type Identifier,
  InputError,
  type NameKind,
} from '../core/index.js';
import { ofacBirthDates } from './ofac-date.js';
import { type XmlNode, childText, childValues, childrenNamed } from './xml-records.js';

/** UN alias QUALITY: "Good"/"a.k.a." are strong aliases, "Low" weak, "f.k.a." former names. */
const ALIAS_QUALITY: Record<string, NameKind> = {
  good: 'strong',
  'a.k.a.': 'strong',
  low: 'weak',
  'f.k.a.': 'former',
};

/** Builds the entity for one record; `id` is its REFERENCE_NUMBER (or DATAID). */
export function unRecordToEntity(node: XmlNode, id: string, file: string): Entity {
  const isPerson = node.name === 'INDIVIDUAL';
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) =>
    clean(childText(node, n)),
  );
  const full = parts.filter((p) => p).join(' ');
  if (!full) {
    throw new InputError('record has no name', { file, line: node.line, field: `${node.name}/FIRST_NAME` });
  }
  const primary: EntityName = { full, kind: 'primary' };
  const rest = parts.slice(1).filter((p) => p);
  // UN names are ordered as written, not family-first; the first part is the given name.
  if (isPerson && parts[0] && rest.length > 0) {
    primary.given = parts[0];
    primary.family = rest.join(' ');
  }
  const entity: Entity = {
    id,
    schema: isPerson ? 'Person' : 'Organization',
    names: [primary],
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: childValues(node, 'NATIONALITY'),
    countries: [],
    identifiers: [],
    programs: [clean(childText(node, 'UN_LIST_TYPE'))].filter((p) => p),
    links: [],
    attributes: {},
  };
  const attr = (key: string, value: string) => {
    const v = clean(value);
    if (!v) return;
    const list = entity.attributes[key];
    if (list) list.push(v);
    else entity.attributes[key] = [v];
  };
  attr('unReference', childText(node, 'REFERENCE_NUMBER'));
  attr('dataId', childText(node, 'DATAID'));
  attr('listedOn', childText(node, 'LISTED_ON'));
  attr('comments', childText(node, 'COMMENTS1'));
  for (const v of childValues(node, 'TITLE')) attr('title', v);
  for (const v of childValues(node, 'DESIGNATION')) attr('designation', v);
  for (const v of childValues(node, 'LAST_DAY_UPDATED')) attr('lastUpdated', v);
  const gender = childText(node, 'GENDER').toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;

  for (const script of childrenNamed(node, 'NAME_ORIGINAL_SCRIPT')) {
    const name = clean(script.text);
    if (name) addName(entity.names, { full: name, kind: 'original-script' });
  }
  for (const alias of [...childrenNamed(node, 'INDIVIDUAL_ALIAS'), ...childrenNamed(node, 'ENTITY_ALIAS')]) {
    const name = clean(childText(alias, 'ALIAS_NAME'));
    if (!name) continue;
    addName(entity.names, {
      full: name,
      kind: ALIAS_QUALITY[childText(alias, 'QUALITY').toLowerCase()] ?? 'strong',
    });
    // Some aliases carry the birth date and place used under that alias.
    const dob = childText(alias, 'DATE_OF_BIRTH');
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dob)) pushUnique(entity.birthDates, dob);
    const pob = joinParts([childText(alias, 'CITY_OF_BIRTH'), childText(alias, 'COUNTRY_OF_BIRTH')]);
    if (pob) pushUnique(entity.birthPlaces, pob);
  }
  for (const dob of childrenNamed(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const dates = unBirthDates(dob);
    const note = clean(childText(dob, 'NOTE'));
    // A date given only in the note ("Nov. 1973") is still a date.
    const fromNote = dates.length === 0 && note ? ofacBirthDates(note.replace(/\./g, '')) : undefined;
    if (dates.length > 0) pushUnique(entity.birthDates, ...dates);
    else if (fromNote) pushUnique(entity.birthDates, ...fromNote);
    if (note && !fromNote) attr('birthDateNote', note);
  }
  for (const pob of childrenNamed(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const place = joinParts(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((n) => childText(pob, n)));
    if (place) pushUnique(entity.birthPlaces, place);
    else if (childText(pob, 'NOTE')) pushUnique(entity.birthPlaces, clean(childText(pob, 'NOTE')));
  }
  for (const doc of childrenNamed(node, 'INDIVIDUAL_DOCUMENT')) {
    const identifier = unDocument(doc);
    if (identifier) entity.identifiers.push(identifier);
    else if (childText(doc, 'NOTE')) attr('documentNote', childText(doc, 'NOTE'));
  }
  for (const place of [
    ...childrenNamed(node, 'INDIVIDUAL_ADDRESS'),
    ...childrenNamed(node, 'ENTITY_ADDRESS'),
  ]) {
    const address = unAddress(place);
    if (!address) continue;
    entity.addresses.push(address);
    if (address.country) pushUnique(entity.countries, address.country);
  }
  return entity;
}

/** EXACT → DATE or YEAR; APPROXIMATELY → the same, as written; BETWEEN → every year in the range. */
function unBirthDates(dob: XmlNode): string[] {
  const date = childText(dob, 'DATE');
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return [date.slice(0, 10)];
  const year = childText(dob, 'YEAR');
  if (/^\d{4}$/.test(year)) return [year];
  const from = Number(childText(dob, 'FROM_YEAR'));
  const to = Number(childText(dob, 'TO_YEAR'));
  if (from > 0 && to >= from && to - from <= 15) {
    const years: string[] = [];
    for (let y = from; y <= to; y++) years.push(String(y));
    return years;
  }
  return [];
}

function unDocument(doc: XmlNode): Identifier | undefined {
  const value = clean(childText(doc, 'NUMBER'));
  if (!value) return undefined;
  const kind = clean(childText(doc, 'TYPE_OF_DOCUMENT'));
  const detail = clean(childText(doc, 'TYPE_OF_DOCUMENT2'));
  const type: Identifier['type'] = /pass|pasaporte/i.test(kind)
    ? 'passport'
    : /identif/i.test(kind)
      ? 'national-id'
      : 'other';
  const identifier: Identifier = {
    type,
    value,
    label: detail && detail !== kind ? `${kind}: ${detail}` : kind,
  };
  const country = clean(childText(doc, 'ISSUING_COUNTRY') || childText(doc, 'COUNTRY_OF_ISSUE'));
  if (country) identifier.country = country;
  return identifier;
}

function unAddress(node: XmlNode): Address | undefined {
  const street = clean(childText(node, 'STREET'));
  const city = clean(childText(node, 'CITY'));
  const region = clean(childText(node, 'STATE_PROVINCE'));
  const postalCode = clean(childText(node, 'ZIP_CODE'));
  const country = clean(childText(node, 'COUNTRY'));
  const note = clean(childText(node, 'NOTE'));
  const full = joinParts([street, city, region, postalCode, country]);
  if (!full) return undefined;
  const address: Address = { full: note ? `${full} (${note})` : full };
  if (street) address.street = street;
  if (city) address.city = city;
  if (region) address.region = region;
  if (postalCode) address.postalCode = postalCode;
  if (country) address.country = country;
  return address;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function joinParts(parts: string[]): string {
  return parts
    .map(clean)
    .filter((p) => p)
    .join(', ');
}

function pushUnique(list: string[], ...values: string[]): void {
  for (const v of values) if (v && !list.includes(v)) list.push(v);
}

function addName(names: EntityName[], name: EntityName): void {
  if (names.some((n) => n.full === name.full && n.kind === name.kind)) return;
  names.push(name);
}
