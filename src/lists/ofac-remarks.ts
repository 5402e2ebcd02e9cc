/**
 * The facts OFAC packs into one Remarks column ("DOB 01 Oct 1981; POB Matamoros, Tamaulipas,
 * Mexico; R.F.C. ... (Mexico); a.k.a. 'EL MENCHO'; Linked To: ...") split into structured fields.
 */
import type { EntityLink, EntityName, Identifier } from '../core/index.js';
import { ofacBirthDates } from './ofac-date.js';
import { matchLabel, OFAC_ATTRIBUTE_LABELS, OFAC_IDENTIFIER_LABELS } from './ofac-fact-labels.js';

/** Everything one Remarks text says, ready to merge into an Entity. */
export interface OfacRemarkFacts {
  birthDates: string[];
  birthPlaces: string[];
  nationalities: string[];
  gender?: 'male' | 'female';
  identifiers: Identifier[];
  /** Quoted a.k.a.s in Remarks are OFAC's "weak AKAs" (OFAC FAQ 123); f.k.a.s are former names. */
  aliases: Array<Pick<EntityName, 'full' | 'kind'>>;
  links: EntityLink[];
  attributes: Record<string, string[]>;
}

const ALIAS = /^([afn])\.k\.a\.,?\s+(.+)$/i;

/**
 * Parses one Remarks text. Never throws: a fact it does not recognise is kept verbatim in
 * `attributes.remarks`, so nothing the source says is lost.
 *
 * @example
 * parseOfacRemarks("DOB 17 Jul 1966; POB Aguililla, Michoacan, Mexico; a.k.a. 'Mencho'.").birthDates // ['1966-07-17']
 */
export function parseOfacRemarks(remarks: string): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    identifiers: [],
    aliases: [],
    links: [],
    attributes: {},
  };
  for (const raw of splitRemarks(remarks)) {
    const part = raw.replace(/^alt\.\s+/i, '');
    parseFact(part, raw, facts);
  }
  return facts;
}

/** Splits on `;` outside single-quoted aliases, dropping the closing period of the whole text. */
export function splitRemarks(remarks: string): string[] {
  let text = remarks.trim();
  // The final period closes the sentence; keep it when it ends an abbreviation such as "S.A.".
  if (text.endsWith('.') && !/(^|[\s.])[A-Za-z]\.$/.test(text)) text = text.slice(0, -1);
  const parts: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // An apostrophe opens a quote only right after "a.k.a. "; inside, it closes before ";" or the end.
    if (c === "'" && !inQuote && /[afn]\.k\.a\.,?\s+$/i.test(text.slice(Math.max(0, i - 8), i)))
      inQuote = true;
    else if (c === "'" && inQuote && (i + 1 === text.length || text[i + 1] === ';')) inQuote = false;
    else if (c === ';' && !inQuote) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseFact(part: string, raw: string, facts: OfacRemarkFacts): void {
  let m = /^DOB\s+(.+)$/.exec(part);
  if (m) {
    const dates = ofacBirthDates(m[1]!);
    if (dates) pushUnique(facts.birthDates, ...dates);
    else pushAttribute(facts, 'birthDateText', m[1]!);
    return;
  }
  m = /^POB\s+(.+)$/.exec(part);
  if (m) return void pushUnique(facts.birthPlaces, m[1]!);
  m = /^(?:nationality|citizen)\s+(.+)$/i.exec(part);
  if (m) return void pushUnique(facts.nationalities, m[1]!);
  m = /^Gender\s+(Male|Female)$/i.exec(part);
  if (m) {
    facts.gender = m[1]!.toLowerCase() as 'male' | 'female';
    return;
  }
  m = ALIAS.exec(part);
  if (m) {
    const name = unquote(m[2]!);
    if (name) facts.aliases.push({ full: name, kind: m[1]!.toLowerCase() === 'f' ? 'former' : 'weak' });
    return;
  }
  m = /^Linked To:\s*(.+)$/i.exec(part);
  if (m) return void facts.links.push({ relation: 'linked-to', targetName: m[1]!.trim() });
  const idLabel = matchLabel(part, OFAC_IDENTIFIER_LABELS);
  if (idLabel) {
    const parsed = parseIdentifier(part, idLabel[0], idLabel[1]);
    if (parsed) {
      const { identifier, note } = parsed;
      facts.identifiers.push(identifier);
      // Issue and expiry dates after the country are kept for the analyst.
      if (note) pushAttribute(facts, 'identifierNotes', `${identifier.label} ${identifier.value}: ${note}`);
      return;
    }
  }
  const attrLabel = matchLabel(part, OFAC_ATTRIBUTE_LABELS);
  if (attrLabel) {
    const value = part
      .slice(attrLabel[0].length)
      .replace(/^[\s:]+/, '')
      .trim();
    if (value) return void pushAttribute(facts, attrLabel[1], value);
  }
  pushAttribute(facts, 'remarks', raw);
}

/** "Passport A123 (Mexico) expires 2020" → value A123, country Mexico; the rest is kept as a note. */
function parseIdentifier(
  part: string,
  label: string,
  type: Identifier['type'],
): { identifier: Identifier; note: string } | undefined {
  let rest = part
    .slice(label.length)
    .replace(/^[\s:#]+/, '')
    .trim();
  let sourceLabel = label;
  if (label === 'IMO' || label.endsWith(' IMO')) rest = rest.replace(/^IMO\s+/, '');
  const currency = /^- ?([A-Z]{3,5})\s+(.+)$/.exec(rest);
  if (currency && label.startsWith('Digital Currency')) {
    sourceLabel = `${label} - ${currency[1]}`;
    rest = currency[2]!;
  }
  const paren = /^([^()]*?)\s*\(([^()]+)\)\s*(.*)$/.exec(rest);
  let value = rest;
  let country: string | undefined;
  let note = '';
  if (paren?.[1]) {
    value = paren[1];
    country = paren[2]!.trim();
    note = paren[3]!.trim();
  }
  value = value.replace(/[,;]$/, '').trim();
  if (!value || !/[0-9A-Za-z]/.test(value)) return undefined;
  const identifier: Identifier = { type, value, label: sourceLabel };
  if (country) identifier.country = country;
  return { identifier, note };
}

function unquote(text: string): string {
  let t = text.trim();
  if (t.startsWith("'")) t = t.slice(1);
  if (t.endsWith("'")) t = t.slice(0, -1);
  return t.trim();
}

function pushUnique(list: string[], ...values: string[]): void {
  for (const v of values) {
    const value = v.trim();
    if (value && !list.includes(value)) list.push(value);
  }
}

function pushAttribute(facts: OfacRemarkFacts, key: string, value: string): void {
  const list = facts.attributes[key];
  if (list) list.push(value);
  else facts.attributes[key] = [value];
}
