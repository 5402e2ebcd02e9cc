/**
 * The reconciliation use case: read the exporter's and the importer's ledgers, reconcile them,
 * and append the gaps to the alert store as `reconcile` alerts (idempotent: re-running on the same
 * ledgers stores nothing new). The CLI (and later the API) are doors onto this one function.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type AlertSource,
  type AlertStore,
  builtModuleUrl,
  InputError,
  type RowReject,
  CoreUsageSample,
  secondCoreFree,
} from '../core/index.js';
import {
  type ControlledItemList,
  gapAlert,
  type LedgerColumns,
  type LedgerReadResult,
  type LedgerSide,
  LedgerTable,
  PARALLEL_MATCH_RECORDS,
  type ReconcileOptions,
  type ReconcileResult,
  reconcileLedgers,
} from '../reconcile/index.js';
import { type LedgerFile, readLedgerFile } from './reconcile-ledger-file.js';

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
  /**
   * Read the export ledger in a worker thread while this thread reads the import ledger (two
   * cores). Default: when the two files hold 16 MB or more together — below that a worker's start
   * costs more than it saves — and a second core is free (else the worker only competes for one).
   */
  parallelRead?: boolean;
}

/** Combined ledger size from which the two are read in parallel by default. */
const PARALLEL_READ_BYTES = 16 << 20;

/** Whether a second core is free over the sample's window (the load average where no counters exist). */
async function secondCoreMeasured(sample: CoreUsageSample, minMs: number): Promise<boolean> {
  const busy = await sample.othersBusyCores(minMs);
  return busy === undefined ? secondCoreFree() : secondCoreFree(availableParallelism(), busy);
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
  const progress = [0, 0];
  const onBytes = (side: number) => (bytesRead: number) => {
    progress[side] = bytesRead;
    request.onProgress?.({ stage: 'reading', bytesRead: progress[0]! + progress[1]!, bytesTotal });
  };
  const onWarning = (text: string) => request.onWarning?.(text);
  // Threads only where a second core is free, as measured from the CPU counters (the one-minute load
  // average still counts work that ended a minute ago, such as the build or generator run before).
  const readSample = CoreUsageSample.start();
  const parallelRead =
    request.parallelRead ??
    (bytesTotal >= PARALLEL_READ_BYTES && (await secondCoreMeasured(readSample, 100)));
  const matchSample = CoreUsageSample.start();
  const worker = parallelRead ? builtModuleUrl(import.meta.url, './reconcile-ledger-worker.js') : undefined;
  const [ex, im] = worker
    ? await Promise.all([
        readInWorker(worker, request.exportsPath, 'export', { onBytes: onBytes(0), onWarning }),
        readLedgerFile(request.importsPath, 'import', { onBytes: onBytes(1), onWarning }),
      ])
    : [
        await readLedgerFile(request.exportsPath, 'export', { onBytes: onBytes(0), onWarning }),
        await readLedgerFile(request.importsPath, 'import', { onBytes: onBytes(1), onWarning }),
      ];
  const records = ex.ledger.table.length + im.ledger.table.length;
  const parallel =
    request.options?.parallel ??
    (records >= PARALLEL_MATCH_RECORDS && (await secondCoreMeasured(matchSample, 0)));
  const result = reconcileLedgers({
    exports: ex.ledger.table,
    imports: im.ledger.table,
    controlledItems: request.controlledItems,
    options: { ...request.options, parallel },
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

type WorkerMessage =
  | { bytes: number }
  | { warning: string }
  | { done: { columns: LedgerColumns; rejected: RowReject[]; read: number; sha256: string; bytes: number } }
  | { error: { reason?: string; file?: string; line?: number; field?: string; message?: string } };

/** `readLedgerFile` in a worker thread; the table comes back with its buffers transferred. */
function readInWorker(
  url: URL,
  path: string,
  side: LedgerSide,
  hooks: { onBytes: (n: number) => void; onWarning: (text: string) => void },
): Promise<LedgerFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { path, side } });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if ('bytes' in m) hooks.onBytes(m.bytes);
      else if ('warning' in m) hooks.onWarning(m.warning);
      else if ('done' in m) {
        const { columns, rejected, read, sha256, bytes } = m.done;
        hooks.onBytes(bytes);
        const table = LedgerTable.fromColumns(columns);
        settle(() => resolve({ ledger: { side, file: path, table, rejected, read }, sha256, bytes }));
      } else {
        const e = m.error;
        settle(() =>
          reject(
            e.reason !== undefined
              ? new InputError(e.reason, {
                  ...(e.file !== undefined && { file: e.file }),
                  ...(e.line !== undefined && { line: e.line }),
                  ...(e.field !== undefined && { field: e.field }),
                })
              : new Error(`reading ${path} in a worker failed: ${e.message}`),
          ),
        );
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the worker reading ${path} stopped (exit ${code}) before it finished`))),
    );
  });
}

function counts(ledger: LedgerReadResult): LedgerCounts {
  return {
    file: ledger.file,
    read: ledger.read,
    accepted: ledger.table.length,
    rejected: ledger.rejected.length,
  };
}
