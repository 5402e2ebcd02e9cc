/**
 * OFAC writes individuals as "LAST NAMES, Given Names"; splitting them keeps the family and given
 * parts that name matching aligns (Spanish double surnames stay together in `family`).
 */
import type { EntityName, NameKind } from '../core/index.js';

/**
 * Builds an EntityName; for people, "OSEGUERA CERVANTES, Nemesio" gives family
 * "OSEGUERA CERVANTES" and given "Nemesio". Organisation names are kept whole.
 *
 * @example
 * ofacName('ZAMBADA GARCIA, Ismael', 'primary', true)
 * // { full: 'ZAMBADA GARCIA, Ismael', kind: 'primary', family: 'ZAMBADA GARCIA', given: 'Ismael' }
 */
export function ofacName(full: string, kind: NameKind, isPerson: boolean): EntityName {
  const name: EntityName = { full, kind };
  if (!isPerson) return name;
  const comma = full.indexOf(',');
  if (comma <= 0) return name;
  const family = full.slice(0, comma).trim();
  const given = full.slice(comma + 1).trim();
  // A second comma means a suffix or an organisation-like string; keep the whole name only.
  if (!family || !given || given.includes(',')) return name;
  name.family = family;
  name.given = given;
  return name;
}
