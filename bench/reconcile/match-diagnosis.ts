/**
 * Where matching goes wrong, against the generator's truth (which export(s) each import carries):
 * true groups recovered, wrong pairings, and why records ended unmatched. A development aid for
 * the matcher, run in-process on a small ledger: `node dist/bench/reconcile/match-diagnosis.js [N] [seed]`.
 * It reads the generator's labels, so nothing it prints may be used to key rules to rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoodsCatalogSchema } from '../../src/goods/index.js';
import {
  ControlledItemListSchema,
  controlledItemsFromGoodsCatalog,
  mergeControlledItems,
  readLedger,
  reconcileLedgers,
} from '../../src/reconcile/index.js';
import { packageRoot } from '../shared-data-path.js';
import { generateMirrorLedgers } from './mirror-ledger-generator.js';
import { scoreGaps } from './planted-case-scoring.js';

const shipments = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 7);
const root = packageRoot();
const items = mergeControlledItems(
  ControlledItemListSchema.parse(
    JSON.parse(readFileSync(join(root, 'data/reconcile/controlled-items.json'), 'utf8')),
  ),
  controlledItemsFromGoodsCatalog(
    GoodsCatalogSchema.parse(JSON.parse(readFileSync(join(root, 'data/goods/catalog.json'), 'utf8'))),
  ),
);
const g = generateMirrorLedgers({ seed, shipments });
const ex = await readLedger([g.exportsCsv], { side: 'export', file: 'e.csv', format: 'csv' });
const im = await readLedger([g.importsCsv], { side: 'import', file: 'i.csv', format: 'csv' });
const t = performance.now();
const r = reconcileLedgers({ exports: ex.table, imports: im.table, controlledItems: items });
const seconds = (performance.now() - t) / 1000;
const groups = r.groups;

// Truth: import id → export ids; export id → import ids.
const importsOfExport = new Map<string, string[]>();
for (const [i, es] of g.exportsOfImport)
  for (const e of es) importsOfExport.set(e, [...(importsOfExport.get(e) ?? []), i]);
const key = (es: string[], is: string[]) => `${[...es].sort().join(',')}>${[...is].sort().join(',')}`;
const trueGroups = new Set<string>();
for (const [e, is] of importsOfExport) {
  const es = [...new Set(is.flatMap((i) => g.exportsOfImport.get(i) ?? []))];
  trueGroups.add(key(es, is));
  void e;
}
if (groups) {
  let right = 0;
  let wrong = 0;
  const shapes = new Map<string, number>();
  for (const gr of groups) {
    const k = key(
      gr.exports.map((x) => ex.table.recordId[x]!),
      gr.imports.map((x) => im.table.recordId[x]!),
    );
    if (trueGroups.has(k)) right++;
    else {
      wrong++;
      const shape = `${gr.exports.length}x${gr.imports.length}`;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
  }
  console.log(
    `groups: ${groups.length} right ${right} wrong ${wrong} (true groups ${trueGroups.size})`,
    shapes,
  );
}
const scores = scoreGaps(
  r.gaps.map((x) => ({ kind: x.kind, export_ids: x.export_ids, import_ids: x.import_ids })),
  g.planted,
  g.plantedRecordIds,
  g.exportRows + g.importRows,
);
for (const k of scores.kinds)
  console.log(
    `${k.kind.padEnd(19)} planted ${k.planted} found ${k.found} reported ${k.reported} tp ${k.truePositives}`,
  );
console.log(
  `recall ${scores.recall.toFixed(3)} false gaps ${scores.falseGaps} = ${scores.falseGapsPer1000Clean.toFixed(2)}/1000 clean; ${seconds.toFixed(1)} s`,
);
