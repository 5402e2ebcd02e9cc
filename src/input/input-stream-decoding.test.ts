import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeInputStream } from './input-stream-decoding.js';

async function decodeChunks(chunks: Uint8Array[], file = 'orders.csv') {
  const warnings: string[] = [];
  let text = '';
  async function* source() {
    for (const c of chunks) yield c;
  }
  for await (const part of decodeInputStream(source(), file, (w) => warnings.push(w))) text += part;
  return { text, warnings };
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

describe('decodeInputStream', () => {
  it('UTF-8 cut anywhere, even inside a character, reads back the same text without a warning', () =>
    fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (s, cuts) => {
          const text = `id,name\n1,${s.replace(/\u0000/g, '')}\n`;
          const result = await decodeChunks(split(Buffer.from(text, 'utf8'), cuts));
          expect(result.text).toBe(text);
          expect(result.warnings).toEqual([]);
        },
      ),
    ));

  it('a Windows-1252 file is read as Windows-1252 with a warning naming file and line', async () => {
    const text = 'line_id,buyer\n1,Pinturas Azteca\n2,Químicos Peñón S.A.\n';
    const bytes = iconv.encode(text, 'win1252');
    const result = await decodeChunks(split(bytes, [5, 20]));
    expect(result.text).toBe(text);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^orders\.csv:3: not valid UTF-8/);
  });

  it('UTF-16 with or without a byte-order mark, and a UTF-8 byte-order mark, are read as text', async () => {
    const text = 'line_id,buyer\n1,Peñón\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    expect((await decodeChunks(split(le, [3, 9]))).text).toBe(text);
    expect((await decodeChunks([iconv.encode(text, 'utf16be')])).text).toBe(text);
    expect((await decodeChunks([Buffer.from(`\ufeff${text}`, 'utf8')])).text).toBe(text);
  });

  it('refuses a binary file naming it', async () => {
    await expect(decodeChunks([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])])).rejects.toThrow(
      /orders\.csv.*NUL bytes/,
    );
  });
});
