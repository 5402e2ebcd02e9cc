/**
 * Seizure and incident reports for `warning run --incidents`: each row's chemical resolved through
 * the controlled-goods catalog (the store's newest version, or the shipped catalog when no store is
 * used), so incidents count under the catalog's name whatever synonym or CAS spelling they use.
 */
import type { Stores } from '../core/index.js';
import { CatalogIndex, type GoodsCatalog, resolveChemical } from '../goods/index.js';
import {
  type IncidentChemicalResolver,
  type ParsedIncidents,
  parseIncidentReports,
} from '../warning/index.js';
import { currentGoodsCatalog, readGoodsCatalogFile, shippedGoodsCatalogPath } from './goods-catalog.js';

export interface IncidentReading extends ParsedIncidents {
  /** The catalog version the chemicals were resolved against (`2026.12.01@1`, or `… (shipped file)`). */
  catalog: string;
}

/** The warning engine's resolver on the goods engine's strict chemical resolution. */
export function catalogChemicalResolver(catalog: GoodsCatalog): IncidentChemicalResolver {
  const index = new CatalogIndex(catalog);
  return (chemical, cas) => {
    const r = resolveChemical(index, chemical, cas);
    if (r.kind === 'catalog') return { kind: 'listed', name: r.item.name, by: r.by };
    return r;
  };
}

/**
 * @example
 * const read = await readIncidentReports(text, 'csv', { stores });
 * read.accepted; // reports named by the catalog, ready for runEarlyWarningOnReports
 */
export async function readIncidentReports(
  text: string,
  format: 'csv' | 'jsonl',
  options: { stores?: Stores; file?: string } = {},
): Promise<IncidentReading> {
  let catalog: GoodsCatalog;
  let name: string;
  if (options.stores) {
    const current = await currentGoodsCatalog(options.stores);
    catalog = current.catalog;
    name = current.versionName;
  } else {
    catalog = readGoodsCatalogFile(shippedGoodsCatalogPath());
    name = `${catalog.version} (shipped file)`;
  }
  return {
    ...parseIncidentReports(text, format, catalogChemicalResolver(catalog), options.file),
    catalog: name,
  };
}
