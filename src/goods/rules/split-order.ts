/**
 * Rule `split-order`: lines each below the threshold whose total for the same buyer (all its
 * sites and spellings) and the same item reaches it — within a calendar month, as 21 CFR
 * 1310.04(f) counts, or within 31 days across a month boundary. Every line of the group is listed.
 */
import type { ChemicalItem } from '../catalog-schema.js';
import type { AlertDraft } from '../goods-alert.js';
import type { OrderLine } from '../order-line.js';
import { formatQuantity } from '../quantity-units.js';
import {
  type ApplicableThreshold,
  formatMeasure,
  listedQuantity,
  thresholdIn,
} from '../transaction-threshold.js';
import type { RuleContext } from './rule-context.js';

/** A line that counts towards a buyer's total of one item. */
export interface ThresholdLine {
  line: OrderLine;
  item: ChemicalItem;
  group: number;
  threshold: ApplicableThreshold;
  fraction: number;
}

const WINDOW_DAYS = 30;

function dayNumber(date: string): number {
  return Date.parse(date) / 86_400_000;
}

export function splitOrders(
  lines: readonly ThresholdLine[],
  buyerNames: (group: number) => string[],
  ctx: RuleContext,
): AlertDraft[] {
  const byKey = new Map<string, Array<ThresholdLine & { share: number; amount: number }>>();
  for (const l of lines) {
    if (!l.threshold.cumulative) continue;
    const q = listedQuantity(l.line, l.fraction);
    const limit = thresholdIn(l.threshold.measure, q.dimension);
    if (limit === undefined || limit <= 0) continue;
    const share = q.value / limit;
    if (share >= 1) continue; // a regulated transaction on its own
    const key = `${l.group}|${l.item.id}|${l.threshold.scope}`;
    const list = byKey.get(key);
    const entry = { ...l, share, amount: q.value };
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  const out: AlertDraft[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.line.date.localeCompare(b.line.date) || a.line.lineId.localeCompare(b.line.lineId));
    // Episodes: runs of lines within 31 days of the run's first line. An episode whose total
    // reaches the threshold is one alert listing all its lines, whether a calendar month alone
    // reaches it (the 1310.04(f) count) or only the run across a month boundary does.
    let start = 0;
    while (start < list.length) {
      const first = dayNumber(list[start]!.line.date);
      let end = start;
      let sum = 0;
      while (end < list.length && dayNumber(list[end]!.line.date) - first <= WINDOW_DAYS)
        sum += list[end++]!.share;
      const group = list.slice(start, end);
      if (group.length >= 2 && sum >= 1) {
        const months = new Map<string, number>();
        for (const g of group)
          months.set(g.line.date.slice(0, 7), (months.get(g.line.date.slice(0, 7)) ?? 0) + g.share);
        const from = group[0]!.line.date;
        const to = group[group.length - 1]!.line.date;
        const reached = [...months].filter(([, share]) => share >= 1).map(([m]) => m);
        const period =
          months.size === 1
            ? `calendar month ${from.slice(0, 7)}`
            : `${Math.round(dayNumber(to) - dayNumber(from)) + 1} days from ${from} to ${to}, across a month boundary${reached.length ? ` (calendar month ${reached.join(', ')} alone reaches it)` : ''}`;
        out.push(draft(key, group, period, buyerNames, ctx));
      }
      start = end;
    }
  }
  return out;
}

function draft(
  key: string,
  group: Array<ThresholdLine & { share: number; amount: number }>,
  period: string,
  buyerNames: (group: number) => string[],
  ctx: RuleContext,
): AlertDraft {
  const first = group[0]!;
  const item = first.item;
  const dimension = first.line.quantity.dimension;
  const sameDimension = group.every((g) => g.line.quantity.dimension === dimension);
  const total = group.reduce((s, g) => s + g.amount, 0);
  const spellings = [...new Set(group.map((g) => g.line.buyer))];
  const sites = [...new Set(group.map((g) => g.line.buyerAddress).filter(Boolean))];
  const shareTotal = group.reduce((s, g) => s + g.share, 0);
  const totalText = sameDimension
    ? formatQuantity({ dimension, value: total })
    : `${Math.round(shareTotal * 100)} % of the threshold`;
  const names = buyerNames(first.group);
  const severity = item.us.list === 'I' || shareTotal >= 2 ? 'high' : 'medium';
  return {
    rule: 'split-order',
    subject: `buyer:${names[0] ?? first.line.buyer}|${item.id}|${period}`,
    lineIds: group.map((g) => g.line.lineId),
    item: ctx.index.item(item.id)!,
    severity,
    summary:
      `${group.length} orders of ${item.name} by ${spellings.map((s) => `"${s}"`).join(' and ')}` +
      `${sites.length > 1 ? ` at ${sites.length} sites` : ''} in ${period} total ${totalText}, ` +
      `at or above the ${first.threshold.scope} threshold of ${formatMeasure(first.threshold.measure)} together; each line is below it.`,
    facts: {
      period,
      buyer_spellings: spellings,
      sites,
      total: totalText,
      threshold: formatMeasure(first.threshold.measure),
      scope: first.threshold.scope,
      ...(first.threshold.note ? { threshold_note: first.threshold.note } : {}),
      lines: group.map((g) => ({
        line_id: g.line.lineId,
        date: g.line.date,
        quantity: g.line.quantityText,
        buyer: g.line.buyer,
      })),
      group_key: key,
    },
  };
}
