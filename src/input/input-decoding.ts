/**
 * Bytes of a user's file → text, the same way for every command that reads one. Customer files
 * come from Excel on Windows (Windows-1252, UTF-16 "Unicode text", a UTF-8 byte-order mark),
 * from old systems (CR line ends) or from several exports pasted together (CRLF and LF mixed).
 * Reading them all as UTF-8 turns "MUÑOZ" into "MU�OZ" and a listed person is silently missed;
 * splitting on CRLF only merges LF rows. So: the encoding is detected (BOM, UTF-16 by its NUL
 * pattern, UTF-8 validated, else Windows-1252 with a warning naming the file and line), and every
 * line end becomes LF.
 */
import iconv from 'iconv-lite';
import { InputError } from '../core/input-error.js';
import { firstInvalidUtf8Offset, lineOfOffset } from './utf8-validity.js';

export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedInput {
  text: string;
  encoding: InputEncoding;
  /** Said to the user on stderr: a fallback encoding, mixed line ends. */
  warnings: string[];
}

const DOS_EOF = 0x1a;

/**
 * @example
 * decodeInput(readFileSync('customers.csv'), 'customers.csv').text
 */
export function decodeInput(bytes: Uint8Array, file: string): DecodedInput {
  const warnings: string[] = [];
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === DOS_EOF) end--;
  const body = bytes.subarray(0, end);
  if (body.length === 0) throw new InputError('the file is empty', { file, line: 1 });

  let encoding: InputEncoding;
  let text: string;
  const utf16 = utf16Kind(body);
  if (utf16) {
    encoding = utf16.encoding;
    const content = body.subarray(utf16.bom ? 2 : 0);
    if (content.length % 2 === 1)
      warnings.push(`${file}: UTF-16 text with an odd number of bytes; the last byte was ignored`);
    text = iconv.decode(
      Buffer.from(content.buffer, content.byteOffset, content.length - (content.length % 2)),
      encoding === 'utf-16le' ? 'utf16le' : 'utf16be',
    );
  } else {
    const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    const content = body.subarray(start);
    const nul = content.indexOf(0);
    if (nul >= 0) {
      throw new InputError('the file holds NUL bytes: it is binary, not text (save it as CSV or JSON)', {
        file,
        line: lineOfOffset(content, nul),
      });
    }
    const invalid = firstInvalidUtf8Offset(content);
    if (invalid < 0) {
      encoding = 'utf-8';
      text = Buffer.from(content.buffer, content.byteOffset, content.length).toString('utf8');
    } else {
      encoding = 'windows-1252';
      text = iconv.decode(Buffer.from(content.buffer, content.byteOffset, content.length), 'win1252');
      warnings.push(
        `${file}:${lineOfOffset(content, invalid)}: not valid UTF-8 (byte 0x${content[invalid]!.toString(16).padStart(2, '0')}); the file was read as Windows-1252 — check accented names, or save it as UTF-8`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const crlf = text.includes('\r\n');
  const bareLf = /(^|[^\r])\n/.test(text);
  const bareCr = /\r(?!\n)/.test(text);
  if ([crlf, bareLf, bareCr].filter(Boolean).length > 1)
    warnings.push(
      `${file}: mixed line ends (${[crlf && 'CRLF', bareLf && 'LF', bareCr && 'CR'].filter(Boolean).join(', ')}); each is read as one line end`,
    );
  text = text.replace(/\r\n?/g, '\n');
  return { text, encoding, warnings };
}

/** UTF-16 by its byte-order mark, or by NULs in every other byte of the first kilobytes. */
export function utf16Kind(
  bytes: Uint8Array,
): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Latin text in UTF-16 has a NUL in nearly every pair, always on the same side.
  if (oddNul >= pairs * 0.7 && evenNul <= pairs * 0.05) return { encoding: 'utf-16le', bom: false };
  if (evenNul >= pairs * 0.7 && oddNul <= pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  return undefined;
}
