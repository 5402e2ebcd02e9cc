/**
 * Rule `unit-review`: a listed chemical with a threshold in one dimension ordered in another — a
 * volume against a mass threshold, or pieces. Without a known density the quantity cannot be
 * compared, and a guess would either hide a regulated transaction or invent one, so the line
 * goes to an analyst.
 */
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import { applicableThreshold, formatMeasure, thresholdIn } from '../transaction-threshold.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

export function unitReview(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const id = reading.identification;
  if (id?.type !== 'chemical') return undefined;
  const applicable = applicableThreshold(id.item, reading.line, ctx.index.usDesignated);
  if (!applicable) return undefined;
  const dimension = reading.line.quantity.dimension;
  if (thresholdIn(applicable.measure, dimension) !== undefined) return undefined;
  const given = dimension === 'volume' ? 'a volume' : 'a count of pieces';
  return {
    rule: 'unit-review',
    subject: `line:${reading.line.lineId}`,
    lineIds: [reading.line.lineId],
    item: ctx.index.item(id.item.id)!,
    severity: 'low',
    summary: `${describeMatch(reading)} is ordered as ${given} (${reading.line.quantityText}) against the ${applicable.scope} threshold of ${formatMeasure(applicable.measure)}; no density is assumed, so whether the threshold is reached needs a look.`,
    facts: {
      quantity: reading.line.quantityText,
      threshold: formatMeasure(applicable.measure),
      scope: applicable.scope,
    },
  };
}
