/**
 * One chemical as a report writes it (a name, a synonym or a CAS number, dashed or not) resolved
 * to a catalog chemical, for data that only names a chemical — seizure and incident reports — and
 * not an order line's description. Resolution is strict on purpose: a CAS number must carry a valid
 * check digit, and a name must be a whole catalog name or synonym (any word order, spelling
 * variants); near misses are not merged, so a chemical that is not listed keeps its own name and
 * can show up as new instead of being counted under a listed one.
 */
import { readCas } from './cas-number.js';
import type { CatalogIndex } from './catalog-index.js';
import type { ChemicalItem } from './catalog-schema.js';

export type ChemicalResolution =
  | { kind: 'catalog'; item: ChemicalItem; by: 'cas' | 'name'; cas?: string }
  /** Well written but not in the catalog: a valid CAS number (canonical dashed form) or a name. */
  | { kind: 'unlisted'; cas?: string; name?: string }
  /** Not usable as written; `field` says which value is at fault. */
  | { kind: 'invalid'; field: 'chemical' | 'cas'; reason: string };

function looksLikeCas(text: string): boolean {
  return /^(cas(\s*(no\.?|number|rn|#))?\s*[:#]?\s*)?[\d\s\u2010-\u2015\u2212-]+$/i.test(text.trim());
}

function byCas(index: CatalogIndex, text: string, field: 'chemical' | 'cas'): ChemicalResolution {
  const reading = readCas(text);
  if (reading.kind === 'absent') return { kind: 'invalid', field, reason: 'is required' };
  if (reading.kind === 'malformed') return { kind: 'invalid', field, reason: reading.reason };
  if (!reading.checkDigitValid)
    return {
      kind: 'invalid',
      field,
      reason: `CAS number ${reading.cas} has a wrong check digit (the other digits call for ${reading.expectedCheckDigit})`,
    };
  const item = index.byCas.get(reading.cas);
  return item
    ? { kind: 'catalog', item, by: 'cas', cas: reading.cas }
    : { kind: 'unlisted', cas: reading.cas };
}

function byName(index: CatalogIndex, text: string): ChemicalResolution {
  const hits = index.names
    .match(text)
    .hits.filter((h) => h.whole && h.kind !== 'near-miss' && h.matched.replace(/\s/g, '').length > 0);
  const items = [...new Map(hits.map((h) => [h.item.id, h.item])).values()];
  if (items.length > 1)
    return {
      kind: 'invalid',
      field: 'chemical',
      reason: `names more than one catalog chemical (${items.map((i) => i.name).join(', ')}); write its CAS number`,
    };
  const item = items[0];
  return item ? { kind: 'catalog', item, by: 'name' } : { kind: 'unlisted', name: text.trim() };
}

/**
 * Resolves a report's chemical: `chemical` is a name or a CAS number, `cas` an optional separate
 * CAS number. When both are given and name different catalog chemicals the row is invalid.
 *
 * @example
 * resolveChemical(index, '108247');                       // { kind: 'catalog', item: acetic anhydride, by: 'cas' }
 * resolveChemical(index, 'acetic oxide');                 // { kind: 'catalog', item: acetic anhydride, by: 'name' }
 * resolveChemical(index, 'Some new ester');               // { kind: 'unlisted', name: 'Some new ester' }
 */
export function resolveChemical(index: CatalogIndex, chemical?: string, cas?: string): ChemicalResolution {
  const name = chemical?.trim() ?? '';
  const number = cas?.trim() ?? '';
  if (!name && !number)
    return { kind: 'invalid', field: 'chemical', reason: 'is required (a chemical name or CAS number)' };
  const fromCas = number ? byCas(index, number, 'cas') : undefined;
  const fromName = name
    ? looksLikeCas(name)
      ? byCas(index, name, 'chemical')
      : byName(index, name)
    : undefined;
  if (fromCas?.kind === 'invalid') return fromCas;
  if (fromName?.kind === 'invalid') return fromName;
  if (!fromCas) return fromName!;
  if (!fromName) return fromCas;
  if (fromCas.kind === 'catalog' && fromName.kind === 'catalog' && fromCas.item.id !== fromName.item.id)
    return {
      kind: 'invalid',
      field: 'cas',
      reason: `CAS number ${fromCas.cas} is ${fromCas.item.name} but the chemical is written "${name}" (${fromName.item.name})`,
    };
  // The catalog identification wins; an unlisted CAS number names the row more precisely than a name.
  if (fromCas.kind === 'catalog') return fromCas;
  if (fromName.kind === 'catalog') return fromName;
  return fromCas;
}
