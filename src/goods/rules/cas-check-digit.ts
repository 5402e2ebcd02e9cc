/**
 * Rule `cas-check-digit`: the CAS number's check digit does not fit its other digits. On any line
 * that is a red flag in itself (a mistyped or altered identifier); when the other digits are a
 * listed chemical's, the alert is high.
 */
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import type { RuleContext } from './rule-context.js';

export function casCheckDigit(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const cas = reading.line.cas;
  if (cas.kind !== 'number' || cas.checkDigitValid) return undefined;
  const item = reading.casBodyItem;
  const base = `CAS ${cas.raw} on "${reading.line.description}" fails its check digit (the other digits call for ${cas.expectedCheckDigit})`;
  return {
    rule: 'cas-check-digit',
    subject: `line:${reading.line.lineId}`,
    lineIds: [reading.line.lineId],
    ...(item ? { item: ctx.index.item(item.id)! } : {}),
    severity: item ? 'high' : 'low',
    summary: item
      ? `${base}; with the check digit corrected it is the CAS of ${item.name}.`
      : `${base}; the number is not in the catalog either way.`,
    facts: { cas: cas.raw, expected_check_digit: cas.expectedCheckDigit },
  };
}
