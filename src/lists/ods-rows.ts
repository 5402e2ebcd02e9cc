/**
 * Reads the first sheet of an OpenDocument spreadsheet (.ods) as rows of text cells, with the
 * spreadsheet row number of each, so a list published as ODS (the UK Sanctions List) goes through
 * the same row-and-field checks as a CSV. The zip is opened with fflate and `content.xml` streamed
 * with saxes; no spreadsheet library is needed for text cells.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTag } from 'saxes';
import { InputError } from '../core/index.js';
import type { CsvRow } from '../input/index.js';

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** True when the bytes start a zip archive (an .ods, .xlsx, …), i.e. not a text file. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The non-empty rows of the first sheet; `line` is the spreadsheet row number (1-based), so errors
 * point at the row a user sees. Repeated cells and rows (`number-columns-repeated`) are expanded;
 * trailing empty cells are dropped. Throws an InputError naming the file when it is not an ODS.
 *
 * @example
 * odsRows(readFileSync('UK_Sanctions_List.ods'), 'UK_Sanctions_List.ods')[0]?.cells // ['Unique ID', 'OFSI Group ID', 'Name', …]
 */
export function odsRows(bytes: Uint8Array, file: string): CsvRow[] {
  if (!isZipArchive(bytes))
    throw new InputError('not an OpenDocument spreadsheet (not a zip archive)', { file });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' || f.name === 'mimetype' });
  } catch (error) {
    throw new InputError(`damaged spreadsheet archive (${(error as Error).message})`, { file });
  }
  const mimetype = entries.mimetype ? Buffer.from(entries.mimetype).toString('latin1').trim() : '';
  if (mimetype && mimetype !== ODS_MIMETYPE) {
    throw new InputError(
      `archive is "${mimetype}", not an OpenDocument spreadsheet (save it as .ods or CSV)`,
      {
        file,
      },
    );
  }
  const content = entries['content.xml'];
  if (!content) throw new InputError('spreadsheet has no content.xml (not an .ods file?)', { file });
  return sheetRows(Buffer.from(content).toString('utf8'), file);
}

interface Cell {
  text: string;
  repeat: number;
}

function sheetRows(xml: string, file: string): CsvRow[] {
  const parser = new SaxesParser({ position: true });
  const rows: CsvRow[] = [];
  let tableDepth = 0;
  let tablesSeen = 0;
  let rowNumber = 0;
  let rowRepeat = 1;
  let cells: Cell[] | undefined;
  let cell: Cell | undefined;
  let paragraphs: string[] | undefined;
  let failure: InputError | undefined;

  const repeatOf = (tag: SaxesTag, name: string): number => {
    const n = Number((tag.attributes as Record<string, string>)[name] ?? 1);
    return Number.isInteger(n) && n > 0 ? n : 1;
  };
  parser.on('error', (error) => {
    failure ??= new InputError(
      `malformed spreadsheet XML: ${error.message.replace(/^[^:]*:\d+:\d+:\s*/, '')}`,
      {
        file,
        line: rowNumber || undefined,
      },
    );
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'table:table') {
      tablesSeen++;
      if (tablesSeen === 1) tableDepth++;
      return;
    }
    if (tableDepth === 0) return;
    if (name === 'table:table-row') {
      cells = [];
      rowRepeat = repeatOf(tag, 'table:number-rows-repeated');
    } else if (cells && (name === 'table:table-cell' || name === 'table:covered-table-cell')) {
      cell = { text: '', repeat: repeatOf(tag, 'table:number-columns-repeated') };
      paragraphs = [];
      // A number or date cell without text still has a value.
      const attributes = tag.attributes as Record<string, string>;
      const value = attributes['office:value'] ?? attributes['office:date-value'];
      if (typeof value === 'string') cell.text = value;
    } else if (paragraphs && name === 'text:p') paragraphs.push('');
    else if (paragraphs && name === 'text:s') appendText(paragraphs, ' '.repeat(repeatOf(tag, 'text:c')));
    else if (paragraphs && name === 'text:tab') appendText(paragraphs, '\t');
    else if (paragraphs && name === 'text:line-break') appendText(paragraphs, '\n');
  });
  parser.on('text', (t) => {
    if (paragraphs && paragraphs.length > 0) appendText(paragraphs, t);
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'table:table') {
      if (tableDepth > 0) tableDepth--;
      return;
    }
    if (tableDepth === 0) return;
    if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell && cells) {
      const text = paragraphs && paragraphs.length > 0 ? paragraphs.join('\n') : cell.text;
      cells.push({ text, repeat: cell.repeat });
      cell = undefined;
      paragraphs = undefined;
    } else if (name === 'table:table-row' && cells) {
      const fields = expandCells(cells);
      if (fields.length === 0) rowNumber += rowRepeat;
      else {
        for (let k = 0; k < rowRepeat; k++) rows.push({ line: ++rowNumber, cells: [...fields] });
      }
      cells = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= new InputError(`malformed spreadsheet XML: ${(error as Error).message}`, { file });
  }
  if (failure) throw failure;
  if (tablesSeen === 0) throw new InputError('spreadsheet has no sheet', { file });
  return rows;
}

function appendText(paragraphs: string[], text: string): void {
  paragraphs[paragraphs.length - 1] += text;
}

/** Cells with their repeats expanded, trailing empty cells dropped (sheets repeat them to column 16384). */
function expandCells(cells: Cell[]): string[] {
  let last = cells.length - 1;
  while (last >= 0 && cells[last]!.text.trim() === '') last--;
  const fields: string[] = [];
  for (let i = 0; i <= last; i++) {
    const c = cells[i]!;
    for (let k = 0; k < c.repeat; k++) fields.push(c.text);
  }
  return fields;
}
