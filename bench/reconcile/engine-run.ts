/**
 * The engine alone on two ledger files (read + reconcile, no store, no output formatting), run in
 * its own process by the benchmark so its time and peak memory are its own.
 * Usage: node engine-run.js EXPORTS IMPORTS GAPS_OUT
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReject } from '../../src/core/index.js';
import { GoodsCatalogSchema } from '../../src/goods/index.js';
import {
  ControlledItemListSchema,
  controlledItemsFromGoodsCatalog,
  mergeControlledItems,
  readLedger,
  reconcileLedgers,
} from '../../src/reconcile/index.js';
import { packageRoot } from '../shared-data-path.js';

const [exportsPath, importsPath, gapsOut] = process.argv.slice(2);
if (!exportsPath || !importsPath || !gapsOut) throw new Error('usage: engine-run EXPORTS IMPORTS GAPS_OUT');
const root = packageRoot();
const items = mergeControlledItems(
  ControlledItemListSchema.parse(
    JSON.parse(readFileSync(join(root, 'data/reconcile/controlled-items.json'), 'utf8')),
  ),
  controlledItemsFromGoodsCatalog(
    GoodsCatalogSchema.parse(JSON.parse(readFileSync(join(root, 'data/goods/catalog.json'), 'utf8'))),
  ),
);
const stages: Record<string, number> = {};
const cpu: Record<string, number> = {};
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let c0 = cpuNow();
let t = performance.now();
const ex = await readLedger(createReadStream(exportsPath, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
  side: 'export',
  file: exportsPath,
  format: 'csv',
});
const im = await readLedger(createReadStream(importsPath, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
  side: 'import',
  file: importsPath,
  format: 'csv',
});
stages.read = (performance.now() - t) / 1000;
cpu.read = cpuNow() - c0;
c0 = cpuNow();
t = performance.now();
let last = t;
let lastStage = 'parties';
const result = reconcileLedgers({
  exports: ex.table,
  imports: im.table,
  controlledItems: items,
  onStage: (stage) => {
    const now = performance.now();
    if (stage !== 'parties') {
      stages[lastStage] = (now - last) / 1000;
      cpu[lastStage] = cpuNow() - c0;
      c0 = cpuNow();
    }
    last = now;
    lastStage = stage;
  },
});
stages[lastStage] = (performance.now() - last) / 1000;
cpu[lastStage] = cpuNow() - c0;
writeFileSync(
  gapsOut,
  result.gaps
    .map((g) => JSON.stringify({ kind: g.kind, export_ids: g.export_ids, import_ids: g.import_ids }))
    .join('\n'),
);
process.stdout.write(
  `${JSON.stringify({
    stages,
    cpu,
    seconds: Object.values(stages).reduce((a, b) => a + b, 0),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
    rejected: ex.rejected.length + im.rejected.length,
    firstRejects: [...ex.rejected, ...im.rejected].slice(0, 3).map(formatReject),
    matched: result.matched,
    unmatched: result.unmatched,
    partySpellings: result.partySpellings,
    candidatePairs: result.candidatePairs,
  })}\n`,
);
