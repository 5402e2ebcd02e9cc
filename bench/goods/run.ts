/**
 * Goods-screening benchmark (benchmarks.md §5): a seeded generator of labelled order lines with
 * planted cases for every rule; recall and precision per rule, false alerts on benign lines, and
 * throughput of the whole `goods screen` command (start-up included) beside the engine alone and
 * beside reading the CSV alone. `--quick` runs a CI-sized version; `--seed N`, `--lines N`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { GoodsScreening, type OrderLine, readOrderLine } from '../../src/goods/index.js';
import { csvLine } from '../../src/input/index.js';
import { readGoodsCatalogFile, shippedGoodsCatalogPath } from '../../src/services/goods-catalog.js';
import { packageRoot } from '../shared-data-path.js';
import { type GeneratedLine, generateOrders } from './order-generator.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seed = flag('--seed', 20261201);
const benignLines = flag('--lines', quick ? 40_000 : 1_000_000);
const casesPerRule = flag('--cases', quick ? 60 : 400);
const root = packageRoot();
const cli = join(root, 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'sentinela-bench-goods-'));
const out = process.stdout;

const columns: Array<keyof GeneratedLine> = [
  'line_id',
  'date',
  'seller',
  'buyer',
  'buyer_address',
  'buyer_country',
  'consignee',
  'ship_to_country',
  'via_countries',
  'origin_country',
  'description',
  'cas',
  'hs_code',
  'quantity',
  'unit',
  'permit_ref',
];

try {
  const catalog = readGoodsCatalogFile(shippedGoodsCatalogPath());
  const generated = generateOrders(catalog, { seed, benignLines, casesPerRule });
  const input = join(dir, 'orders.csv');
  writeFileSync(
    input,
    `${csvLine(columns)}\n${generated.lines.map((l) => csvLine(columns.map((c) => l[c]))).join('\n')}\n`,
  );
  const refusals = join(dir, 'refusals.csv');
  writeFileSync(
    refusals,
    `date,seller,buyer,item,reason\n${generated.refusals.map((r) => csvLine([r.date, r.seller, r.buyer, r.item, r.reason])).join('\n')}\n`,
  );
  const planted = new Map<string, string>();
  for (const c of generated.cases) for (const id of c.lineIds) planted.set(id, c.rule);
  const total = generated.lines.length;
  out.write(
    `goods benchmark (seed ${seed}${quick ? ', quick' : ''}): ${total.toLocaleString('en-US')} order lines, ` +
      `${generated.cases.length} planted cases on ${planted.size} lines, ${(total - planted.size).toLocaleString('en-US')} benign lines\n`,
  );

  // Reading alone (csv-parse), the floor under the whole command.
  let t = performance.now();
  const records = parse(readFileSync(input), { columns: true }) as Array<Record<string, string>>;
  const readSeconds = (performance.now() - t) / 1000;
  const lines: OrderLine[] = records.map((r, i) => readOrderLine(r, { file: input, line: i + 2 }));

  // The engine alone over lines already read.
  t = performance.now();
  const engine = new GoodsScreening({ catalog, catalogVersion: 'bench' });
  let engineAlerts = 0;
  for (const l of lines) engineAlerts += engine.add(l).length;
  engineAlerts += engine.finish().length;
  const engineSeconds = (performance.now() - t) / 1000;

  // The whole command, start-up included, against a store holding the sample watchlist.
  const db = join(dir, 'bench.sqlite');
  const imported = spawnSync(
    process.execPath,
    [cli, 'lists', 'import', join(root, 'data/sample/sample-watchlist.csv'), '--db', db],
    { encoding: 'utf8' },
  );
  if (imported.status !== 0) throw new Error(`lists import failed: ${imported.stderr}`);
  const alertsFile = join(dir, 'alerts.jsonl');
  t = performance.now();
  const run = spawnSync(
    process.execPath,
    [cli, 'goods', 'screen', '--input', input, '--output', alertsFile, '--db', db, '--refusals', refusals],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  const commandSeconds = (performance.now() - t) / 1000;
  if (run.status !== 0) throw new Error(`goods screen failed (${run.status}): ${run.stderr}`);
  const alerts = readFileSync(alertsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { rule: string; line_ids: string[] });

  // Quality per rule.
  const rules = [...new Set(generated.cases.map((c) => c.rule))];
  out.write(
    '\nrule                   cases  found  recall   alerts  on-own  on-other  on-benign  precision\n',
  );
  for (const rule of rules) {
    const ruleAlerts = alerts.filter((a) => a.rule === rule);
    const covered = new Set(ruleAlerts.flatMap((a) => a.line_ids));
    const cases = generated.cases.filter((c) => c.rule === rule);
    const found = cases.filter((c) =>
      rule === 'split-order'
        ? c.lineIds.every((id) => covered.has(id))
        : c.lineIds.some((id) => covered.has(id)),
    ).length;
    let own = 0;
    let other = 0;
    let benign = 0;
    for (const a of ruleAlerts) {
      const kinds = a.line_ids.map((id) => planted.get(id));
      if (kinds.includes(rule)) own++;
      else if (kinds.some((k) => k !== undefined)) other++;
      else benign++;
    }
    out.write(
      `${rule.padEnd(22)} ${String(cases.length).padStart(5)} ${String(found).padStart(6)}  ${(found / cases.length).toFixed(3)}  ${String(ruleAlerts.length).padStart(7)} ${String(own).padStart(7)} ${String(other).padStart(9)} ${String(benign).padStart(10)}  ${(own / Math.max(1, own + benign)).toFixed(3)}\n`,
    );
  }
  const otherRules = [...new Set(alerts.map((a) => a.rule))].filter((r) => !rules.includes(r));
  for (const r of otherRules) {
    const ra = alerts.filter((a) => a.rule === r);
    const benign = ra.filter((a) => a.line_ids.every((id) => !planted.has(id))).length;
    out.write(
      `${r.padEnd(22)}     -      -      -   ${String(ra.length).padStart(7)}       -         -  ${String(benign).padStart(10)}  (no planted cases)\n`,
    );
  }
  // By how the planted line was written.
  out.write('\nrecall by how the case was written (its own rule):\n');
  const tags = [...new Set(generated.cases.flatMap((c) => c.tags))].sort();
  const detected = (c: (typeof generated.cases)[number]) => {
    const covered = new Set(alerts.filter((a) => a.rule === c.rule).flatMap((a) => a.line_ids));
    return c.rule === 'split-order'
      ? c.lineIds.every((id) => covered.has(id))
      : c.lineIds.some((id) => covered.has(id));
  };
  for (const tag of tags) {
    const cs = generated.cases.filter((c) => c.tags.includes(tag));
    const f = cs.filter(detected).length;
    out.write(
      `  ${tag.padEnd(26)} ${String(f).padStart(5)}/${String(cs.length).padEnd(5)} ${(f / cs.length).toFixed(3)}\n`,
    );
  }
  const identifierRules = ['missing-permit', 'misdeclaration', 'cas-check-digit', 'transshipment'];
  const idCases = generated.cases.filter(
    (c) => identifierRules.includes(c.rule) && !c.tags.includes('misspelt-name'),
  );
  out.write(
    `  identifier rules (CAS, misdeclaration, dual-use, transshipment; names not misspelt): ${idCases.filter(detected).length}/${idCases.length} ${(idCases.filter(detected).length / idCases.length).toFixed(3)}\n`,
  );
  const flaggedBenign = new Set(alerts.flatMap((a) => a.line_ids).filter((id) => !planted.has(id)));
  const benignCount = total - planted.size;
  out.write(
    `\nfalse alerts on benign lines: ${flaggedBenign.size}/${benignCount} = ${((100 * flaggedBenign.size) / benignCount).toFixed(3)} % (target ≤ 0.5 %)\n`,
  );
  const sample = [...flaggedBenign].slice(0, 5).map((id) => generated.lines.find((l) => l.line_id === id)!);
  for (const l of sample)
    out.write(
      `  e.g. ${l.line_id} "${l.description}" ${l.cas} ${l.hs_code} → ${alerts
        .filter((a) => a.line_ids.includes(l.line_id))
        .map((a) => a.rule)
        .join(', ')}\n`,
    );

  out.write('\nthroughput\n');
  out.write(
    `  whole command (goods screen, start-up, watchlist screening, store writes): ${commandSeconds.toFixed(2)} s, ${Math.round(total / commandSeconds).toLocaleString('en-US')} lines/s (target ≥ 100,000)\n`,
  );
  out.write(
    `  engine alone (lines already read): ${engineSeconds.toFixed(2)} s, ${Math.round(total / engineSeconds).toLocaleString('en-US')} lines/s; ${engineAlerts} alerts without watchlist\n`,
  );
  out.write(
    `  reading the CSV alone (csv-parse, sync): ${readSeconds.toFixed(2)} s, ${Math.round(total / readSeconds).toLocaleString('en-US')} lines/s — the command is ${(commandSeconds / readSeconds).toFixed(2)}× reading alone\n`,
  );
  out.write(
    `  load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (2 cores shared)\n`,
  );
  const summaryLine = run.stderr
    .split('\n')
    .filter((l) => l.includes('alerts ('))
    .join('');
  out.write(`  command summary: ${summaryLine.replace(/^goods: /, '')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
