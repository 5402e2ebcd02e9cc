/**
 * What changed between two catalog versions, item by item: added and removed items, and for each
 * item kept, the fields whose values differ — so a regulator sees exactly what a new import
 * (a newly scheduled chemical, a corrected CAS number) changes in the alerts' basis.
 */
import type { GoodsCatalog } from './catalog-schema.js';

export interface CatalogItemChange {
  id: string;
  name: string;
  fields: Array<{ field: string; before: unknown; after: unknown }>;
}

export interface CatalogDiff {
  added: Array<{ id: string; name: string }>;
  removed: Array<{ id: string; name: string }>;
  changed: CatalogItemChange[];
}

type AnyItem = { id: string } & Record<string, unknown>;

function itemsOf(c: GoodsCatalog): Map<string, AnyItem> {
  const out = new Map<string, AnyItem>();
  for (const i of [...c.chemicals, ...c.dualUse]) out.set(i.id, i as unknown as AnyItem);
  return out;
}

function label(i: AnyItem): string {
  return typeof i.name === 'string' ? i.name : String(i.family ?? i.id);
}

/**
 * @example
 * diffGoodsCatalogs(v1, v2); // { added: [{ id: 'p2p-methyl-glycidic-acid', … }], removed: [], changed: [] }
 */
export function diffGoodsCatalogs(before: GoodsCatalog, after: GoodsCatalog): CatalogDiff {
  const a = itemsOf(before);
  const b = itemsOf(after);
  const diff: CatalogDiff = { added: [], removed: [], changed: [] };
  for (const [id, item] of b) if (!a.has(id)) diff.added.push({ id, name: label(item) });
  for (const [id, item] of a) if (!b.has(id)) diff.removed.push({ id, name: label(item) });
  for (const [id, old] of a) {
    const now = b.get(id);
    if (!now) continue;
    const fields: CatalogItemChange['fields'] = [];
    for (const field of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (JSON.stringify(old[field]) !== JSON.stringify(now[field]))
        fields.push({ field, before: old[field], after: now[field] });
    }
    if (fields.length) diff.changed.push({ id, name: label(now), fields });
  }
  return diff;
}
