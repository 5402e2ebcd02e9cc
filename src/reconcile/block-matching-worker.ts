/**
 * Worker thread body for parallel-block-matching.ts: matches the blocks it is sent with the same
 * pair costs as the main thread and posts the groups back, then raises the shared flag the main
 * thread waits on. Every failure is posted too, so the main thread never waits for nothing.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import type { BlockJob, BlockReply } from './parallel-block-matching.js';

const { job, port } = workerData as { job: BlockJob; port: MessagePort };
Atomics.store(job.signal, 0, 2);
Atomics.notify(job.signal, 0);
let reply: BlockReply;
try {
  const [{ matchBlock }, { PairCost }] = await Promise.all([
    import('./block-matching.js'),
    import('./pair-cost.js'),
  ]);
  const cost = new PairCost(job.ec, job.ic, job.options, job.noise, job.currencies);
  const stats = { candidatePairs: 0, largestComponent: 0 };
  const out: number[] = [];
  const b = job.blocks;
  let p = 0;
  while (p < b.length) {
    const ne = b[p++]!;
    const ni = b[p++]!;
    const be = Array.from(b.subarray(p, p + ne));
    const bi = Array.from(b.subarray(p + ne, p + ne + ni));
    p += ne + ni;
    const groups = matchBlock(be, bi, job.ec, job.ic, cost, job.options.maxExactComponent, stats);
    out.push(groups.length);
    for (const g of groups) out.push(g.exports.length, g.imports.length, ...g.exports, ...g.imports);
  }
  reply = { groups: Int32Array.from(out), ...stats };
} catch (error) {
  reply = { error: (error as Error).message ?? String(error) };
}
port.postMessage(reply);
Atomics.store(job.signal, 0, 1);
Atomics.notify(job.signal, 0);
