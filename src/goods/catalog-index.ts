/**
 * The catalog prepared for lookups: CAS numbers (and their bodies, to recognise a number whose
 * check digit was altered), the chemical name index and the dual-use model matcher, plus the list
 * labels and jurisdictions the rules quote.
 */
import type { CatalogItem, ChemicalItem, GoodsCatalog } from './catalog-schema.js';
import { ChemicalNameIndex } from './chemical-name-index.js';
import { DualUseMatcher } from './dual-use-matcher.js';

export class CatalogIndex {
  readonly byCas = new Map<string, ChemicalItem>();
  /** CAS number without its check digit → item. */
  readonly byCasBody = new Map<string, ChemicalItem>();
  readonly names: ChemicalNameIndex;
  readonly dualUse: DualUseMatcher;
  readonly eu: ReadonlySet<string>;
  readonly usDesignated: ReadonlySet<string>;
  readonly computingLicence: ReadonlySet<string>;
  readonly freeZoneWords: readonly string[];
  readonly forwarderWords: readonly string[];
  private readonly items = new Map<string, CatalogItem>();

  constructor(readonly catalog: GoodsCatalog) {
    for (const c of catalog.chemicals) {
      this.items.set(c.id, { type: 'chemical', ...c });
      for (const cas of c.cas) {
        this.byCas.set(cas, c);
        this.byCasBody.set(cas.slice(0, cas.lastIndexOf('-')), c);
      }
    }
    for (const d of catalog.dualUse) this.items.set(d.id, { type: 'dual-use', ...d });
    this.names = new ChemicalNameIndex(catalog.chemicals);
    this.dualUse = new DualUseMatcher(catalog.dualUse);
    this.eu = new Set(catalog.jurisdictions.eu.countries);
    this.usDesignated = new Set(catalog.jurisdictions.usDesignatedCountries.countries);
    this.computingLicence = new Set(catalog.jurisdictions.advancedComputingLicence.countries);
    this.freeZoneWords = catalog.freeZoneWords;
    this.forwarderWords = catalog.forwarderWords;
  }

  item(id: string): CatalogItem | undefined {
    return this.items.get(id);
  }
}

/**
 * The lists an item is on, as analysts name them.
 *
 * @example
 * listLabels(aceticAnhydride); // ['US List II', 'UN Table I', 'EU Category 2A']
 */
export function listLabels(item: CatalogItem): string[] {
  if (item.type === 'dual-use') return [`ECCN ${item.eccn}`];
  const out: string[] = [];
  if (item.us.list === 'I' || item.us.list === 'II') out.push(`US List ${item.us.list}`);
  if (item.us.list === 'proposed-I') out.push('US List I (proposed)');
  if (item.un.table !== 'none') out.push(`UN Table ${item.un.table}`);
  if (item.eu.category === 'see note') out.push('EU (listing to be verified)');
  else if (item.eu.category !== 'none') out.push(`EU Category ${item.eu.category}`);
  return out;
}

/** The verification status of each value an alert relies on, for the evidence. */
export function verificationOf(item: CatalogItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, v] of Object.entries(item.verification)) out[field] = v.status;
  if (item.type === 'chemical' && item.us.threshold) out.threshold = item.us.threshold.status;
  return out;
}

/** The HS headings (4 digits) the catalog gives an item. */
export function itemHeadings(item: CatalogItem): string[] {
  return item.hs.map((h) => h.slice(0, 4));
}
