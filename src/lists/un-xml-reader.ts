/**
 * Reader for the UN Security Council Consolidated List XML (`<CONSOLIDATED_LIST>` with
 * `<INDIVIDUAL>` and `<ENTITY>` records), streamed with saxes.
 */
import { type Entity, InputError, type ParsedList, type SourceFile } from '../core/index.js';
import { loadListFile } from './list-file.js';
import { unRecordToEntity } from './un-entity.js';
import { type XmlNode, childText, readXmlRecords } from './xml-records.js';

const RECORDS = new Set(['INDIVIDUAL', 'ENTITY']);

/**
 * Reads one or more UN XML files into one list version (`un-sc`); a later file's record replaces
 * an earlier one with the same id.
 *
 * @example
 * const un = await readUnXml(['../shared/data/sanctions/un_consolidated_2026-02-27/UN_consolidated.xml']);
 * un.publishedAt // '2026-02-27T00:00:09.554Z'
 */
export async function readUnXml(
  paths: string[],
  options: { list?: string; partial?: boolean } = {},
): Promise<ParsedList> {
  const warnings: string[] = [];
  const sources: SourceFile[] = [];
  const byId = new Map<string, Entity>();
  let publishedAt: string | undefined;
  for (const path of paths) {
    const { source, text } = await loadListFile(path, 'utf-8', warnings);
    sources.push(source);
    const records: XmlNode[] = [];
    const { root, rootAttributes } = readXmlRecords(text, path, RECORDS, (node) => records.push(node));
    if (root !== 'CONSOLIDATED_LIST') {
      throw new InputError(`root element is <${root}>, expected <CONSOLIDATED_LIST>`, {
        file: path,
        line: 1,
      });
    }
    const generated = rootAttributes.dateGenerated;
    if (generated && (!publishedAt || generated > publishedAt)) publishedAt = generated;
    const useReference = referenceNumbersAreUnique(records);
    if (!useReference) {
      warnings.push(`${path}: REFERENCE_NUMBER missing or repeated; entity ids are DATAIDs instead`);
    }
    for (const node of records) {
      const id = childText(node, useReference ? 'REFERENCE_NUMBER' : 'DATAID');
      if (!id) {
        throw new InputError('record has no identifier', {
          file: path,
          line: node.line,
          field: `${node.name}/${useReference ? 'REFERENCE_NUMBER' : 'DATAID'}`,
        });
      }
      byId.set(id, unRecordToEntity(node, id, path));
    }
  }
  const list: ParsedList = {
    list: options.list ?? 'un-sc',
    format: 'un-xml',
    files: sources,
    partial: options.partial ?? false,
    entities: [...byId.values()],
    warnings,
  };
  if (publishedAt) list.publishedAt = publishedAt;
  return list;
}

function referenceNumbersAreUnique(records: XmlNode[]): boolean {
  const seen = new Set<string>();
  for (const node of records) {
    const ref = childText(node, 'REFERENCE_NUMBER');
    if (!ref || seen.has(ref)) return false;
    seen.add(ref);
  }
  return true;
}
