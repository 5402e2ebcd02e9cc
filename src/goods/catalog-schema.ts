/**
 * The controlled-goods catalog as data: identifiers, list memberships and thresholds as regulators
 * publish them, each value with its source and verification status. Validated on load so a
 * regulator's edited catalog fails with the path of the bad value, not later inside a rule.
 */
import { z } from 'zod';

export const verificationStatuses = [
  'official',
  'unverified-standard',
  'unverified-secondary',
  'needs-check',
] as const;

const Verification = z.object({
  status: z.enum(verificationStatuses),
  sources: z.array(z.string()),
});

/** A quantity limit: reached when any of the given measures is reached (e.g. 500 gallons or 1,500 kg). */
const Measure = z
  .object({
    kg: z.number().nonnegative().optional(),
    gal: z.number().positive().optional(),
    l: z.number().positive().optional(),
  })
  .strict();
export type ThresholdMeasure = z.infer<typeof Measure>;

const Threshold = z.object({
  /** The threshold text as published (21 CFR 1310.04(f)). */
  published: z.string(),
  source: z.string(),
  status: z.enum(verificationStatuses),
  /** 1310.04(g): no threshold, every transaction is regulated whatever its size. */
  anyQuantity: z.boolean(),
  importExport: Measure.optional(),
  domestic: Measure.optional(),
  /** False where the rule says the cumulative (calendar-month) threshold does not apply to domestic sales. */
  domesticCumulative: z.boolean().optional(),
  /** Only exports and transactions to the designated countries of 21 CFR 1310.08(b) are regulated. */
  designatedCountriesOnly: z.boolean().optional(),
  note: z.string().optional(),
});
export type Threshold = z.infer<typeof Threshold>;

const ChemicalItem = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  synonyms: z.array(z.string()),
  /** Names of group members that identify nothing alone (e.g. "propyl ester"); shown, never matched. */
  memberNames: z.array(z.string()).optional(),
  cas: z.array(z.string().regex(/^\d{2,7}-\d{2}-\d$/)),
  hs: z.array(z.string().regex(/^\d{4}\.\d{2}$/)),
  us: z.object({
    list: z.enum(['I', 'II', 'proposed-I', 'none']),
    regulatoryName: z.string().optional(),
    paragraph: z.string().optional(),
    deaCode: z.string().optional(),
    threshold: Threshold.optional(),
    proposal: z.string().optional(),
    note: z.string().optional(),
  }),
  un: z.object({ table: z.enum(['I', 'II', 'none']) }),
  eu: z.object({ category: z.enum(['1', '2A', '2B', '3', '4', 'see note', 'none']) }),
  /** 1310.04(h): mixtures count by the listed chemical's weight, or by the whole mixture's. */
  mixtureRule: z.enum(['listed-chemical-weight', 'whole-mixture']),
  coverage: z.array(z.string()),
  dates: z.record(z.string(), z.string()).optional(),
  sources: z.array(z.string()),
  verification: z.record(z.string(), Verification),
});
export type ChemicalItem = z.infer<typeof ChemicalItem>;

const DualUseItem = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  eccn: z.string().regex(/^\d[A-E]\d{3}(\.[a-z])?$/),
  kind: z.enum(['accelerator', 'server']),
  family: z.string(),
  vendor: z.string().nullable(),
  models: z.array(z.string().min(2)).min(1),
  hs: z.array(z.string().regex(/^\d{4}\.\d{2}$/)),
  sources: z.array(z.string()),
  verification: z.record(z.string(), Verification),
  note: z.string(),
});
export type DualUseItem = z.infer<typeof DualUseItem>;

const CountrySet = z.object({
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  status: z.enum(verificationStatuses),
  sources: z.array(z.string()),
  note: z.string().optional(),
});

export const GoodsCatalogSchema = z.object({
  about: z.string(),
  name: z.string().min(1),
  version: z.string().min(1),
  compiledFrom: z.string(),
  statuses: z.record(z.string(), z.string()),
  sources: z.record(z.string(), z.object({ title: z.string(), url: z.string().optional() })),
  jurisdictions: z.object({
    eu: CountrySet,
    usDesignatedCountries: CountrySet,
    advancedComputingLicence: CountrySet,
  }),
  freeZoneWords: z.array(z.string().min(2)),
  forwarderWords: z.array(z.string().min(2)),
  chemicals: z.array(ChemicalItem),
  dualUse: z.array(DualUseItem),
});
export type GoodsCatalog = z.infer<typeof GoodsCatalogSchema>;

/** One catalog entry, chemical or dual-use, as rules and alerts see it. */
export type CatalogItem = ({ type: 'chemical' } & ChemicalItem) | ({ type: 'dual-use' } & DualUseItem);

/**
 * Validates a parsed catalog document; ids must be unique across both sections.
 *
 * @example
 * const catalog = parseGoodsCatalog(JSON.parse(readFileSync('data/goods/catalog.json', 'utf8')));
 */
export function parseGoodsCatalog(document: unknown): GoodsCatalog {
  const parsed = GoodsCatalogSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`goods catalog: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const item of [...parsed.data.chemicals, ...parsed.data.dualUse]) {
    if (seen.has(item.id)) throw new Error(`goods catalog: item id "${item.id}" appears twice`);
    seen.add(item.id);
  }
  return parsed.data;
}
