/**
 * Which goods make a gap weigh more: export control classifications of advanced-computing items
 * (ECCN 3A090 / 4A090 and their .z paragraphs) and HS subheadings of controlled precursors or of the
 * hardware AI accelerators travel under. The chemicals and accelerators come from the goods
 * catalog (src/goods, data/goods/catalog.json); data/reconcile/controlled-items.json adds the ECCN
 * paragraphs the catalog does not carry. The service reads both and hands them in here.
 */
import { z } from 'zod';
import type { GoodsCatalog } from '../goods/index.js';
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

/**
 * The goods catalog as a reconciliation weight list: every listed chemical's HS subheadings
 * (UN 1988 Convention Table I or II, or US List I or II) are controlled; the dual-use accelerators'
 * ECCNs are controlled, and the HS subheadings they are declared under are a "watch" tier (an HS
 * code alone does not say a chip is a controlled one).
 *
 * @example
 * const list = mergeControlledItems(controlledItemsFromGoodsCatalog(catalog), ownList);
 */
export function controlledItemsFromGoodsCatalog(catalog: GoodsCatalog): ControlledItemList {
  const hs6 = new Map<string, ControlledItem>();
  for (const c of catalog.chemicals) {
    const listed = c.un.table !== 'none' || c.us.list === 'I' || c.us.list === 'II';
    if (!listed) continue;
    const lists = [
      c.un.table !== 'none' ? `UN Table ${c.un.table}` : '',
      c.us.list === 'I' || c.us.list === 'II' ? `US List ${c.us.list}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    for (const h of c.hs) {
      const code = h.replace(/\D/g, '');
      const known = hs6.get(code);
      hs6.set(code, {
        code,
        tier: 'controlled',
        label: known ? `${known.label}; ${c.name}` : `${c.name} (${lists})`,
        source: `goods catalog ${catalog.name} ${catalog.version}, item ${c.id}`,
      });
    }
  }
  const eccn = new Map<string, ControlledItem>();
  for (const d of catalog.dualUse) {
    for (const code of [d.eccn.toUpperCase(), d.eccn.split('.')[0]!.toUpperCase()])
      if (!eccn.has(code))
        eccn.set(code, {
          code,
          tier: 'controlled',
          label: d.family,
          source: `goods catalog ${catalog.name} ${catalog.version}, item ${d.id}`,
        });
    for (const h of d.hs) {
      const code = h.replace(/\D/g, '');
      if (!hs6.has(code))
        hs6.set(code, {
          code,
          tier: 'watch',
          label: `${d.kind}s such as ${d.family}`,
          source: `goods catalog ${catalog.name} ${catalog.version}, item ${d.id}`,
        });
    }
  }
  return { eccn: [...eccn.values()], hs6: [...hs6.values()] };
}

/** Both lists; where a code is in both, the higher tier (then the first list) wins. */
export function mergeControlledItems(...lists: ControlledItemList[]): ControlledItemList {
  const merge = (items: ControlledItem[]) => {
    const out = new Map<string, ControlledItem>();
    for (const item of items) {
      const known = out.get(item.code.toUpperCase());
      if (!known || ITEM_WEIGHT[item.tier] > ITEM_WEIGHT[known.tier]) out.set(item.code.toUpperCase(), item);
    }
    return [...out.values()];
  };
  return { eccn: merge(lists.flatMap((l) => l.eccn)), hs6: merge(lists.flatMap((l) => l.hs6)) };
}
