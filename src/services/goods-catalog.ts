/**
 * Goods catalog versions, the use case behind `goods catalog import|list|show|diff` and behind
 * every goods screening: the shipped catalog is imported on first use, an edited one is validated
 * whole before it is stored, and the screening names the version it used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type GoodsCatalogVersion, goodsCatalogVersionName, InputError, type Stores } from '../core/index.js';
import { type CatalogDiff, diffGoodsCatalogs, type GoodsCatalog, parseGoodsCatalog } from '../goods/index.js';

/** The catalog Sentinela ships (`data/goods/catalog.json`), found from `src/` or `dist/src/`. */
export function shippedGoodsCatalogPath(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the goods service');
    dir = up;
  }
  return join(dir, 'data', 'goods', 'catalog.json');
}

/** Reads and validates a catalog file; errors name the file and the bad value's path. */
export function readGoodsCatalogFile(path: string): GoodsCatalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read the catalog (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { file: path },
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, { file: path });
  }
  try {
    return parseGoodsCatalog(document);
  } catch (error) {
    throw new InputError((error as Error).message, { file: path });
  }
}

function hashOf(catalog: GoodsCatalog): string {
  return createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
}

export interface ImportedGoodsCatalog {
  version: GoodsCatalogVersion;
  created: boolean;
  catalog: GoodsCatalog;
}

/**
 * Validates and stores a catalog file as a new version (none when identical to the newest).
 *
 * @example
 * const { version, created } = await importGoodsCatalog(stores, 'my-catalog.json');
 */
export async function importGoodsCatalog(
  stores: Stores,
  path: string,
  source = path,
): Promise<ImportedGoodsCatalog> {
  const catalog = readGoodsCatalogFile(path);
  const { version, created } = await stores.goodsCatalogs.save({
    label: catalog.version,
    name: catalog.name,
    source,
    contentHash: hashOf(catalog),
    chemicals: catalog.chemicals.length,
    dualUse: catalog.dualUse.length,
    document: catalog,
  });
  return { version, created, catalog };
}

export interface CurrentGoodsCatalog {
  version: GoodsCatalogVersion;
  catalog: GoodsCatalog;
  /** `2026.12.01@1`, quoted by every alert. */
  versionName: string;
  /** True when this call imported the shipped catalog into an empty store. */
  importedShipped: boolean;
}

/** The newest stored catalog version, importing the shipped catalog into an empty store first. */
export async function currentGoodsCatalog(stores: Stores): Promise<CurrentGoodsCatalog> {
  const latest = await stores.goodsCatalogs.latest();
  if (!latest) {
    const { version, catalog } = await importGoodsCatalog(stores, shippedGoodsCatalogPath(), '(shipped)');
    return { version, catalog, versionName: goodsCatalogVersionName(version), importedShipped: true };
  }
  return { ...(await goodsCatalogVersion(stores, latest.id)), importedShipped: false };
}

/** One stored version with its validated document; a not-found id is an InputError naming the versions there are. */
export async function goodsCatalogVersion(
  stores: Stores,
  id: number,
): Promise<Omit<CurrentGoodsCatalog, 'importedShipped'>> {
  const version = await stores.goodsCatalogs.version(id);
  if (!version) {
    const ids = (await stores.goodsCatalogs.versions()).map((v) => v.id);
    throw new InputError(
      `no goods catalog version ${id} in ${stores.location}${ids.length ? ` (versions: ${ids.join(', ')})` : ' (none imported yet)'}`,
    );
  }
  const catalog = parseGoodsCatalog(await stores.goodsCatalogs.document(id));
  return { version, catalog, versionName: goodsCatalogVersionName(version) };
}

export async function listGoodsCatalogVersions(stores: Stores): Promise<GoodsCatalogVersion[]> {
  await currentGoodsCatalog(stores);
  return stores.goodsCatalogs.versions();
}

/** What changed from version `from` to version `to` (default: the one before `to`, and the newest). */
export async function diffGoodsCatalogVersions(
  stores: Stores,
  from: number,
  to: number,
): Promise<CatalogDiff> {
  const [a, b] = await Promise.all([goodsCatalogVersion(stores, from), goodsCatalogVersion(stores, to)]);
  return diffGoodsCatalogs(a.catalog, b.catalog);
}
