/**
 * Worker thread body: reads one ledger file (readLedgerFile) and posts the column table back with
 * its buffers transferred, so the two ledgers of a reconciliation are read on two cores at once.
 * Messages: `{ bytes }` now and then, `{ warning }`, then `{ done }` or `{ error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/index.js';
import type { LedgerSide } from '../reconcile/index.js';
import { readLedgerFile } from './reconcile-ledger-file.js';

const { path, side } = workerData as { path: string; side: LedgerSide };
const port = parentPort!;
let lastPosted = 0;
try {
  const { ledger, sha256, bytes } = await readLedgerFile(path, side, {
    onBytes: (n) => {
      if (n - lastPosted < 8 << 20) return;
      lastPosted = n;
      port.postMessage({ bytes: n });
    },
    onWarning: (warning) => port.postMessage({ warning }),
  });
  const columns = ledger.table.columns();
  port.postMessage(
    {
      done: { columns, rejected: ledger.rejected, read: ledger.read, sha256, bytes },
    },
    Object.values(columns.typed).map((a) => a.buffer as ArrayBuffer),
  );
} catch (error) {
  const e = error as Error;
  port.postMessage({
    error:
      error instanceof InputError
        ? { reason: error.reason, file: error.file, line: error.line, field: error.field }
        : { message: e.message ?? String(error) },
  });
}
