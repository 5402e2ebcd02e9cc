/**
 * Reader for the UK Sanctions List published by the FCDO: the full CSV (`Report Date: …` line, then
 * 58 columns, one row per name or address of a designation) and the ODS spreadsheet (the same
 * columns, or the 8-column summary: Unique ID, OFSI Group ID, Name, Regime Name, Type, Designation
 * source, Date Designated, Sanctions Imposed). Rows are grouped by Unique ID into one entity.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Entity, InputError, type ParsedList, type SourceFile } from '../core/index.js';
import { type CsvRow, readCsvRows } from '../input/index.js';
import { decodeListBytes } from './list-file.js';
import { isZipArchive, odsRows } from './ods-rows.js';
import { typeColumn, type UkRow, ukDate, ukRowsToEntity } from './uk-entity.js';

/** List name of the UK Sanctions List in the store. */
export const UK_SANCTIONS_LIST = 'uk-sanctions-list';

const REPORT_DATE = /^report date:\s*(.+)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads one or more UK Sanctions List files (CSV or ODS) into one list version
 * (`uk-sanctions-list`); a later file's designation replaces an earlier one with the same Unique ID.
 *
 * @example
 * const uk = await readUkSanctions(['../shared/data/sanctions/uk_sanctions_list_2025-08-11/UK_Sanctions_List_2025-08-11.ods']);
 * uk.entities.length // 5300 (two unnamed designations are left out, with a warning)
 */
export async function readUkSanctions(
  paths: string[],
  options: { list?: string; partial?: boolean } = {},
): Promise<ParsedList> {
  const warnings: string[] = [];
  const sources: SourceFile[] = [];
  const byId = new Map<string, Entity>();
  let publishedAt: string | undefined;
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? error})`, {
        file: path,
      });
    }
    sources.push({ path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    let rows: CsvRow[];
    if (isZipArchive(bytes)) rows = odsRows(bytes, path);
    else {
      const text = decodeListBytes(bytes, path, 'utf-8-or-windows-1252', warnings);
      rows = readCsvRows(text, path);
    }
    const report = rows[0] && rows[0].cells.length <= 2 ? REPORT_DATE.exec(rows[0].cells[0]!.trim()) : null;
    if (report) {
      rows = rows.slice(1);
      const date = reportDate(report[1]!);
      if (date && (!publishedAt || date > publishedAt)) publishedAt = date;
    }
    for (const entity of fileEntities(rows, path, warnings)) byId.set(entity.id, entity);
  }
  const list: ParsedList = {
    list: options.list ?? UK_SANCTIONS_LIST,
    format: 'uk-sanctions',
    files: sources,
    partial: options.partial ?? false,
    entities: [...byId.values()],
    warnings,
  };
  if (publishedAt) list.publishedAt = publishedAt;
  return list;
}

function fileEntities(rows: CsvRow[], file: string, warnings: string[]): Entity[] {
  const header = rows[0];
  if (!header) throw new InputError('file has no header row', { file, line: 1 });
  const columns = header.cells.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase());
  const missing = [
    columns.includes('unique id') ? undefined : 'Unique ID',
    columns.includes('name 6') || columns.includes('name') ? undefined : 'Name 6',
    typeColumn(columns) ? undefined : 'Designation Type',
  ].find((c) => c);
  if (missing) {
    throw new InputError(
      `missing required column; this is not a UK Sanctions List file (header is: ${header.cells.slice(0, 8).join(',')}…)`,
      { file, line: header.line, field: missing },
    );
  }
  const groups = new Map<string, UkRow[]>();
  for (const row of rows.slice(1)) {
    if (row.cells.length > columns.length) {
      throw new InputError(`row has ${row.cells.length} columns, the header has ${columns.length}`, {
        file,
        line: row.line,
        field: `column ${columns.length + 1}`,
      });
    }
    const cells = new Map<string, string>();
    columns.forEach((c, i) => {
      cells.set(c, row.cells[i] ?? '');
    });
    const id = (cells.get('unique id') ?? '').trim();
    if (!id) throw new InputError('must not be empty', { file, line: row.line, field: 'Unique ID' });
    const group = groups.get(id);
    if (group) group.push({ line: row.line, cells });
    else groups.set(id, [{ line: row.line, cells }]);
  }
  const entities: Entity[] = [];
  for (const [id, group] of groups) {
    const entity = ukRowsToEntity(id, group, file, warnings);
    if (entity) entities.push(entity);
  }
  return entities;
}

/** `13-Feb-2026`, `13/02/2026` or `13-02-2026` → `2026-02-13`. */
function reportDate(text: string): string | undefined {
  const t = text.trim();
  const named = /^(\d{1,2})[-\s/]([A-Za-z]{3})[A-Za-z]*[-\s/](\d{4})$/.exec(t);
  if (named) {
    const month = MONTHS.indexOf(named[2]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    return `${named[3]}-${String(month).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`;
  }
  const date = ukDate(t);
  return date && date.length === 10 ? date : undefined;
}
