/**
 * Reads a FollowTheMoney example (yente's `{schema, properties}`) into the parties Sentinela
 * screens: one `PartyQuery` per name the example gives (yente matches on any of an entity's
 * names), carrying the birth date, nationality, country, gender and identifier qualifiers.
 */
import type { PartyQuery } from '../../core/index.js';
import type { FieldProblem } from '../problem-response.js';

/** FtM schemas Sentinela screens, and the screening schema each maps to. */
const schemas: Record<string, PartyQuery['schema']> = {
  Person: 'Person',
  Organization: 'Organization',
  PublicBody: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
  Thing: 'Thing',
};

/** FtM properties read as an identifier, first found wins. */
const identifierProperties = [
  'idNumber',
  'passportNumber',
  'registrationNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'vatCode',
  'leiCode',
  'imoNumber',
  'mmsi',
  'swiftBic',
];

const partialDate = /^(\d{4})(-\d{2}(-\d{2})?)?/;

export interface FtmExample {
  id?: string | null;
  schema: string;
  properties: Record<string, string | Array<string | number>>;
}

export type ExampleReading = { parties: PartyQuery[] } | { problems: FieldProblem[] };

function values(example: FtmExample, property: string): string[] {
  const raw = example.properties[property];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => String(v).trim()).filter((v) => v.length > 0);
}

/**
 * @example
 * readFtmExample('q1', { schema: 'Person', properties: { name: ['Ovidio Guzman'], birthDate: ['1990'] } }, 'body.queries.q1');
 * // { parties: [{ id: 'q1', name: 'Ovidio Guzman', schema: 'Person', birthDate: '1990' }] }
 */
export function readFtmExample(key: string, example: FtmExample, where: string): ExampleReading {
  const problems: FieldProblem[] = [];
  const schema = schemas[example.schema];
  if (!schema)
    problems.push({
      field: `${where}.schema`,
      message: `schema ${example.schema} is not screened; use one of ${Object.keys(schemas).join(', ')}`,
    });
  const names = [...values(example, 'name'), ...values(example, 'alias')];
  const composed = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName']
    .flatMap((p) => values(example, p).slice(0, 1))
    .join(' ');
  if (composed) names.push(composed);
  if (names.length === 0)
    problems.push({
      field: `${where}.properties.name`,
      message: 'a name (or firstName/lastName) is required',
    });
  const birth = values(example, 'birthDate')[0];
  const birthDate = birth ? partialDate.exec(birth)?.[0] : undefined;
  if (birth && !birthDate)
    problems.push({
      field: `${where}.properties.birthDate`,
      message: `"${birth}" is not a date (YYYY[-MM[-DD]])`,
    });
  if (problems.length > 0) return { problems };

  const base: Omit<PartyQuery, 'name'> = { id: key, schema };
  if (birthDate) base.birthDate = birthDate;
  const nationality = values(example, 'nationality')[0] ?? values(example, 'citizenship')[0];
  if (nationality) base.nationality = nationality;
  const country = values(example, 'country')[0] ?? values(example, 'jurisdiction')[0];
  if (country) base.country = country;
  const gender = values(example, 'gender')[0]?.toLowerCase();
  if (gender === 'male' || gender === 'female') base.gender = gender;
  for (const property of identifierProperties) {
    const id = values(example, property)[0];
    if (id) {
      base.idNumber = id;
      break;
    }
  }
  const unique = [...new Set(names.map((n) => n.slice(0, 500)))].slice(0, 10);
  return { parties: unique.map((name) => ({ ...base, name })) };
}
