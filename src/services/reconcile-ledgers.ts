/**
 * The reconciliation use case: read the exporter's and the importer's ledgers, reconcile them,
 * and append the gaps to the alert store as `reconcile` alerts (idempotent: re-running on the same
 * ledgers stores nothing new). The CLI (and later the API) are doors onto this one function.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { decodeInputStream } from '../input/index.js';
import { stat } from 'node:fs/promises';
import type { AlertSource, AlertStore, RowReject } from '../core/index.js';
import {
  type ControlledItemList,
  gapAlert,
  type LedgerReadResult,
  ledgerFormatOf,
  type ReconcileOptions,
  type ReconcileResult,
  readLedger,
  reconcileLedgers,
} from '../reconcile/index.js';

export interface ReconcileLedgersRequest {
  exportsPath: string;
  importsPath: string;
  controlledItems: ControlledItemList;
  options?: Partial<ReconcileOptions>;
  /** Also compute the aggregate mirror view. */
  aggregate?: boolean;
  /** Where to append the gaps as alerts; none = do not store. */
  alerts?: AlertStore;
  /** Further sources every alert cites (the goods catalog version the weights came from). */
  extraSources?: AlertSource[];
  /** Progress of reading (bytes of both files) and of the stages after it. */
  onProgress?: (event: ReconcileProgress) => void;
  /** Said about an input file as a whole (an encoding fallback), for the door to show. */
  onWarning?: (text: string) => void;
}

export type ReconcileProgress =
  | { stage: 'reading'; bytesRead: number; bytesTotal: number }
  | { stage: 'parties' | 'matching' | 'gaps' | 'aggregate' | 'storing' };

export interface LedgerCounts {
  file: string;
  read: number;
  accepted: number;
  rejected: number;
}

export interface ReconcileLedgersResponse {
  exports: LedgerCounts;
  imports: LedgerCounts;
  /** Every rejected row of both ledgers, with file, line and field. */
  rejected: RowReject[];
  result: ReconcileResult;
  /** The ledgers' paths and content hashes, as recorded in each alert. */
  sources: AlertSource[];
  stored?: { inserted: number; unchanged: number };
}

/** Alerts appended per transaction. */
const STORE_BATCH = 5000;

/**
 * @example
 * const stores = await openStores(flags.db);
 * const r = await reconcileLedgerFiles({ exportsPath: 'E.csv', importsPath: 'I.csv', controlledItems, alerts: stores.alerts });
 * r.result.gaps.length; r.stored?.inserted;
 */
export async function reconcileLedgerFiles(
  request: ReconcileLedgersRequest,
): Promise<ReconcileLedgersResponse> {
  const sizes = await Promise.all([stat(request.exportsPath), stat(request.importsPath)]);
  const bytesTotal = sizes[0].size + sizes[1].size;
  let bytesBefore = 0;
  const readOne = async (path: string, side: 'export' | 'import') => {
    const hash = createHash('sha256');
    let bytes = 0;
    const base = bytesBefore;
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    const raw = (async function* () {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
        request.onProgress?.({ stage: 'reading', bytesRead: base + bytes, bytesTotal });
        yield chunk;
      }
    })();
    // One decoder for every user file: UTF-16, a Windows-1252 fallback with a warning, no BOM.
    const chunks = decodeInputStream(raw, path, (w) => request.onWarning?.(w));
    const ledger = await readLedger(chunks, { side, file: path, format: ledgerFormatOf(path) });
    bytesBefore += bytes;
    return { ledger, sha256: hash.digest('hex') };
  };
  const ex = await readOne(request.exportsPath, 'export');
  const im = await readOne(request.importsPath, 'import');
  const result = reconcileLedgers({
    exports: ex.ledger.table,
    imports: im.ledger.table,
    controlledItems: request.controlledItems,
    ...(request.options ? { options: request.options } : {}),
    aggregate: request.aggregate ?? false,
    onStage: (stage) => request.onProgress?.({ stage }),
  });
  const sources: AlertSource[] = [
    { name: request.exportsPath, sha256: ex.sha256 },
    { name: request.importsPath, sha256: im.sha256 },
    ...(request.extraSources ?? []),
  ];
  const response: ReconcileLedgersResponse = {
    exports: counts(ex.ledger),
    imports: counts(im.ledger),
    rejected: [...ex.ledger.rejected, ...im.ledger.rejected],
    result,
    sources,
  };
  if (request.alerts) {
    request.onProgress?.({ stage: 'storing' });
    const createdAt = new Date().toISOString();
    const stored = { inserted: 0, unchanged: 0 };
    for (let k = 0; k < result.gaps.length; k += STORE_BATCH) {
      const batch = result.gaps.slice(k, k + STORE_BATCH).map((g) => gapAlert(g, sources, createdAt));
      const r = await request.alerts.append(batch);
      stored.inserted += r.inserted;
      stored.unchanged += r.unchanged;
    }
    response.stored = stored;
  }
  return response;
}

function counts(ledger: LedgerReadResult): LedgerCounts {
  return {
    file: ledger.file,
    read: ledger.read,
    accepted: ledger.table.length,
    rejected: ledger.rejected.length,
  };
}
