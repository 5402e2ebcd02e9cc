/**
 * Reader for in-house watchlists kept as a simple CSV: a header row, `id` and `name` required,
 * optional `schema, aliases, birth_date, nationality, country, id_number, id_type, program,
 * address, gender`. Multi-valued columns use `;`. Other columns are kept as attributes.
 */
import { basename, extname } from 'node:path';
import {
  type Entity,
  type EntitySchemaName,
  entitySchemas,
  type IdentifierType,
  identifierTypes,
  InputError,
  type ParsedList,
  type SourceFile,
} from '../core/index.js';
import { loadListFile } from './list-file.js';
import { readCsvRows } from '../input/index.js';

const KNOWN_COLUMNS = [
  'id',
  'name',
  'schema',
  'aliases',
  'birth_date',
  'nationality',
  'country',
  'id_number',
  'id_type',
  'program',
  'address',
  'gender',
] as const;

const SCHEMA_BY_LOWER = new Map<string, EntitySchemaName>([
  ...entitySchemas.map((s) => [s.toLowerCase(), s] as const),
  ['individual', 'Person'],
  ['entity', 'Organization'],
]);

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Reads one or more in-house CSV files into one list version (named by `list` or the first file
 * name's stem). A later file's row replaces an earlier one with the same id; the same id twice
 * in one file is an error.
 *
 * @example
 * // id,name,schema,aliases,birth_date,country
 * // C-1,"ACME IMPORTS S.A. DE C.V.",Company,ACME;ACME IMPORTADORA,,MX
 * const list = await readCustomCsv(['watch.csv'], { list: 'in-house' });
 */
export async function readCustomCsv(
  paths: string[],
  options: { list?: string; partial?: boolean } = {},
): Promise<ParsedList> {
  const warnings: string[] = [];
  const sources: SourceFile[] = [];
  const byId = new Map<string, Entity>();
  for (const path of paths) {
    const { source, text } = await loadListFile(path, 'utf-8', warnings);
    sources.push(source);
    const rows = readCsvRows(text, path);
    const header = rows[0]!;
    const columns = header.cells.map((h) => h.trim().toLowerCase());
    for (const required of ['id', 'name']) {
      if (!columns.includes(required)) {
        throw new InputError(`missing required column (header is: ${header.cells.join(',')})`, {
          file: path,
          line: header.line,
          field: required,
        });
      }
    }
    const seenInFile = new Set<string>();
    for (const row of rows.slice(1)) {
      if (row.cells.length !== columns.length) {
        throw new InputError(`row has ${row.cells.length} columns, the header has ${columns.length}`, {
          file: path,
          line: row.line,
          field: columns[Math.min(row.cells.length, columns.length - 1)] ?? 'row',
        });
      }
      const cell: Record<string, string> = {};
      columns.forEach((c, i) => {
        cell[c] = row.cells[i]!.trim();
      });
      const entity = customRowToEntity(cell, { file: path, line: row.line });
      if (seenInFile.has(entity.id)) {
        throw new InputError(`id "${entity.id}" appears twice in this file`, {
          file: path,
          line: row.line,
          field: 'id',
        });
      }
      seenInFile.add(entity.id);
      byId.set(entity.id, entity);
    }
  }
  const first = paths[0] ?? 'list';
  return {
    list: options.list ?? basename(first, extname(first)),
    format: 'csv',
    files: sources,
    partial: options.partial ?? false,
    entities: [...byId.values()],
    warnings,
  };
}

function customRowToEntity(cell: Record<string, string>, where: { file: string; line: number }): Entity {
  const fail = (field: string, reason: string): never => {
    throw new InputError(reason, { ...where, field });
  };
  const list = (column: string) =>
    (cell[column] ?? '')
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v);
  const id = cell.id ?? '';
  const name = cell.name ?? '';
  if (!id) fail('id', 'must not be empty');
  if (!name) fail('name', 'must not be empty');
  let schema: EntitySchemaName = 'LegalEntity';
  if (cell.schema) {
    schema =
      SCHEMA_BY_LOWER.get(cell.schema.toLowerCase()) ??
      fail('schema', `unknown schema "${cell.schema}"; use one of ${entitySchemas.join(', ')}`);
  }
  const birthDates = list('birth_date');
  for (const date of birthDates) {
    if (!PARTIAL_DATE.test(date))
      fail('birth_date', `"${date}" is not a date like 1981-10-01, 1981-10 or 1981`);
  }
  const entity: Entity = {
    id,
    schema,
    names: [
      { full: name, kind: 'primary' },
      ...list('aliases').map((full) => ({ full, kind: 'strong' as const })),
    ],
    addresses: cell.address ? [{ full: cell.address }] : [],
    birthDates,
    birthPlaces: [],
    nationalities: list('nationality'),
    countries: list('country'),
    identifiers: [],
    programs: list('program'),
    links: [],
    attributes: {},
  };
  const gender = (cell.gender ?? '').toLowerCase();
  if (gender === 'male' || gender === 'm') entity.gender = 'male';
  else if (gender === 'female' || gender === 'f') entity.gender = 'female';
  else if (gender) fail('gender', `"${cell.gender}" is not male or female`);
  const numbers = list('id_number');
  if (numbers.length > 0) {
    const typeText = (cell.id_type ?? '').toLowerCase() || 'other';
    if (!(identifierTypes as readonly string[]).includes(typeText)) {
      fail('id_type', `unknown identifier type "${cell.id_type}"; use one of ${identifierTypes.join(', ')}`);
    }
    for (const value of numbers) entity.identifiers.push({ type: typeText as IdentifierType, value });
  } else if (cell.id_type) fail('id_number', 'id_type is given but id_number is empty');
  for (const [column, value] of Object.entries(cell)) {
    if (value && !(KNOWN_COLUMNS as readonly string[]).includes(column)) entity.attributes[column] = [value];
  }
  return entity;
}
