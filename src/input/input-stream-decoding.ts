/**
 * The input decoder for files too large to hold whole (order lines, ledgers): the same rules as
 * `decodeInput` — UTF-16 by its mark or its NULs, UTF-8 checked, Windows-1252 as the fallback with a
 * warning naming file and line, a byte-order mark dropped — applied chunk by chunk as the file
 * streams, so a streaming reader never turns a customer's accented names into replacement marks.
 */
import iconv from 'iconv-lite';
import { InputError } from '../core/input-error.js';
import { utf16Kind } from './input-decoding.js';
import { firstInvalidUtf8Offset } from './utf8-validity.js';

/** Bytes at the end of `bytes` that start a UTF-8 sequence the chunk does not finish. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function countLines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/**
 * @example
 * for await (const text of decodeInputStream(createReadStream(path), path, (w) => console.warn(w))) …
 */
export async function* decodeInputStream(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  warn: (warning: string) => void,
): AsyncGenerator<string> {
  let head: Uint8Array = new Uint8Array(0);
  const iterator = chunks[Symbol.asyncIterator]();
  let done = false;
  // Enough of the start to recognise UTF-16 by its NULs.
  while (head.length < 4096 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, next.value]);
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    if (head.length) yield head;
    while (!done) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };

  const utf16 = utf16Kind(head);
  if (utf16) {
    const decoder = iconv.getDecoder(utf16.encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
    let first = true;
    for await (const chunk of rest()) {
      const bytes = first && utf16.bom ? chunk.subarray(2) : chunk;
      first = false;
      const text = decoder.write(Buffer.from(bytes));
      if (text) yield text;
    }
    const end = decoder.end();
    if (end) yield end;
    return;
  }

  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let fallback: ReturnType<typeof iconv.getDecoder> | undefined;
  let first = true;
  for await (const chunk of rest()) {
    let bytes: Uint8Array = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes.indexOf(0) >= 0)
        throw new InputError('the file holds NUL bytes: it is binary, not text (save it as CSV or JSON)', {
          file,
          line: 1 + countLines(bytes, bytes.indexOf(0)),
        });
    }
    if (fallback) {
      yield fallback.write(Buffer.from(bytes));
      continue;
    }
    const tail = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    carry = bytes.slice(bytes.length - tail);
    const invalid = firstInvalidUtf8Offset(whole);
    if (invalid < 0) {
      line += countLines(whole);
      yield Buffer.from(whole.buffer, whole.byteOffset, whole.length).toString('utf8');
      continue;
    }
    warn(
      `${file}:${line + countLines(whole, invalid)}: not valid UTF-8 (byte 0x${whole[invalid]!.toString(16).padStart(2, '0')}); the rest of the file was read as Windows-1252 — check accented names, or save it as UTF-8`,
    );
    if (invalid > 0) yield Buffer.from(whole.buffer, whole.byteOffset, invalid).toString('utf8');
    fallback = iconv.getDecoder('win1252');
    yield fallback.write(Buffer.from(bytes.subarray(invalid)));
    carry = new Uint8Array(0);
  }
  if (carry.length) {
    // A sequence cut by the end of the file: not UTF-8 either.
    warn(`${file}:${line}: the file ends inside a UTF-8 character; its last bytes were read as Windows-1252`);
    yield iconv.decode(Buffer.from(carry), 'win1252');
  }
}
