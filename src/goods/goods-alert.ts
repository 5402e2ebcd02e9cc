/**
 * The alert the goods rules raise, in the output shape (`{"id","line_ids","rule","item",
 * "lists","severity","evidence":{"summary",…},"catalog_version"}`), and its conversion to the
 * shared `Alert` every engine writes to the one alert table.
 */
import { type Alert, type AlertSeverity, type AlertSource, alertId } from '../core/index.js';
import type { CatalogItem } from './catalog-schema.js';
import { listLabels, verificationOf } from './catalog-index.js';

export const goodsRules = [
  'missing-permit',
  'split-order',
  'misdeclaration',
  'cas-check-digit',
  'transshipment',
  'controlled-elsewhere',
  'party-risk',
  'company-shopping',
  'unit-review',
] as const;
export type GoodsRule = (typeof goodsRules)[number];

/** Version of the rules; bump when what a rule raises changes. */
export const GOODS_RULES_VERSION = 'goods-rules-1';

export interface GoodsAlert {
  id: string;
  line_ids: string[];
  rule: GoodsRule;
  /** The catalog item's name ('' when the line identified no item, e.g. a bad CAS check digit alone). */
  item: string;
  lists: string[];
  severity: AlertSeverity;
  evidence: { summary: string; [field: string]: unknown };
  catalog_version: string;
}

const severityScore: Record<AlertSeverity, number> = { low: 0.4, medium: 0.7, high: 0.9 };

export interface AlertDraft {
  rule: GoodsRule;
  /** What the alert is about: `line:<id>` or `buyer:<name>|<item>|<period>`. */
  subject: string;
  lineIds: string[];
  item?: CatalogItem;
  severity: AlertSeverity;
  summary: string;
  facts: Record<string, unknown>;
}

/**
 * Completes a draft with its deterministic id, list labels, verification statuses and catalog version.
 *
 * @example
 * makeGoodsAlert({ rule: 'missing-permit', subject: 'line:L7', lineIds: ['L7'], … }, '2026.12.01@1');
 */
export function makeGoodsAlert(draft: AlertDraft, catalogVersion: string): GoodsAlert {
  const lineIds = [...draft.lineIds].sort();
  const id = alertId(
    'goods',
    draft.subject,
    { name: draft.rule, version: GOODS_RULES_VERSION },
    `${draft.item?.id ?? ''}|${lineIds.join(',')}`,
  );
  const evidence: GoodsAlert['evidence'] = { summary: draft.summary, subject: draft.subject, ...draft.facts };
  if (draft.item) {
    evidence.catalog_item = draft.item.id;
    evidence.verification = verificationOf(draft.item);
  }
  return {
    id,
    line_ids: lineIds,
    rule: draft.rule,
    item: draft.item ? (draft.item.type === 'chemical' ? draft.item.name : `${draft.item.family}`) : '',
    lists: draft.item ? listLabels(draft.item) : [],
    severity: draft.severity,
    evidence,
    catalog_version: catalogVersion,
  };
}

/**
 * The shared `Alert` for the alert store: kind `goods`, the same deterministic id.
 *
 * @example
 * store.append(alerts.map((a) => toStoredAlert(a, { createdAt, sources })));
 */
export function toStoredAlert(
  alert: GoodsAlert,
  context: { createdAt: string; sources: AlertSource[] },
): Alert {
  const { summary, ...data } = alert.evidence;
  return {
    id: alert.id,
    kind: 'goods',
    subject: typeof data.subject === 'string' ? data.subject : `lines:${alert.line_ids.join(',')}`,
    rule: { name: alert.rule, version: GOODS_RULES_VERSION },
    score: severityScore[alert.severity],
    severity: alert.severity,
    evidence: {
      summary,
      data: {
        ...data,
        line_ids: alert.line_ids,
        item: alert.item,
        lists: alert.lists,
        catalog_version: alert.catalog_version,
      },
    },
    sources: context.sources,
    createdAt: context.createdAt,
  };
}
