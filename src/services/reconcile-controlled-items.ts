/**
 * Loads the goods a reconciliation weighs above ordinary ones: the goods catalog (chemicals and
 * accelerators) and Sentinela's own ECCN list, validated, merged.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/index.js';
import { type GoodsCatalog, GoodsCatalogSchema } from '../goods/index.js';
import {
  type ControlledItemList,
  ControlledItemListSchema,
  controlledItemsFromGoodsCatalog,
  mergeControlledItems,
} from '../reconcile/index.js';

/**
 * The ECCN list and a goods catalog — the one the store holds (`catalog`, from
 * `currentGoodsCatalog`) or a catalog file — merged into one weight list.
 *
 * @example
 * const items = await loadControlledItems({ goodsCatalog: 'data/goods/catalog.json', eccnList: 'data/reconcile/controlled-items.json' });
 */
export async function loadControlledItems(paths: {
  goodsCatalog?: string;
  catalog?: GoodsCatalog;
  eccnList?: string;
}): Promise<ControlledItemList> {
  const lists: ControlledItemList[] = [];
  if (paths.eccnList) {
    const parsed = ControlledItemListSchema.safeParse(await readJson(paths.eccnList));
    if (!parsed.success)
      throw new InputError(`not a controlled-item list: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
        file: paths.eccnList,
        field: parsed.error.issues[0]?.path.join('.'),
      });
    lists.push(parsed.data);
  }
  if (paths.catalog) lists.push(controlledItemsFromGoodsCatalog(paths.catalog));
  else if (paths.goodsCatalog) {
    const parsed = GoodsCatalogSchema.safeParse(await readJson(paths.goodsCatalog));
    if (!parsed.success)
      throw new InputError(`not a goods catalog: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
        file: paths.goodsCatalog,
        field: parsed.error.issues[0]?.path.join('.'),
      });
    lists.push(controlledItemsFromGoodsCatalog(parsed.data));
  }
  return mergeControlledItems(...lists);
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read JSON: ${(error as Error).message}`, { file: path });
  }
}
