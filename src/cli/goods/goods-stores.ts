/** Opens the stores for a `goods` subcommand (a new file is created: the shipped catalog is imported into it). */
import type { Stores } from '../../core/index.js';

export async function openGoodsStores(dbFlag: string | undefined): Promise<Stores> {
  const { openStores, resolveStoreLocation } = await import('../../store/index.js');
  return openStores(resolveStoreLocation(dbFlag));
}
