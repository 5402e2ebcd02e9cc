/**
 * Blocks matched on two cores: blocks are independent once the noise is learnt, so a worker
 * thread matches about half of them (by candidate work) while this thread matches the rest, and
 * the groups are put back in block order — the result is the same as matching them one after the
 * other. The call stays synchronous (this thread waits on a shared flag, then takes the worker's
 * message), so the engine keeps its plain function API. When no compiled worker exists, or it
 * never starts, or fails, this thread matches the worker's blocks itself.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { builtModuleUrl } from '../core/index.js';
import { type BlockStats, type MatchGroup, matchBlock } from './block-matching.js';
import type { MatchColumns } from './match-columns.js';
import type { NoiseCalibration, PairCost } from './pair-cost.js';
import type { ReconcileOptions } from './reconcile-options.js';

/** Records from which a worker is worth its start (loading the modules, copying the columns). */
export const PARALLEL_MATCH_RECORDS = 100_000;
/** How long a worker may take to start before this thread matches its blocks itself. */
const START_TIMEOUT_MS = 20_000;

/** What the worker is sent. */
export interface BlockJob {
  ec: MatchColumns;
  ic: MatchColumns;
  options: ReconcileOptions;
  noise: NoiseCalibration;
  currencies: number;
  /** Per block: export count, import count, the exports, the imports. */
  blocks: Int32Array;
  /** 0 waiting, 2 started, 1 done (the message is posted). */
  signal: Int32Array;
}

/**
 * The groups of every block, in block order (`undefined` for blocks with no export or no import),
 * and how many blocks the worker matched.
 *
 * @example
 * const { perBlock } = matchBlocks(blockExports, blockImports, ec, ic, cost, context, stats);
 */
export function matchBlocks(
  blockExports: readonly number[][],
  blockImports: readonly number[][],
  ec: MatchColumns,
  ic: MatchColumns,
  cost: PairCost,
  context: { options: ReconcileOptions; noise: NoiseCalibration; currencies: number; parallel: boolean },
  stats: BlockStats,
): { perBlock: Array<MatchGroup[] | undefined>; workerBlocks: number } {
  const out: Array<MatchGroup[] | undefined> = new Array(blockExports.length);
  const maxExact = context.options.maxExactComponent;
  const here = (b: number) => {
    out[b] = matchBlock(blockExports[b]!, blockImports[b]!, ec, ic, cost, maxExact, stats);
  };
  const live: number[] = [];
  for (let b = 0; b < blockExports.length; b++)
    if (blockExports[b]!.length > 0 && blockImports[b]!.length > 0) live.push(b);
  const url = context.parallel ? builtModuleUrl(import.meta.url, './block-matching-worker.js') : undefined;
  if (!url) {
    for (const b of live) here(b);
    return { perBlock: out, workerBlocks: 0 };
  }
  // Split by work (pairs in a block grow as its exports × imports), the largest blocks first.
  const weight = (b: number) => blockExports[b]!.length * blockImports[b]!.length + 1;
  live.sort((x, y) => weight(y) - weight(x));
  const mine: number[] = [];
  const theirs: number[] = [];
  let mineWork = 0;
  let theirWork = 0;
  for (const b of live)
    if (theirWork < mineWork) {
      theirs.push(b);
      theirWork += weight(b);
    } else {
      mine.push(b);
      mineWork += weight(b);
    }
  theirs.sort((x, y) => x - y);
  let size = 0;
  for (const b of theirs) size += 2 + blockExports[b]!.length + blockImports[b]!.length;
  const blocks = new Int32Array(size);
  let at = 0;
  for (const b of theirs) {
    blocks[at++] = blockExports[b]!.length;
    blocks[at++] = blockImports[b]!.length;
    for (const e of blockExports[b]!) blocks[at++] = e;
    for (const i of blockImports[b]!) blocks[at++] = i;
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const job: BlockJob = {
    ec,
    ic,
    options: context.options,
    noise: context.noise,
    currencies: context.currencies,
    blocks,
    signal,
  };
  const worker = new Worker(url, { workerData: { job, port: port2 }, transferList: [port2] });
  worker.unref();
  for (const b of mine) here(b);
  const reply = awaitReply(signal, port1);
  void worker.terminate();
  port1.close();
  if (!reply || 'error' in reply) {
    for (const b of theirs) here(b);
    return { perBlock: out, workerBlocks: 0 };
  }
  stats.candidatePairs += reply.candidatePairs;
  stats.largestComponent = Math.max(stats.largestComponent, reply.largestComponent);
  const g = reply.groups;
  let p = 0;
  for (const b of theirs) {
    const count = g[p++]!;
    const list: MatchGroup[] = [];
    for (let k = 0; k < count; k++) {
      const ne = g[p++]!;
      const ni = g[p++]!;
      list.push({
        exports: Array.from(g.subarray(p, p + ne)),
        imports: Array.from(g.subarray(p + ne, p + ne + ni)),
      });
      p += ne + ni;
    }
    out[b] = list;
  }
  return { perBlock: out, workerBlocks: theirs.length };
}

/** The worker's reply: per block in its list, the group count then each group's sizes and members. */
export type BlockReply =
  | { groups: Int32Array; candidatePairs: number; largestComponent: number }
  | { error: string };

/** Waits (blocking this thread) for the worker's reply; undefined when it never started. */
function awaitReply(signal: Int32Array, port: MessagePort): BlockReply | undefined {
  const started = Date.now();
  for (;;) {
    const state = Atomics.load(signal, 0);
    if (state === 1) return receiveMessageOnPort(port)?.message as BlockReply | undefined;
    if (state === 0 && Date.now() - started > START_TIMEOUT_MS) return undefined;
    Atomics.wait(signal, 0, state, 100);
  }
}
