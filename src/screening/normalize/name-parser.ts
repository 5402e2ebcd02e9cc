/**
 * Splits a raw name into normalised tokens and the parts that do not identify the holder: titles,
 * legal forms, particles, quoted nicknames and the "LAST, First" order of list entries.
 */
import { legalFormPhrases, longestLegalFormPhrase, type LegalForm } from './legal-forms.js';
import { numberWordsToDigits } from './number-words.js';
import { orgStopwords } from './org-common-words.js';
import { arabicParticles, personParticles, personTitles } from './person-name-words.js';
import { romanize } from './romanize.js';

export type NameKindHint = 'person' | 'organization' | 'unknown';

export interface ParsedName {
  /** Every normalised token in reading order (titles and legal forms included). */
  tokens: string[];
  /** Tokens that carry identity, in reading order. */
  keyTokens: string[];
  /** Indices into keyTokens of the family name(s) when the source wrote "FAMILY, Given". */
  familyTokenCount: number;
  legalForms: LegalForm[];
  titles: string[];
  droppedParticles: string[];
  /** Quoted or parenthesised nicknames ('El Mencho'), to be compared as names of their own. */
  nicknames: string[];
  fromAbjad: boolean;
  transliterated: boolean;
}

const QUOTED = /(?:^|[\s(,])["']([^"']{2,}?)["'](?=$|[\s),])/g;

/**
 * Parses a name.
 * @example parseName('GUZMAN LOERA, Joaquin', 'person').keyTokens // ['joaquin', 'guzman', 'loera']
 * @example parseName('MOREXPRESS S.A. DE C.V.', 'organization').keyTokens // ['morexpress']
 */
export function parseName(raw: string, kind: NameKindHint): ParsedName {
  const nicknames: string[] = [];
  let text = raw.replace(QUOTED, (_m, inner: string) => {
    nicknames.push(inner.trim());
    return ' ';
  });
  if (text.trim() === '') text = raw;

  let familyTokenCount = 0;
  const roman = romanize(text);
  let latin = roman.text;
  if (kind !== 'organization') {
    // "FAMILY, Given" (OFAC, UN) → "Given FAMILY"; remember how many tokens the family part has.
    const comma = latin.indexOf(',');
    if (comma > 0 && latin.indexOf(',', comma + 1) < 0) {
      const family = latin.slice(0, comma);
      const given = latin.slice(comma + 1);
      if (given.trim() !== '' && !/\b(jr|sr|ii|iii|iv)\b/.test(given)) {
        familyTokenCount = splitWords(family, kind).length;
        latin = `${given} ${family}`;
      }
    }
  }

  let tokens = splitWords(latin, kind);
  if (kind !== 'person') tokens = numberWordsToDigits(tokens);
  const all = tokens.slice();

  const titles: string[] = [];
  if (kind !== 'organization') {
    for (;;) {
      const two = tokens.length > 2 ? `${tokens[0]} ${tokens[1]}` : '';
      if (two && personTitles.has(two)) titles.push(...tokens.splice(0, 2));
      else if (tokens.length > 1 && personTitles.has(tokens[0]!)) titles.push(...tokens.splice(0, 1));
      else break;
    }
  }

  const legalForms: LegalForm[] = [];
  tokens = stripLegalForms(tokens, kind, legalForms);

  const droppedParticles: string[] = [];
  const key: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inside = i > 0 && i < tokens.length - 1;
    const drop =
      kind === 'organization'
        ? orgStopwords.has(token)
        : arabicParticles.has(token) || (inside && personParticles.has(token));
    if (drop && tokens.length > 1) droppedParticles.push(token);
    else key.push(token);
  }
  const keyTokens = kind === 'organization' ? key : joinArabicAbd(key);
  if (keyTokens.length === 0) keyTokens.push(...tokens);

  return {
    tokens: all,
    keyTokens,
    familyTokenCount,
    legalForms,
    titles,
    droppedParticles,
    nicknames,
    fromAbjad: roman.fromAbjad,
    transliterated: roman.transliterated,
  };
}

/** Lowercase Latin text → word tokens: dotted initialisms, possessives, apostrophes and hyphens handled. */
function splitWords(latin: string, kind: NameKindHint): string[] {
  let text = latin.replace(/&/g, ' and ');
  // "S.A." / "C.K." → "sa" / "ck" for organisations; "J.M." → "j m" for people.
  text = text.replace(/\b(?:[a-z0-9]\.){2,}(?![a-z0-9])/g, (m) =>
    kind === 'person' ? m.replace(/\./g, ' ') : `${m.replace(/\./g, '')} `,
  );
  text = text.replace(/(\w)'s\b/g, '$1').replace(/'/g, '');
  return text.split(/[^a-z0-9]+/).filter((t) => t !== '');
}

/** Removes legal-form phrases; short ambiguous ones only at the edges, people only at the end. */
function stripLegalForms(tokens: string[], kind: NameKindHint, found: LegalForm[]): string[] {
  if (kind === 'person') {
    if (tokens.length < 3) return tokens;
    const last = legalFormPhrases.get(tokens[tokens.length - 1]!);
    if (last) {
      found.push(last);
      return tokens.slice(0, -1);
    }
    return tokens;
  }
  const out = tokens.slice();
  let changed = true;
  while (changed && out.length > 1) {
    changed = false;
    for (let start = 0; start < out.length && !changed; start++) {
      for (let len = Math.min(longestLegalFormPhrase, out.length - start); len >= 1; len--) {
        if (len === out.length) continue; // never strip the whole name
        const phrase = out.slice(start, start + len).join(' ');
        const form = legalFormPhrases.get(phrase);
        if (!form) continue;
        const atEdge = start === 0 || start + len === out.length;
        if (form.edgeOnly && !atEdge) continue;
        found.push(form);
        out.splice(start, len);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/**
 * Arabic "Abd al-X" names are written joined or split in many ways (Abdul Rahman, Abdulrahman,
 * Abd al-Rahman, Abdur Rahman): all become one token "abd" + X.
 */
function joinArabicAbd(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (
      (token === 'abd' ||
        token === 'abdul' ||
        token === 'abdel' ||
        token === 'abdal' ||
        token === 'abdu' ||
        token === 'abdur' ||
        token === 'abdus') &&
      next !== undefined &&
      next.length > 2
    ) {
      out.push(`abd${stripArticle(next)}`);
      i++;
    } else if (token.length > 6 && token.startsWith('abd')) {
      out.push(`abd${stripArticle(token.slice(3))}`);
    } else out.push(token);
  }
  return out;
}

/** "ul-lah", "allah", "ur-rahman", "el-kader" → the word without its article. */
function stripArticle(word: string): string {
  const c0 = word[0];
  const c1 = word[1];
  const c2 = word[2];
  if ((c0 === 'a' || c0 === 'u' || c0 === 'e' || c0 === 'o') && c1 !== undefined && c2 !== undefined) {
    if (c1 === 'l') return word.slice(2).replace(/^l(?=l)/, '');
    if (c1 === c2 && c1 !== 'a') return word.slice(2);
  }
  return word;
}
