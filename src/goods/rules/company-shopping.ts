/**
 * Rule `company-shopping`: a buyer that one seller refused (refusals are an input file) orders the
 * same item from another seller on or after the refusal date.
 */
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

/** One recorded refusal to sell. */
export interface Refusal {
  date: string;
  seller: string;
  buyer: string;
  /** The item as the refusal names it (name, synonym or CAS). */
  item: string;
  reason?: string;
}

/** A refusal resolved to its buyer group and catalog item. */
export interface ResolvedRefusal extends Refusal {
  group: number;
  itemId: string;
}

export function companyShopping(
  reading: LineReading,
  group: number,
  refusals: readonly ResolvedRefusal[],
  sameSeller: (a: string, b: string) => boolean,
  ctx: RuleContext,
): AlertDraft | undefined {
  const id = reading.identification;
  if (!id) return undefined;
  const itemId = id.type === 'chemical' ? id.item.id : id.hit.item.id;
  const line = reading.line;
  const matches = refusals.filter(
    (r) =>
      r.group === group && r.itemId === itemId && r.date <= line.date && !sameSeller(r.seller, line.seller),
  );
  if (matches.length === 0) return undefined;
  const refused = matches.map((r) => `${r.seller} on ${r.date}${r.reason ? ` (${r.reason})` : ''}`);
  return {
    rule: 'company-shopping',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    item: ctx.index.item(itemId)!,
    severity: 'high',
    summary: `${describeMatch(reading)} is ordered by "${line.buyer}" from ${line.seller || 'an unnamed seller'} after ${matches.length === 1 ? 'a refusal' : `${matches.length} refusals`} of the same item to this buyer by ${refused.join('; ')}.`,
    facts: {
      seller: line.seller,
      buyer: line.buyer,
      refusals: matches.map(({ group: _g, ...r }) => r),
    },
  };
}
