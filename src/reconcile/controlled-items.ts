/**
 * Which goods make a gap weigh more: export control classifications of advanced-computing items
 * (ECCN 3A090 / 4A090 and their .z paragraphs) and HS subheadings of controlled precursors or of the
 * hardware AI accelerators travel under. The list is data (data/reconcile/controlled-items.json),
 * read by the service and handed in here.
 */
import { z } from 'zod';
import type { LedgerRecord } from './ledger-record.js';

export const ControlledItemSchema = z.object({
  code: z.string().min(1),
  /** controlled: on a control list; watch: goods of the kind controlled items are declared under. */
  tier: z.enum(['controlled', 'watch']),
  label: z.string().min(1),
  source: z.string().min(1),
});
export type ControlledItem = z.infer<typeof ControlledItemSchema>;

export const ControlledItemListSchema = z.object({
  about: z.string().optional(),
  eccn: z.array(ControlledItemSchema),
  hs6: z.array(ControlledItemSchema),
});
export type ControlledItemList = z.infer<typeof ControlledItemListSchema>;

/** How a gap's goods weigh: controlled above watch above ordinary. */
export const ITEM_WEIGHT = { controlled: 1, watch: 0.75, ordinary: 0.5 } as const;
export type ItemTier = keyof typeof ITEM_WEIGHT;

export interface ItemStatus {
  tier: ItemTier;
  /** Why, for the evidence: "ECCN 3A090 (advanced computing integrated circuits)". */
  reason?: string;
  source?: string;
}

/** Looks goods up by ECCN (with or without subparagraph: 3A090.a is 3A090) and by HS6. */
export class ControlledItems {
  private readonly eccn = new Map<string, ControlledItem>();
  private readonly hs6 = new Map<string, ControlledItem>();

  constructor(list: ControlledItemList) {
    for (const item of list.eccn) this.eccn.set(item.code.toUpperCase(), item);
    for (const item of list.hs6) this.hs6.set(item.code.replace(/\D/g, '').slice(0, 6), item);
  }

  /**
   * @example
   * items.statusOf([record]); // { tier: 'controlled', reason: 'ECCN 3A090 (advanced computing integrated circuits)', … }
   */
  statusOf(records: readonly LedgerRecord[]): ItemStatus {
    let best: ItemStatus = { tier: 'ordinary' };
    for (const r of records) {
      if (r.eccn) {
        const e = r.eccn.toUpperCase();
        const item = this.eccn.get(e) ?? this.eccn.get(e.split('.')[0]!);
        if (item && ITEM_WEIGHT[item.tier] > ITEM_WEIGHT[best.tier])
          best = { tier: item.tier, reason: `ECCN ${r.eccn} (${item.label})`, source: item.source };
      }
      const h = this.hs6.get(r.hs6);
      if (h && ITEM_WEIGHT[h.tier] > ITEM_WEIGHT[best.tier])
        best = { tier: h.tier, reason: `HS ${r.hs6} (${h.label})`, source: h.source };
    }
    return best;
  }
}
