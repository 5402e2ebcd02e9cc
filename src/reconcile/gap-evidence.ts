/**
 * How a gap is told to the analyst: the score (the kind's strength, how far beyond its baseline,
 * times the goods' weight), the facts of the records and the match, and the phrases and number
 * formats the summaries share.
 */
import { ITEM_WEIGHT, type ItemStatus } from './controlled-items.js';
import type { LedgerRecord } from './ledger-record.js';
import type { PartyDirectory } from './party-directory.js';
import type { ReconcileOptions } from './reconcile-options.js';
import type { GapKind } from './reconcile-gap.js';
import type { Baseline } from './robust-baseline.js';

/** Strength of each kind before the goods' weight (controlled 1, watch 0.75, ordinary 0.5). */
export const BASE_STRENGTH: Record<GapKind, number> = {
  'never-imported': 0.85,
  'never-exported': 0.6,
  'quantity-gap': 0.75,
  'value-gap': 0.65,
  'end-user-mismatch': 0.9,
  're-routing': 0.7,
};

export { ITEM_WEIGHT };

export function robustZ(r: number, rounding: number, b: Baseline, minScale: number): number {
  if (Number.isNaN(r)) return 0;
  const d = r - b.median;
  const beyond = Math.max(0, Math.abs(d) - rounding);
  return (Math.sign(d) * beyond) / Math.max(b.scale, minScale);
}

export function strength(kind: GapKind, z: number, options: ReconcileOptions, status: ItemStatus): number {
  // From the kind's base at the threshold up to 1 at three times the threshold.
  const beyond = Math.min(1, (Math.abs(z) - options.gapZ) / (2 * options.gapZ));
  const base = BASE_STRENGTH[kind];
  return (base + (1 - base) * beyond) * ITEM_WEIGHT[status.tier];
}

export function groupFacts(
  er: LedgerRecord[],
  ir: LedgerRecord[],
  status: ItemStatus,
  parties: PartyDirectory,
) {
  const exporterScore =
    er[0] && ir[0] ? parties.similarity(parties.id(er[0].exporter), parties.id(ir[0].exporter)) : undefined;
  const importerScore =
    er[0] && ir[0] ? parties.similarity(parties.id(er[0].importer), parties.id(ir[0].importer)) : undefined;
  return {
    goods: {
      tier: status.tier,
      reason: status.reason,
      source: status.source,
      weight: ITEM_WEIGHT[status.tier],
    },
    exports: er.map(recordFacts),
    imports: ir.map(recordFacts),
    ...(er[0] && ir[0]
      ? {
          match: {
            shape: er.length > 1 ? 'consolidation' : ir.length > 1 ? 'split' : 'one-to-one',
            lag_days: Math.min(...ir.map((x) => x.day)) - Math.min(...er.map((x) => x.day)),
            exporter_name_score: round(exporterScore ?? 0, 3),
            importer_name_score: round(importerScore ?? 0, 3),
          },
        }
      : {}),
  };
}

export function recordFacts(r: LedgerRecord) {
  return {
    record_id: r.recordId,
    line: r.line,
    date: r.date,
    exporter: r.exporter,
    importer: r.importer,
    ...(r.side === 'export'
      ? { end_user: r.endUser, destination_country: r.country, via_countries: r.via, eccn: r.eccn }
      : { origin_country: r.country }),
    hs_code: r.hsCode,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    value: r.value,
    currency: r.currency,
    value_basis: r.valueBasis,
  };
}

export function levelPhrase(b: Baseline): string {
  if (b.level === 'party pair × HS6') return 'the same parties and HS6';
  if (b.level === 'country pair × HS6') return 'the same country pair and HS6';
  if (b.level === 'HS6') return 'the same HS6';
  return 'all goods';
}

export function baselineFacts(b: Baseline) {
  return {
    level: b.level,
    median_ratio: round(Math.exp(b.median), 4),
    log_scale: round(b.scale, 5),
    groups: b.groups,
  };
}

export function ids(records: LedgerRecord[]): string[] {
  return records.map((r) => r.recordId);
}

export function idsPhrase(records: LedgerRecord[]): string {
  return records.length === 1
    ? `export ${records[0]!.recordId}`
    : `exports ${records.map((r) => r.recordId).join(', ')}`;
}

export function recordsPhrase(word: string, records: LedgerRecord[]): string {
  return records.length === 1
    ? `${word} ${records[0]!.recordId}`
    : `${word}s ${records.map((r) => r.recordId).join(', ')}`;
}

export function itemPhrase(status: ItemStatus): string {
  if (status.tier === 'controlled') return ` Controlled goods: ${status.reason}.`;
  if (status.tier === 'watch')
    return ` Goods of a kind controlled items are declared under: ${status.reason}.`;
  return '';
}

export function sum(indices: number[], column: Float64Array): number {
  let s = 0;
  for (const k of indices) s += column[k]!;
  return s;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** 12345.678 → "12,345.68" (toLocaleString costs ~100 µs a call; gaps can number tens of thousands). */
export function fmt(x: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f) / f;
  const [whole, fraction] = String(r).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && r !== 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function money(x: number, currency: string): string {
  return `${currency} ${fmt(x, 2)}`;
}
