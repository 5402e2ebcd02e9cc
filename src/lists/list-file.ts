/**
 * Reading one list file from disk: its hash for versioning, and its bytes decoded to text with
 * the checks every reader needs (empty file, UTF-16, invalid UTF-8 reported at its line).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, type SourceFile } from '../core/index.js';
import { firstInvalidUtf8Offset } from '../input/index.js';

/** A list file read and decoded: the source facts for the list version, and its text. */
export interface LoadedListFile {
  source: SourceFile;
  text: string;
}

/**
 * `utf-8`: the format is defined as UTF-8 (UN XML, FtM JSON, our CSV); invalid bytes are an error.
 * `utf-8-or-windows-1252`: OFAC's CSVs are ASCII today, but older downloads and re-saved copies
 * carry Latin-1/Windows-1252 bytes; those files are decoded as Windows-1252 with a warning.
 */
export type ListFileEncoding = 'utf-8' | 'utf-8-or-windows-1252';

const DOS_EOF = 0x1a;

/**
 * Reads, hashes and decodes a list file. Throws an InputError naming the file (and line) when the
 * file is empty, UTF-16, or not valid UTF-8 where UTF-8 is required.
 *
 * @example
 * const { source, text } = await loadListFile('sdn.csv', 'utf-8-or-windows-1252', warnings);
 */
export async function loadListFile(
  path: string,
  encoding: ListFileEncoding,
  warnings: string[],
): Promise<LoadedListFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? error})`, {
      file: path,
    });
  }
  const source: SourceFile = {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
  return { source, text: decodeListBytes(bytes, path, encoding, warnings) };
}

/** Decodes file bytes to text; exported for tests and for readers handed bytes directly. */
export function decodeListBytes(
  bytes: Buffer,
  path: string,
  encoding: ListFileEncoding,
  warnings: string[],
): string {
  let end = bytes.length;
  // OFAC files end with a DOS end-of-file byte; it is not content.
  while (end > 0 && (bytes[end - 1] === DOS_EOF || isAsciiSpace(bytes[end - 1]!))) end--;
  if (end === 0) throw new InputError('file is empty', { file: path, line: 1 });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('file is UTF-16 encoded; save it as UTF-8 and import again', {
      file: path,
      line: 1,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && nul < end) {
    throw new InputError('file contains NUL bytes (binary, or UTF-16 without a byte-order mark)', {
      file: path,
      line: lineOfOffset(bytes, nul),
    });
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start, end);
  const invalid = firstInvalidUtf8Offset(body);
  if (invalid < 0) return body.toString('utf8');
  const line = lineOfOffset(body, invalid);
  if (encoding === 'utf-8') {
    throw new InputError(
      `invalid UTF-8 byte 0x${body[invalid]!.toString(16).padStart(2, '0')}; this format must be UTF-8 (re-save the file as UTF-8)`,
      { file: path, line },
    );
  }
  warnings.push(`${path}:${line}: not valid UTF-8; decoded the file as Windows-1252`);
  return new TextDecoder('windows-1252').decode(body);
}

/** 1-based line number of a byte offset. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
