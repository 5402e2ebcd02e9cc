/**
 * A gap between the two ledgers as the analyst receives it: which records, what kind of gap, how
 * strong, and the evidence in words and figures. Ids are deterministic (the same records and rule
 * give the same id), so re-running a reconciliation never duplicates a gap.
 */
import { type Alert, type AlertSeverity, type AlertSource, alertId } from '../core/index.js';
import { RECONCILE_VERSION } from './reconcile-options.js';

export const GAP_KINDS = [
  'never-imported',
  'never-exported',
  'quantity-gap',
  'value-gap',
  'end-user-mismatch',
  're-routing',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface GapEvidence {
  /** One or two sentences to the analyst about the evidence. */
  summary: string;
  [field: string]: unknown;
}

/** One output row: `{"id","kind","export_ids","import_ids","score","evidence"}`. */
export interface ReconcileGap {
  id: string;
  kind: GapKind;
  export_ids: string[];
  import_ids: string[];
  /** In [0, 1]: the gap's strength times the weight of the goods (controlled above ordinary). */
  score: number;
  severity: AlertSeverity;
  evidence: GapEvidence;
}

/** The subject a gap is stored under: its records, exports first. */
export function gapSubject(exportIds: readonly string[], importIds: readonly string[]): string {
  const parts = [...exportIds.map((id) => `export:${id}`), ...importIds.map((id) => `import:${id}`)];
  return parts.join(' ');
}

/**
 * @example
 * makeGap('never-imported', ['EX-1'], [], 0.8, { summary: 'Export EX-1 … has no import.' }).id
 * // 'reconcile-…' — the same on every run
 */
export function makeGap(
  kind: GapKind,
  exportIds: readonly string[],
  importIds: readonly string[],
  score: number,
  evidence: GapEvidence,
): ReconcileGap {
  const e = [...exportIds].sort();
  const i = [...importIds].sort();
  const rounded = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return {
    id: alertId('reconcile', gapSubject(e, i), { name: kind, version: RECONCILE_VERSION }, ''),
    kind,
    export_ids: e,
    import_ids: i,
    score: rounded,
    severity: rounded >= 0.7 ? 'high' : rounded >= 0.4 ? 'medium' : 'low',
    evidence,
  };
}

/**
 * The gap as a core `Alert` (kind `reconcile`) for the one alert table.
 *
 * @example gapAlert(gap, [{ name: 'exports.csv', sha256: '…' }], new Date().toISOString()).kind // 'reconcile'
 */
export function gapAlert(gap: ReconcileGap, sources: AlertSource[], createdAt: string): Alert {
  const { summary, ...data } = gap.evidence;
  return {
    id: gap.id,
    kind: 'reconcile',
    subject: gapSubject(gap.export_ids, gap.import_ids),
    rule: { name: gap.kind, version: RECONCILE_VERSION },
    score: gap.score,
    severity: gap.severity,
    evidence: { summary, data: { ...data, export_ids: gap.export_ids, import_ids: gap.import_ids } },
    sources,
    createdAt,
  };
}
