/**
 * The one alert shape every engine produces (screening, targeting, goods, reconcile, warning), so a
 * single store and case queue can hold them all and every alert can say why it was raised.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const alertKinds = ['screening', 'targeting', 'goods', 'reconcile', 'warning'] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertSeverities = ['low', 'medium', 'high'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/**
 * A file or list version the alert was computed from, with its content hash for audit. A list
 * version is written `{ name: 'us-ofac-sdn', version: '3' }` (label `us-ofac-sdn@3`); every source
 * with a `version` is what the alert store's `listVersion` filter matches.
 */
export const AlertSourceSchema = z.object({
  /** File path, or a list name such as `us-ofac-sdn` (with `version`). */
  name: z.string().min(1),
  sha256: z.string().optional(),
  /** The list version id (or a file's version) this source was read at. */
  version: z.string().optional(),
});
export type AlertSource = z.infer<typeof AlertSourceSchema>;

export const AlertRuleSchema = z.object({
  /** Detector, rule or model name, e.g. `noufaily`, `novelty`, `name-match`. */
  name: z.string().min(1),
  version: z.string().min(1),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertEvidenceSchema = z.object({
  /** One or two sentences an analyst can read without opening the data. */
  summary: z.string().min(1),
  /** Engine-specific structured facts (observed vs expected, matched names, features…). */
  data: z.record(z.string(), z.unknown()),
});

export const AlertSchema = z.object({
  /** Deterministic: the same subject, rule and key give the same id, so re-runs do not duplicate. */
  id: z.string().min(1),
  kind: z.enum(alertKinds),
  /** What the alert is about, e.g. a series `fentanyl|TX`, a party id, a shipment id. */
  subject: z.string().min(1),
  rule: AlertRuleSchema,
  /** Engine-specific strength; higher means stronger. */
  score: z.number(),
  severity: z.enum(alertSeverities).optional(),
  evidence: AlertEvidenceSchema,
  sources: z.array(AlertSourceSchema),
  /**
   * Names of the parties the alert is about, as written in the input (a screened customer, a
   * declaration's importer and seller, an order's buyer), so a case can gather alerts about the same
   * party from different engines. The listed entity a party matched is evidence, not a party.
   */
  parties: z.array(z.string().min(1)).optional(),
  /** ISO 8601 timestamp. */
  createdAt: z.string().min(1),
});
export type Alert = z.infer<typeof AlertSchema>;

/**
 * The stable id of an alert: a hash of kind, subject, rule name and version, and an engine key
 * (for early warning: the period), so re-running on the same data yields the same ids.
 *
 * @example
 * alertId('warning', 'fentanyl|TX', { name: 'noufaily', version: '1' }, '2024-W07'); // 'warning-3f2a…'
 */
export function alertId(kind: AlertKind, subject: string, rule: AlertRule, key: string): string {
  const hash = createHash('sha256')
    .update([kind, subject, rule.name, rule.version, key].join('\u0000'))
    .digest('hex')
    .slice(0, 24);
  return `${kind}-${hash}`;
}
