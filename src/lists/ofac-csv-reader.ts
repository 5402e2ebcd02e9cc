/**
 * Reader for OFAC's delimited files (SDN: sdn/alt/add/sdn_comments.csv; non-SDN consolidated:
 * cons_prim/alt/add/comments.csv). Several files form one version: later primary rows replace
 * earlier ones by ent_num, alias/address/comment rows join by ent_num.
 */
import { open } from 'node:fs/promises';
import {
  type Entity,
  type EntitySchemaName,
  InputError,
  type ParsedList,
  type SourceFile,
} from '../core/index.js';
import { loadListFile } from './list-file.js';
import { type CsvRow, readCsvRows } from '../input/index.js';
import {
  OFAC_COLUMNS,
  type OfacFile,
  type OfacFileRole,
  ofacListName,
  resolveOfacFiles,
} from './ofac-file-set.js';
import { buildOfacEntity, OFAC_PART_ATTRIBUTES, OFAC_REMARKS_LIMIT, type OfacRecord } from './ofac-entity.js';
import { type LocatedRow, ofacValue } from './ofac-row.js';

const SDN_TYPES: Record<string, EntitySchemaName> = {
  '': 'Organization',
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

/**
 * Reads an OFAC CSV file set into one list version.
 *
 * @example
 * const list = await readOfacCsv(['../shared/data/sanctions/ofac_sdn_2024-05-03']);
 * list.entities.length // 14965
 */
export async function readOfacCsv(
  paths: string[],
  options: { list?: string; partial?: boolean } = {},
): Promise<ParsedList> {
  const warnings: string[] = [];
  const files = await resolveOfacFiles(paths, sniffOfacRole);
  const listName = options.list ?? ofacListName(files);
  if (!files.some((f) => f.role === 'primary')) {
    throw new InputError(
      'no primary file (sdn.csv or cons_prim.csv) among the paths; aliases need their entities',
      {
        file: files[0]?.path ?? paths[0] ?? '',
      },
    );
  }

  const sources: SourceFile[] = [];
  const records = new Map<string, OfacRecord>();
  const supplementary: Array<{ file: OfacFile; rows: CsvRow[] }> = [];
  for (const file of files) {
    const { source, text } = await loadListFile(file.path, 'utf-8-or-windows-1252', warnings);
    sources.push(source);
    const rows = readCsvRows(text, file.path);
    checkColumns(rows, file);
    if (file.role === 'primary') {
      for (const row of rows) {
        const entNum = entityNumber(row, file.path);
        // A later file (an update) replaces the whole primary row, keeping joined rows.
        const previous = records.get(entNum);
        records.set(entNum, {
          primary: { file: file.path, line: row.line, fields: row.cells },
          aliases: previous?.aliases ?? new Map(),
          addresses: previous?.addresses ?? new Map(),
          comments: previous?.comments,
        });
      }
    } else supplementary.push({ file, rows });
  }

  for (const { file, rows } of supplementary) joinSupplementary(records, file, rows, warnings);

  const hasComments = files.some((f) => f.role === 'comments');
  let cutRemarks = 0;
  const entities: Entity[] = [];
  for (const [entNum, record] of records) {
    if (!hasComments && (record.primary.fields[11]?.length ?? 0) >= OFAC_REMARKS_LIMIT) cutRemarks++;
    const type = ofacValue(record.primary.fields[2]).toLowerCase();
    let schema = SDN_TYPES[type];
    if (!schema) {
      warnings.push(
        `${record.primary.file}:${record.primary.line}: unknown SDN_Type "${type}"; read as LegalEntity`,
      );
      schema = 'LegalEntity';
    }
    entities.push(buildOfacEntity(entNum, schema, record, warnings));
  }
  if (cutRemarks > 0) {
    // The continuation lives in the comments file, which this set lacks: say so rather than read
    // cut remarks as if they were whole.
    warnings.push(
      `${cutRemarks} entit${cutRemarks === 1 ? 'y has' : 'ies have'} remarks cut at ${OFAC_REMARKS_LIMIT} characters and no ` +
        'comments file (sdn_comments.csv) was given: facts after the cut are not read',
    );
  }
  const list: ParsedList = {
    list: listName,
    format: 'ofac-csv',
    files: sources,
    partial: options.partial ?? false,
    entities,
    // Which files were given: a partial update keeps the stored facts of the files not given.
    parts: [...new Set(files.map((f) => f.role))],
    partAttributes: OFAC_PART_ATTRIBUTES,
    warnings,
  };
  return list;
}

function joinSupplementary(
  records: Map<string, OfacRecord>,
  file: OfacFile,
  rows: CsvRow[],
  warnings: string[],
): void {
  const orphans = new Set<string>();
  let orphanRows = 0;
  const commentsSeen = new Set<string>();
  for (const row of rows) {
    const entNum = entityNumber(row, file.path);
    const record = records.get(entNum);
    if (!record) {
      orphans.add(entNum);
      orphanRows++;
      continue;
    }
    const located: LocatedRow = { file: file.path, line: row.line, fields: row.cells };
    if (file.role === 'comments') {
      // Several rows continue the same remarks in order; a later comments file replaces them.
      // Untrimmed: the continuation may start with the space the cut fell on.
      const text = ofacValue(row.cells[1]) ? (row.cells[1] ?? '') : '';
      record.comments = commentsSeen.has(entNum) ? `${record.comments ?? ''}${text}` : text;
      record.commentsAt = located;
      commentsSeen.add(entNum);
      continue;
    }
    const key = row.cells[1]?.trim() ?? '';
    if (!/^\d+$/.test(key)) {
      throw new InputError('expected a whole number', {
        file: file.path,
        line: row.line,
        field: OFAC_COLUMNS[file.role][1],
      });
    }
    (file.role === 'alias' ? record.aliases : record.addresses).set(key, located);
  }
  if (orphanRows > 0) {
    const sample = [...orphans].slice(0, 5).join(', ');
    warnings.push(
      `${file.path}: ${orphanRows} ${file.role} row(s) for ${orphans.size} ent_num(s) with no primary row ` +
        `(e.g. ${sample}${orphans.size > 5 ? ', ...' : ''}); skipped`,
    );
  }
}

function entityNumber(row: CsvRow, file: string): string {
  const value = row.cells[0]?.trim() ?? '';
  if (!/^\d+$/.test(value)) {
    throw new InputError(`expected a whole number, found "${value.slice(0, 20)}"`, {
      file,
      line: row.line,
      field: 'ent_num',
    });
  }
  return value;
}

function checkColumns(rows: CsvRow[], file: OfacFile): void {
  const columns = OFAC_COLUMNS[file.role];
  for (const row of rows) {
    if (row.cells.length === columns.length) continue;
    if (row.cells.length < columns.length) {
      throw new InputError(
        `row has ${row.cells.length} columns, expected ${columns.length} (${columns.join(', ')})`,
        { file: file.path, line: row.line, field: columns[row.cells.length] },
      );
    }
    throw new InputError(`row has ${row.cells.length} columns, expected ${columns.length}`, {
      file: file.path,
      line: row.line,
      field: `column ${columns.length + 1}`,
    });
  }
}

/** A file with an unfamiliar name gets its role from the column count of its first row. */
async function sniffOfacRole(path: string): Promise<OfacFileRole | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) throw new InputError('file not found', { file: path });
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('latin1');
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    const rows = (() => {
      try {
        return readCsvRows(firstLine, path);
      } catch {
        return [];
      }
    })();
    const count = rows[0]?.cells.length;
    for (const [role, columns] of Object.entries(OFAC_COLUMNS)) {
      if (columns.length === count && /^\d+$/.test(rows[0]?.cells[0] ?? '')) return role as OfacFileRole;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}
