/**
 * Substance names to one canonical name through a synonym table (published names and synonyms
 * only), so "p-FF", "para-fluoro fentanyl" and "4-fluorofentanyl" count as one series. Names not in
 * the table pass through normalised (case, spacing, dashes) and are flagged as unmapped.
 */
import { z } from 'zod';

export const SynonymTableSchema = z.object({
  substances: z.array(z.object({ name: z.string().min(1), synonyms: z.array(z.string().min(1)) })),
});
export type SynonymTableData = z.infer<typeof SynonymTableSchema>;

export interface NormalisedSubstance {
  name: string;
  mapped: boolean;
}

/** Display form: NFKC, lower case, unicode dashes to "-", single spaces. */
export function displayName(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

/** Lookup key: the display form without spaces, hyphens and the "para-"/"p-" spelling difference. */
function lookupKey(raw: string): string {
  return displayName(raw)
    .replace(/^para-?/, 'p-')
    .replace(/[\s-]/g, '');
}

export class SubstanceSynonyms {
  private readonly byKey = new Map<string, string>();

  constructor(table: SynonymTableData) {
    for (const s of SynonymTableSchema.parse(table).substances) {
      for (const n of [s.name, ...s.synonyms]) this.byKey.set(lookupKey(n), s.name);
    }
  }

  /**
   * @example
   * synonyms.normalise('Para-Fluoro Fentanyl'); // { name: 'para-fluorofentanyl', mapped: true }
   * synonyms.normalise('Novel  Compound'); // { name: 'novel compound', mapped: false }
   */
  normalise(raw: string): NormalisedSubstance {
    const name = this.byKey.get(lookupKey(raw));
    return name ? { name, mapped: true } : { name: displayName(raw), mapped: false };
  }
}
