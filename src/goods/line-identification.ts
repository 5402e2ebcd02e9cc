/**
 * What an order line is, weighing its identifiers against each other: a listed CAS number
 * decides; a CAS whose check digit is wrong still points at the item its other digits name; a
 * name decides when it is written out, while an abbreviation or a near-miss spelling counts only
 * when the CAS and HS code do not speak for another chemical. A product model identifies a
 * dual-use item. HS codes never identify anything alone.
 */
import type { ChemicalItem } from './catalog-schema.js';
import { type CatalogIndex, itemHeadings } from './catalog-index.js';
import type { DescriptionMatch, NameHit } from './chemical-name-index.js';
import type { DualUseHit } from './dual-use-matcher.js';
import type { OrderLine } from './order-line.js';

export type IdentifiedBy = 'cas' | 'cas-without-check-digit' | 'name' | 'model';

export type Identification =
  | {
      type: 'chemical';
      item: ChemicalItem;
      by: IdentifiedBy;
      /** The description's hit for this item, if the description names it. */
      nameHit?: NameHit;
      /** Share of the line that counts as the listed chemical (from a stated %; 1 without one). */
      listedFraction: number;
    }
  | { type: 'dual-use'; hit: DualUseHit; by: 'model' };

export interface LineReading {
  line: OrderLine;
  description: DescriptionMatch;
  /** Listed item of a CAS with a valid check digit. */
  casItem?: ChemicalItem;
  /** Listed item whose CAS matches all but the (wrong) check digit. */
  casBodyItem?: ChemicalItem;
  /** Accepted name hits (after weighing), strongest first. */
  acceptedNames: NameHit[];
  /** Name hits set aside, with the reason, for the evidence of near misses. */
  setAside: Array<{ hit: NameHit; reason: string }>;
  identification?: Identification;
}

/** Whether the HS code (if any) sits in a chapter the catalog gives the item. */
function hsAgrees(line: OrderLine, item: ChemicalItem): boolean {
  if (line.hs.kind !== 'code' || item.hs.length === 0) return true;
  const chapter = line.hs.chapter;
  return (
    item.hs.some((h) => h.startsWith(chapter)) ||
    itemHeadings({ type: 'chemical', ...item }).includes(line.hs.heading)
  );
}

/**
 * @example
 * const r = readLine(index, line); r.identification?.type === 'chemical' && r.identification.item.name;
 */
export function readLine(index: CatalogIndex, line: OrderLine): LineReading {
  const description = index.names.match(line.description);
  const cas = line.cas;
  const casValid = cas.kind === 'number' && cas.checkDigitValid;
  const casItem = casValid ? index.byCas.get(cas.cas) : undefined;
  const casBodyItem =
    cas.kind === 'number' && !cas.checkDigitValid ? index.byCasBody.get(cas.body) : undefined;
  const acceptedNames: NameHit[] = [];
  const setAside: Array<{ hit: NameHit; reason: string }> = [];
  for (const hit of description.hits) {
    const reason = weighName(hit, line, casValid, casItem);
    if (reason) setAside.push({ hit, reason });
    else acceptedNames.push(hit);
  }
  const fraction = description.reading.percent !== undefined ? description.reading.percent / 100 : 1;
  const chemical = (item: ChemicalItem, by: IdentifiedBy): Identification => {
    const nameHit = acceptedNames.find((h) => h.item.id === item.id);
    return {
      type: 'chemical',
      item,
      by,
      ...(nameHit ? { nameHit } : {}),
      listedFraction: item.mixtureRule === 'whole-mixture' ? 1 : fraction,
    };
  };
  let identification: Identification | undefined;
  if (casItem) identification = chemical(casItem, 'cas');
  else if (casBodyItem) identification = chemical(casBodyItem, 'cas-without-check-digit');
  else if (acceptedNames[0]) identification = chemical(acceptedNames[0].item, 'name');
  else {
    const hit = index.dualUse.match(line.description, line.hs);
    if (hit) identification = { type: 'dual-use', hit, by: 'model' };
  }
  return {
    line,
    description,
    ...(casItem ? { casItem } : {}),
    ...(casBodyItem ? { casBodyItem } : {}),
    acceptedNames,
    setAside,
    ...(identification ? { identification } : {}),
  };
}

/** Why a name hit does not identify the line, or undefined when it does. */
function weighName(
  hit: NameHit,
  line: OrderLine,
  casValid: boolean,
  casItem: ChemicalItem | undefined,
): string | undefined {
  const strong = hit.kind !== 'near-miss' && !hit.weak;
  if (strong && hit.whole) return undefined;
  if (strong) {
    // A listed name inside a longer one ("toluene diisocyanate") counts unless the identifiers
    // name another chemical: a valid CAS that is not a listed one, or an HS heading of another
    // chemical in chapters 28-29 (a harmless product chapter is a misdeclaration, not a veto).
    if (casValid && !casItem)
      return `"${hit.matched}" is part of a longer name and the CAS number ${line.cas.kind === 'number' ? line.cas.cas : ''} is not a listed chemical's`;
    if (
      line.hs.kind === 'code' &&
      (line.hs.chapter === '28' || line.hs.chapter === '29') &&
      hit.item.hs.length > 0 &&
      !hit.item.hs.some((h) => h.startsWith(line.hs.kind === 'code' ? line.hs.heading : ''))
    )
      return `"${hit.matched}" is part of a longer name and HS ${line.hs.subheading} is another chemical's heading`;
    return undefined;
  }
  if (casValid && casItem?.id !== hit.item.id) {
    return `the CAS number ${line.cas.kind === 'number' ? line.cas.cas : ''} is not ${hit.item.name}'s`;
  }
  if (casItem?.id === hit.item.id) return undefined;
  // An abbreviation or generic word inside a longer name ("ether" in "diisopropyl ether") is
  // that name's word; only the CAS number can say otherwise.
  if (hit.weak && !hit.whole) return `"${hit.matched}" is one word of a longer name`;
  if (!hsAgrees(line, hit.item)) {
    // One slip in a long name is read as a misspelling even under a foreign HS chapter; the
    // misdeclaration rule then reports the disagreement.
    if (hit.kind === 'near-miss' && hit.distance <= 1 && hit.matched.replace(/ /g, '').length >= 8)
      return undefined;
    return `HS ${line.hs.kind === 'code' ? line.hs.subheading : ''} is outside the chapters the catalog gives ${hit.item.name}`;
  }
  return undefined;
}
