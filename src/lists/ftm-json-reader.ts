/**
 * Reader for FollowTheMoney entity JSON lines (the OpenSanctions export format): one
 * `{"id","schema","properties":{...},"datasets":[...]}` object per line.
 */
import { basename, extname } from 'node:path';
import { type Entity, InputError, type ParsedList, type SourceFile } from '../core/index.js';
import { type FtmRecord, ftmSchema, ftmToEntity } from './ftm-entity.js';
import { loadListFile } from './list-file.js';

/**
 * Reads FtM JSON lines files into one list version. Entities of schemas that are not screening
 * targets (Address, Sanction, Ownership, ...) are skipped and counted in a warning.
 *
 * @example
 * const list = await readFtmJson(['src/lists/fixtures/ftm-sample.jsonl']);
 */
export async function readFtmJson(
  paths: string[],
  options: { list?: string; partial?: boolean } = {},
): Promise<ParsedList> {
  const warnings: string[] = [];
  const sources: SourceFile[] = [];
  const byId = new Map<string, Entity>();
  const skipped = new Map<string, number>();
  let datasetName: string | undefined;
  for (const path of paths) {
    const { source, text } = await loadListFile(path, 'utf-8', warnings);
    sources.push(source);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.trim();
      if (!raw) continue;
      const where = { file: path, line: i + 1 };
      const record = parseFtmLine(raw, where);
      const schema = ftmSchema(record.schema);
      if (!schema) {
        skipped.set(record.schema, (skipped.get(record.schema) ?? 0) + 1);
        continue;
      }
      if (!datasetName && Array.isArray(record.datasets) && typeof record.datasets[0] === 'string') {
        datasetName = record.datasets[0];
      }
      byId.set(record.id, ftmToEntity(record, schema, where));
    }
  }
  if (skipped.size > 0) {
    const detail = [...skipped].map(([schema, count]) => `${count} ${schema}`).join(', ');
    warnings.push(`skipped FtM entities whose schema is not a screening target: ${detail}`);
  }
  const first = paths[0] ?? 'list';
  return {
    list: options.list ?? datasetName ?? basename(first, extname(first)),
    format: 'ftm-json',
    files: sources,
    partial: options.partial ?? false,
    entities: [...byId.values()],
    warnings,
  };
}

function parseFtmLine(raw: string, where: { file: string; line: number }): FtmRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { ...where, field: 'json' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('each line must be one JSON object', { ...where, field: 'json' });
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || !record.id) {
    throw new InputError('missing or empty string', { ...where, field: 'id' });
  }
  if (typeof record.schema !== 'string' || !record.schema) {
    throw new InputError('missing or empty string', { ...where, field: 'schema' });
  }
  const properties = record.properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new InputError('must be an object of property lists', { ...where, field: 'properties' });
  }
  return {
    id: record.id,
    schema: record.schema,
    properties: properties as Record<string, unknown>,
    datasets: record.datasets,
  };
}
