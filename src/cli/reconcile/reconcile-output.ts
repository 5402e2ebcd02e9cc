/** What `sentinela reconcile` prints: the run summary (text and JSON) and the aggregate file. */
import type { MirrorCell } from '../../reconcile/index.js';
import { formatReject } from '../../core/index.js';
import { GAP_KINDS } from '../../reconcile/index.js';
import type { ReconcileLedgersResponse } from '../../services/reconcile-ledgers.js';
import { type CsvValue, csvLine } from '../../input/index.js';

/** Rejected rows printed on stderr before "… and N more (see --rejects FILE)". */
const SHOWN_REJECTS = 20;

export function renderSummary(
  r: ReconcileLedgersResponse,
  run: { seconds: number; output?: string; store?: string; aggregate?: string },
): { text: string; json: Record<string, unknown> } {
  const gapsPerKind: Record<string, number> = {};
  for (const kind of GAP_KINDS) gapsPerKind[kind] = 0;
  for (const g of r.result.gaps) gapsPerKind[g.kind] = (gapsPerKind[g.kind] ?? 0) + 1;
  const n = (x: number) => x.toLocaleString('en-US');
  const lines: string[] = [];
  for (const e of r.rejected.slice(0, SHOWN_REJECTS)) lines.push(`reconcile: rejected ${formatReject(e)}`);
  if (r.rejected.length > SHOWN_REJECTS)
    lines.push(
      `reconcile: … and ${n(r.rejected.length - SHOWN_REJECTS)} more rejected rows (write them all with --rejects FILE)`,
    );
  for (const c of [r.exports, r.imports])
    lines.push(
      `reconcile: ${c.file}: ${n(c.read)} rows read, ${n(c.accepted)} accepted, ${n(c.rejected)} rejected`,
    );
  const m = r.result.matched;
  lines.push(
    `reconcile: ${r.result.exportCountry || '?'} → ${r.result.importCountry || '?'}: matched ${n(m.exports)} exports with ${n(m.imports)} imports ` +
      `in ${n(m.groups)} groups (${n(m.splits)} split on arrival, ${n(m.consolidations)} consolidated); ` +
      `unmatched ${n(r.result.unmatched.exports)} exports, ${n(r.result.unmatched.imports)} imports`,
  );
  lines.push(
    `reconcile: ${n(r.result.gaps.length)} gaps (${GAP_KINDS.map((k) => `${k} ${n(gapsPerKind[k] ?? 0)}`).join(', ')})` +
      `${run.output ? ` written to ${run.output}` : ''}`,
  );
  if (r.stored)
    lines.push(
      `reconcile: alerts: ${n(r.stored.inserted)} stored, ${n(r.stored.unchanged)} already stored (${run.store})`,
    );
  if (run.aggregate) lines.push(`reconcile: mirror view written to ${run.aggregate}`);
  lines.push(`reconcile: ${run.seconds.toFixed(1)} s`);
  const json = {
    exports: r.exports,
    imports: r.imports,
    export_country: r.result.exportCountry,
    import_country: r.result.importCountry,
    matched: m,
    unmatched: r.result.unmatched,
    gaps: r.result.gaps.length,
    gaps_per_kind: gapsPerKind,
    ...(r.stored ? { stored: r.stored } : {}),
    seconds: Math.round(run.seconds * 100) / 100,
  };
  return { text: `${lines.join('\n')}\n`, json };
}

const AGGREGATE_COLUMNS: Array<keyof MirrorCell> = [
  'exporter_country',
  'importer_country',
  'hs6',
  'month',
  'export_records',
  'import_records',
  'export_value_fob',
  'import_value_fob',
  'export_currency',
  'import_currency',
  'export_quantity',
  'import_quantity',
  'unit',
  'value_ratio',
  'baseline_ratio',
  'robust_z',
  'flagged',
  'note',
];

/** The mirror view as CSV lines (when the file ends in .csv) or JSON lines. */
export function renderAggregate(path: string, cells: readonly MirrorCell[]): string[] {
  if (!/\.csv$/i.test(path)) return cells.map((c) => JSON.stringify(c));
  return [
    csvLine(AGGREGATE_COLUMNS),
    ...cells.map((c) => csvLine(AGGREGATE_COLUMNS.map((k) => c[k] as CsvValue))),
  ];
}
