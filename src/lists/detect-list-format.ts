/**
 * Tells which list format a set of paths holds, from file names first and the first bytes second,
 * so `sentinela lists import PATH...` works without `--format`.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError, type ListFormat } from '../core/index.js';
import { ofacFileRole } from './ofac-file-set.js';
import { isZipArchive } from './ods-rows.js';

const SNIFF_BYTES = 16 * 1024;
/** An ODS stores its mimetype uncompressed as the archive's first entry. */
const ODS_MIMETYPE_BYTES = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');

/**
 * Detects the format of a list file set; all paths must agree.
 *
 * @example
 * await detectListFormat(['../shared/data/sanctions/ofac_sdn_2024-05-03']) // 'ofac-csv'
 */
export async function detectListFormat(paths: string[]): Promise<ListFormat> {
  if (paths.length === 0) throw new InputError('no list file given');
  let found: { format: ListFormat; path: string } | undefined;
  for (const path of paths) {
    const format = await detectOne(path);
    if (found && found.format !== format) {
      throw new InputError(
        `this file is ${format} but ${found.path} is ${found.format}; one list version has one format (use --format to override)`,
        { file: path },
      );
    }
    found ??= { format, path };
  }
  return found!.format;
}

async function detectOne(path: string): Promise<ListFormat> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError('file or folder not found', { file: path });
  if (info.isDirectory()) {
    const entries = await readdir(path);
    if (entries.some((e) => ofacFileRole(join(path, e)))) return 'ofac-csv';
    throw new InputError(
      'folder holds no OFAC CSV files (sdn.csv, alt.csv, ... or cons_*.csv); name the file(s) instead',
      {
        file: path,
      },
    );
  }
  const headBytes = await readHead(path);
  if (isZipArchive(headBytes)) {
    if (/\.ods$/i.test(path) || headBytes.includes(ODS_MIMETYPE_BYTES)) return 'uk-sanctions';
    throw new InputError(
      'file is a zip archive but not an OpenDocument spreadsheet; unzip it, or save a spreadsheet as .ods or CSV',
      { file: path },
    );
  }
  const text = headBytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.length === 0) throw new InputError('file is empty', { file: path, line: 1 });
  const ext = extname(path).toLowerCase();
  if (text.startsWith('<')) {
    if (/<CONSOLIDATED_LIST[\s>]/.test(text)) return 'un-xml';
    throw new InputError(
      'XML file is not the UN Security Council consolidated list (no <CONSOLIDATED_LIST>)',
      {
        file: path,
      },
    );
  }
  if (text.startsWith('{') || ext === '.jsonl' || ext === '.ndjson' || ext === '.json') {
    if (/"schema"\s*:/.test(text) && /"properties"\s*:/.test(text)) return 'ftm-json';
    throw new InputError('JSON file is not FollowTheMoney entities (no "schema" and "properties" keys)', {
      file: path,
      line: 1,
    });
  }
  if (ofacFileRole(path) && /^\d+,/.test(text)) return 'ofac-csv';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (isUkSanctionsCsv(firstLine)) return 'uk-sanctions';
  if (/^\d+,("[^"]*"|-0- ?)/.test(firstLine)) return 'ofac-csv';
  const header = firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  if (header.includes('id') && header.includes('name')) return 'csv';
  throw new InputError(
    `cannot tell the list format of ${basename(path)}; expected OFAC CSV, UN XML, UK Sanctions List CSV/ODS, FtM JSON lines or a CSV with id,name columns (use --format)`,
    { file: path },
  );
}

/** The FCDO CSV starts with `Report Date: …` and a header holding `Unique ID` and `Name 6`. */
function isUkSanctionsCsv(firstLine: string): boolean {
  if (/^"?report date:/i.test(firstLine)) return true;
  const header = firstLine.toLowerCase();
  return header.includes('unique id') && (header.includes('name 6') || header.includes('ofsi group id'));
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
