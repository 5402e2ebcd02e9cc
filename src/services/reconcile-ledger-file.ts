/**
 * One ledger file read for reconciliation: streamed through the one input decoder (UTF-16, a
 * Windows-1252 fallback with a warning), hashed as it streams (the alerts cite the file's
 * SHA-256), and parsed into a column table — the same steps whether this thread or a worker
 * reads it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { decodeInputStream } from '../input/index.js';
import { type LedgerReadResult, type LedgerSide, ledgerFormatOf, readLedger } from '../reconcile/index.js';

export interface LedgerFile {
  ledger: LedgerReadResult;
  sha256: string;
  bytes: number;
}

/**
 * @example
 * const { ledger, sha256 } = await readLedgerFile('exports.csv', 'export', { onBytes: (n) => {}, onWarning: console.warn });
 */
export async function readLedgerFile(
  path: string,
  side: LedgerSide,
  hooks: { onBytes?: (bytesRead: number) => void; onWarning?: (text: string) => void } = {},
): Promise<LedgerFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const raw = (async function* () {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      hooks.onBytes?.(bytes);
      yield chunk;
    }
  })();
  const chunks = decodeInputStream(raw, path, (w) => hooks.onWarning?.(w));
  const ledger = await readLedger(chunks, { side, file: path, format: ledgerFormatOf(path) });
  return { ledger, sha256: hash.digest('hex'), bytes };
}
