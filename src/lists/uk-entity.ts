/**
 * Maps the rows of one UK Sanctions List designation (one row per name, and per address, in the
 * FCDO's CSV; one row per designation in its ODS summary) to one Entity. Column names are the
 * FCDO's, compared in lower case.
 */
import {
  type Address,
  type Entity,
  type EntityName,
  type EntitySchemaName,
  type Identifier,
  InputError,
  type NameKind,
} from '../core/index.js';

/** One row of the sheet: its line (CSV) or spreadsheet row (ODS), and its cells by lower-case column. */
export interface UkRow {
  line: number;
  cells: ReadonlyMap<string, string>;
}

const DESIGNATION_TYPES: Record<string, EntitySchemaName> = {
  individual: 'Person',
  entity: 'Organization',
  ship: 'Vessel',
};

/** Columns kept as named attributes for the analyst: column → attribute key. */
const ATTRIBUTE_COLUMNS: Record<string, string> = {
  'ofsi group id': 'ofsiGroupId',
  'un reference number': 'unReference',
  title: 'title',
  'designation source': 'designationSource',
  'sanctions imposed': 'sanctionsImposed',
  'other information': 'otherInformation',
  'uk statement of reasons': 'statementOfReasons',
  'phone number': 'phone',
  position: 'position',
  'type of entity': 'entityType',
  subsidiaries: 'subsidiaries',
  'parent company': 'parentCompany',
  'current owner/operator (s)': 'owner',
  'previous owner/operator (s)': 'previousOwner',
  'current believed flag of ship': 'flag',
  'previous flags': 'previousFlags',
  'type of ship': 'vesselType',
  'tonnage of ship': 'tonnage',
  'length of ship': 'length',
  'year built': 'yearBuilt',
  'hull identification number (hin)': 'hullId',
  'last updated': 'lastUpdated',
};

/** The column holding the designation type: `Designation Type` (CSV) or `Type` (ODS summary). */
export function typeColumn(columns: readonly string[]): string | undefined {
  return ['designation type', 'type'].find((c) => columns.includes(c));
}

/**
 * Builds the entity of one Unique ID from all its rows. Throws an InputError naming file, line and
 * column for an unknown designation type or a row with a name type but no name. A designation with
 * no name on any row (the published ODS of 2025-08-11 has two) cannot be screened: it is left out
 * with a warning naming its id and line, and `undefined` is returned.
 */
export function ukRowsToEntity(
  id: string,
  rows: readonly UkRow[],
  file: string,
  warnings: string[],
): Entity | undefined {
  const first = rows[0]!;
  const typeCol = typeColumn([...first.cells.keys()]) ?? 'designation type';
  const typeText = (first.cells.get(typeCol) ?? '').trim();
  const schema = DESIGNATION_TYPES[typeText.toLowerCase()];
  if (!schema) {
    throw new InputError(`unknown designation type "${typeText}"; expected Individual, Entity or Ship`, {
      file,
      line: first.line,
      field: typeCol === 'type' ? 'Type' : 'Designation Type',
    });
  }
  const entity: Entity = {
    id,
    schema,
    names: [],
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    programs: [],
    links: [],
    attributes: {},
  };
  const attr = (key: string, value: string) => {
    const v = clean(value);
    if (!v) return;
    const list = entity.attributes[key];
    if (!list) entity.attributes[key] = [v];
    else if (!list.includes(v)) list.push(v);
  };
  for (const row of rows) {
    const get = (column: string) => clean(row.cells.get(column) ?? '');
    const rowType = get(typeCol);
    if (rowType && DESIGNATION_TYPES[rowType.toLowerCase()] !== schema) {
      throw new InputError(`designation type "${rowType}" differs from "${typeText}" on line ${first.line}`, {
        file,
        line: row.line,
        field: typeCol === 'type' ? 'Type' : 'Designation Type',
      });
    }
    addRowName(entity, row, schema, file);
    const script = get('name non-latin script');
    if (script) addName(entity.names, { full: script, kind: 'original-script' });
    const regime = get('regime name');
    if (regime) pushUnique(entity.programs, regime);
    for (const [column, key] of Object.entries(ATTRIBUTE_COLUMNS)) attr(key, get(column));
    const designated = get('date designated');
    if (designated) attr('listedOn', ukDate(designated) ?? designated);
    for (const text of splitValues(get('d.o.b'))) {
      const date = ukDate(text);
      if (date) pushUnique(entity.birthDates, date);
      else {
        warnings.push(`${file}:${row.line}: D.O.B "${text}" is not a date; kept as a note`);
        attr('birthDateNote', text);
      }
    }
    for (const n of splitValues(get('nationality(/ies)'))) pushUnique(entity.nationalities, n);
    const birthPlace = [get('town of birth'), get('country of birth')].filter((p) => p).join(', ');
    if (birthPlace) pushUnique(entity.birthPlaces, birthPlace);
    const gender = get('gender').toLowerCase();
    if (gender === 'male' || gender === 'female') entity.gender = gender;
    const address = ukAddress(get);
    if (address && !entity.addresses.some((a) => a.full === address.full)) {
      entity.addresses.push(address);
      if (address.country) pushUnique(entity.countries, address.country);
    }
    const flag = get('current believed flag of ship');
    if (flag) pushUnique(entity.countries, flag);
    addIdentifiers(entity.identifiers, get);
  }
  if (entity.names.length === 0) {
    warnings.push(`${file}:${first.line}: designation ${id} has no name; left out (it cannot be screened)`);
    return undefined;
  }
  // The first primary name leads; a designation whose rows give only aliases keeps the first as primary.
  if (!entity.names.some((n) => n.kind === 'primary')) entity.names[0]!.kind = 'primary';
  return entity;
}

function addRowName(entity: Entity, row: UkRow, schema: EntitySchemaName, file: string): void {
  const get = (column: string) => clean(row.cells.get(column) ?? '');
  let name: EntityName;
  if (row.cells.has('name 6')) {
    // Name 1–5 are given and middle names, Name 6 the family name (or an entity's whole name).
    const given = ['name 1', 'name 2', 'name 3', 'name 4', 'name 5'].map(get).filter((p) => p);
    const family = get('name 6');
    const full = [...given, family].filter((p) => p).join(' ');
    if (!full) {
      // A row may carry only an address or identifier of a designation named on another row.
      if (get('name type')) {
        throw new InputError('row has a name type but no name', { file, line: row.line, field: 'Name 6' });
      }
      return;
    }
    name = { full, kind: nameKind(get('name type'), get('alias strength'), entity.names) };
    if (schema === 'Person' && family && given.length > 0) {
      name.given = given.join(' ');
      name.family = family;
    }
  } else {
    const full = get('name');
    if (!full) return;
    name = { full, kind: entity.names.some((n) => n.kind === 'primary') ? 'strong' : 'primary' };
  }
  addName(entity.names, name);
}

/** `Primary Name` → primary (a second one is a variation: strong); `Alias` → strong, or weak when low quality. */
function nameKind(type: string, strength: string, names: readonly EntityName[]): NameKind {
  const t = type.toLowerCase();
  if (t.startsWith('primary')) {
    return t === 'primary name' && !names.some((n) => n.kind === 'primary') ? 'primary' : 'strong';
  }
  return /low/i.test(strength) ? 'weak' : 'strong';
}

function addIdentifiers(identifiers: Identifier[], get: (column: string) => string): void {
  const add = (type: Identifier['type'], column: string, label: string, detailColumn?: string) => {
    for (const value of splitValues(get(column))) {
      if (identifiers.some((i) => i.type === type && i.value === value)) continue;
      const detail = detailColumn ? get(detailColumn) : '';
      identifiers.push({ type, value, label: detail ? `${label}: ${detail}` : label });
    }
  };
  add('passport', 'passport number', 'Passport', 'passport additional information');
  add(
    'national-id',
    'national identifier number',
    'National Identifier',
    'national identifier additional information',
  );
  add('registration', 'business registration number (s)', 'Business registration number');
  add('imo', 'imo number', 'IMO number');
  add('email', 'email address', 'Email');
  add('website', 'website', 'Website');
}

function ukAddress(get: (column: string) => string): Address | undefined {
  const lines = [
    'address line 1',
    'address line 2',
    'address line 3',
    'address line 4',
    'address line 5',
    'address line 6',
  ]
    .map(get)
    .filter((p) => p);
  const postalCode = get('address postal code');
  const country = get('address country');
  const full = [...lines, postalCode, country].filter((p) => p).join(', ');
  if (!full) return undefined;
  const address: Address = { full };
  if (lines.length > 0) address.street = lines.join(', ');
  if (postalCode) address.postalCode = postalCode;
  if (country) address.country = country;
  return address;
}

/**
 * `dd/mm/yyyy` or `dd-mm-yyyy` → an ISO prefix; `00` day or month means unknown (`00/00/1975` →
 * `1975`). Undefined when the text is not such a date.
 */
export function ukDate(text: string): string | undefined {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text.trim());
  if (!m) return /^\d{4}$/.test(text.trim()) ? text.trim() : undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), m[3]!];
  if (month === 0 || month > 12 || day > 31) return month === 0 && day === 0 ? year : undefined;
  const mm = String(month).padStart(2, '0');
  return day === 0 ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** Several values in one cell are separated by `|` in the FCDO files. */
function splitValues(text: string): string[] {
  return text
    .split('|')
    .map(clean)
    .filter((v) => v);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

function addName(names: EntityName[], name: EntityName): void {
  const same = names.find((n) => n.full === name.full);
  if (!same) names.push(name);
  else if (name.kind === 'primary' && same.kind !== 'primary') same.kind = 'primary';
}
