/**
 * Splits a raw name into normalised tokens and the parts that do not identify the holder: titles,
 * legal forms, particles, quoted nicknames and the "LAST, First" order of list entries.
 */
import { legalFormPhrases, longestLegalFormPhrase, type LegalForm } from './legal-forms.js';
import { splitAliasMarkers } from './alias-markers.js';
import { isDigits, numberWordsToDigits } from './number-words.js';
import { orgAbbreviations, orgCommonWords, orgStopwords } from './org-common-words.js';
import { arabicParticles, filiationWords, personParticles, personTitles } from './person-name-words.js';
import { removeHiddenCharacters } from './hidden-characters.js';
import { romanize } from './romanize.js';
import {
  abbreviationThroughDoubling,
  readThroughTypo,
  shortLegalFormThroughDoubling,
  type TypoReading,
} from './typo-vocabulary.js';

export type NameKindHint = 'person' | 'organization' | 'unknown';

/** What a token is in its name, where the name says so: 0 unknown, 1 own given name, 2 father's name. */
export const NAME_ROLE = { unknown: 0, given: 1, patronymic: 2 } as const;

export interface ParsedName {
  /** Every normalised token in reading order (titles and legal forms included). */
  tokens: string[];
  /** Tokens that carry identity, in reading order. */
  keyTokens: string[];
  /** NAME_ROLE per keyToken: "X bin Y" and Russian "-ovich" names say whose name a part is. */
  roles: number[];
  legalForms: LegalForm[];
  titles: string[];
  droppedParticles: string[];
  /** Quoted nicknames ('El Mencho'), to be compared as names of their own. */
  nicknames: string[];
  /** Names written after "a.k.a.", "f.k.a.", "formerly" inside the name, compared as aliases. */
  aliases: string[];
  fromAbjad: boolean;
  transliterated: boolean;
  /** Words read through a typo as a legal form, title, common word or country ("limitde" → limited). */
  typoReadings: TypoReading[];
  /**
   * The words taken out of the name as written (legal-form words, titles, particles), so the
   * scorer can tell a slip in one of them on the other side ("LC" against a name's "LLC").
   */
  ignoredWords: string[];
  /** Control and bidirectional-override characters removed from the name (`hidden-characters.ts`). */
  hiddenCharacters: string[];
}

const QUOTED = /(?:^|[\s(,])["']([^"']{2,}?)["'](?=$|[\s),])/g;
const PATRONYMIC = /(?:ovich|evich|ovych|evych|ovic|evic|ovna|evna|ivna|ichna|oglu|ogly|kyzy|qizi)$/;

/**
 * Parses a name.
 * @example parseName('GUZMAN LOERA, Joaquin', 'person').keyTokens // ['joaquin', 'guzman', 'loera']
 * @example parseName('MOREXPRESS S.A. DE C.V.', 'organization').keyTokens // ['morexpress']
 */
export function parseName(written: string, kind: NameKindHint): ParsedName {
  const cleaned = removeHiddenCharacters(written);
  const raw = cleaned.text;
  const { name, aliases } = splitAliasMarkers(raw, kind);
  const nicknames: string[] = [];
  let text = name;
  if (kind !== 'organization') {
    text = name.replace(QUOTED, (_m, inner: string) => {
      nicknames.push(inner.trim());
      return ' ';
    });
    if (text.trim() === '') text = name;
  }

  const roman = romanize(text);
  let latin = roman.text;
  if (kind !== 'organization') {
    // "FAMILY, Given" (OFAC, UN) → "Given FAMILY".
    const comma = latin.indexOf(',');
    if (comma > 0 && latin.indexOf(',', comma + 1) < 0) {
      const family = latin.slice(0, comma);
      const given = latin.slice(comma + 1);
      if (given.trim() !== '' && !/\b(jr|sr|ii|iii|iv)\b/.test(given)) latin = `${given} ${family}`;
    }
  }

  let tokens = splitWords(latin, kind);
  const typoReadings: TypoReading[] = [];
  if (kind !== 'person')
    tokens = dropIdentifiers(numberWordsToDigits(tokens).map((t) => writtenOut(t, typoReadings)));
  const all = tokens.slice();

  const titles: string[] = [];
  const ignoredWords: string[] = [];
  if (kind !== 'organization') {
    for (;;) {
      const two = tokens.length > 2 ? `${tokens[0]} ${tokens[1]}` : '';
      const reading = tokens.length > 1 ? readThroughTypo(tokens[0]!) : undefined;
      if (two && personTitles.has(two)) titles.push(...tokens.splice(0, 2));
      else if (tokens.length > 1 && personTitles.has(tokens[0]!)) titles.push(...tokens.splice(0, 1));
      else if (reading?.kind === 'title') {
        // "Shikh Fayaz": a title mistyped is still a title.
        tokens.shift();
        titles.push(reading.read);
        typoReadings.push(reading);
        // Kept as written too: the other name may carry the same title mistyped otherwise.
        ignoredWords.push(reading.written);
      } else break;
    }
    ignoredWords.push(...titles);
  }

  const legalForms: LegalForm[] = [];
  tokens = stripLegalForms(tokens, kind, legalForms, typoReadings, ignoredWords);
  if (kind === 'organization') tokens = readCommonWords(tokens, typoReadings);

  const droppedParticles: string[] = [];
  const key: string[] = [];
  const roles: number[] = [];
  let nextRole: number = NAME_ROLE.unknown;
  let sawFiliation = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inside = i > 0 && i < tokens.length - 1;
    const drop =
      kind === 'organization'
        ? orgStopwords.has(token)
        : arabicParticles.has(token) || (inside && personParticles.has(token));
    if (drop && tokens.length > 1) {
      droppedParticles.push(token);
      ignoredWords.push(token);
      if (kind !== 'organization' && filiationWords.has(token)) {
        // "X bin Y": X is the person's own name (when bin is not first), Y the father's.
        if (key.length > 0 && roles[roles.length - 1] === NAME_ROLE.unknown && !sawFiliation) {
          roles[roles.length - 1] = NAME_ROLE.given;
        }
        sawFiliation = true;
        nextRole = NAME_ROLE.patronymic;
      }
      continue;
    }
    key.push(token);
    roles.push(
      kind !== 'organization' && PATRONYMIC.test(token) && token.length > 6 ? NAME_ROLE.patronymic : nextRole,
    );
    if (token !== 'abd' && token !== 'abdul' && token !== 'abdel' && token !== 'abu')
      nextRole = NAME_ROLE.unknown;
  }
  const joined = kind === 'organization' ? { tokens: key, roles } : joinArabicAbd(key, roles, typoReadings);
  if (joined.tokens.length === 0) {
    joined.tokens.push(...tokens);
    joined.roles.push(...tokens.map(() => NAME_ROLE.unknown));
  }

  return {
    tokens: all,
    keyTokens: joined.tokens,
    roles: joined.roles,
    legalForms,
    titles,
    droppedParticles,
    nicknames,
    aliases,
    fromAbjad: roman.fromAbjad,
    transliterated: roman.transliterated,
    typoReadings,
    ignoredWords,
    hiddenCharacters: cleaned.removed,
  };
}

/** An abbreviation written out ("intl" → international), also with a letter doubled ("inttl"). */
function writtenOut(token: string, readings: TypoReading[]): string {
  const known = orgAbbreviations.get(token);
  if (known !== undefined) return known;
  const reading = abbreviationThroughDoubling(token);
  if (!reading) return token;
  readings.push(reading);
  return orgAbbreviations.get(reading.read)!;
}

/**
 * Common organisation words and country names read through a typo ("SHIPPNG" → shipping,
 * "BELARSU" → belarus): they weigh as the word they stand for, and both spellings meet in the
 * index. Legal-form words are read only inside a legal-form phrase (stripLegalForms), unless they
 * are common words too ("COMPNY" inside a name).
 */
function readCommonWords(tokens: string[], readings: TypoReading[]): string[] {
  if (tokens.length < 2) return tokens;
  let out = tokens;
  for (let i = 0; i < tokens.length; i++) {
    const reading = readThroughTypo(tokens[i]!);
    if (!reading || reading.kind === 'title') continue;
    if (reading.kind === 'legal form' && !orgCommonWords.has(reading.read)) continue;
    if (out === tokens) out = tokens.slice();
    out[i] = reading.read;
    readings.push(reading.kind === 'legal form' ? { ...reading, kind: 'common word' } : reading);
  }
  return out;
}

/** Lowercase text → word tokens: dotted initialisms, possessives, apostrophes and hyphens handled. */
function splitWords(latin: string, kind: NameKindHint): string[] {
  let text = latin.replace(/&/g, ' and ');
  // "S.A." / "C.K." → "sa" / "ck" for organisations; "J.M." → "j m" for people.
  text = text.replace(/\b(?:[a-z0-9]\.){2,}(?![a-z0-9])/g, (m) =>
    kind === 'person' ? m.replace(/\./g, ' ') : `${m.replace(/\./g, '')} `,
  );
  // "A/S", "I/S", "K/S" (Nordic legal forms) are one word, not two letters.
  if (kind !== 'person') text = text.replace(/\b([a-z])\/([a-z])\b/g, '$1$2');
  text = text.replace(/(\w)'s\b/g, '$1').replace(/'/g, '');
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((t) => t !== '');
}

/**
 * Removes legal-form phrases; short ambiguous ones only at the edges, people only at the end.
 * A phrase also counts when some of its words are mistyped (`typo-vocabulary.ts`): "LIMITED
 * LIABILITY COMPNY" is an LLC. Names of unknown kind need two or more words for that, so a
 * single mistyped word never turns a person into a company.
 */
function stripLegalForms(
  tokens: string[],
  kind: NameKindHint,
  found: LegalForm[],
  readings: TypoReading[],
  ignored: string[],
): string[] {
  if (kind === 'person') {
    if (tokens.length < 3) return tokens;
    const last = legalFormPhrases.get(tokens[tokens.length - 1]!);
    // Short forms (SA, AG, PAO) are also surnames ("PAO, Hua Chiang"): only unambiguous ones count.
    if (last && !last.edgeOnly) {
      found.push(last);
      ignored.push(tokens[tokens.length - 1]!);
      return tokens.slice(0, -1);
    }
    return tokens;
  }
  const out = tokens.slice();
  // The legal-form word each token may stand for; a doubled letter ("LLCC") only at the edges.
  const typo = out.map((t, i) => {
    const reading = readThroughTypo(t);
    if (reading?.kind === 'legal form') return reading;
    return i === 0 || i === out.length - 1 ? shortLegalFormThroughDoubling(t) : undefined;
  });
  const minFuzzyLength = kind === 'organization' ? 1 : 2;
  let changed = true;
  while (changed && out.length > 1) {
    changed = false;
    for (let start = 0; start < out.length && !changed; start++) {
      for (let len = Math.min(longestLegalFormPhrase, out.length - start); len >= 1; len--) {
        if (len === out.length) continue; // never strip the whole name
        const window = out.slice(start, start + len);
        let form = legalFormPhrases.get(window.join(' '));
        let used: TypoReading[] = [];
        if (!form && len >= minFuzzyLength) {
          const readings = typo.slice(start, start + len);
          if (readings.some((r) => r !== undefined)) {
            const match = fuzzyPhrase(window, readings);
            if (match) {
              form = match.form;
              used = match.used;
            }
          }
        }
        if (!form) continue;
        const atEdge = start === 0 || start + len === out.length;
        if (form.edgeOnly && !atEdge) continue;
        found.push(form);
        readings.push(...used);
        ignored.push(...window);
        out.splice(start, len);
        typo.splice(start, len);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/**
 * The legal form a window of words makes when its mistyped words are read as legal-form words,
 * trying every equally near reading ("LIMITAD LIABILITY COMPANY": limited, not limitada).
 */
function fuzzyPhrase(
  window: readonly string[],
  readings: ReadonlyArray<TypoReading | undefined>,
): { form: LegalForm; used: TypoReading[] } | undefined {
  let phrases: Array<{ words: string[]; used: TypoReading[] }> = [{ words: [], used: [] }];
  for (let k = 0; k < window.length; k++) {
    const r = readings[k];
    const options = r ? [r.read, ...(r.alternatives ?? [])] : [window[k]!];
    const next: typeof phrases = [];
    for (const p of phrases)
      for (const o of options)
        if (next.length < 16)
          next.push({
            words: [...p.words, o],
            used: r ? [...p.used, { ...r, read: o, alternatives: undefined }] : p.used,
          });
    phrases = next;
  }
  for (const p of phrases) {
    const form = legalFormPhrases.get(p.words.join(' '));
    if (form) return { form, used: p.used.map(({ written, read, kind }) => ({ written, read, kind })) };
  }
  return undefined;
}

const ABD_FORMS = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdil',
  'abdyl',
  'abdu',
  'abdur',
  'abdus',
  'abdoul',
  'abdol',
]);

/**
 * The same forms with two neighbouring letters swapped ("Adbul", "Abudl", "Badur"): a typo there
 * must cost a typo, not split "Abdul Bari" into two parts against the joined "abdbari".
 */
const ABD_TYPOS: ReadonlySet<string> = new Set(
  [...ABD_FORMS]
    .filter((form) => form.length >= 4)
    .flatMap((form) =>
      Array.from(
        { length: form.length - 1 },
        (_, k) => form.slice(0, k) + form[k + 1] + form[k] + form.slice(k + 2),
      ),
    )
    .filter((typo) => !ABD_FORMS.has(typo)),
);

/**
 * Arabic "Abd al-X" names are written joined or split in many ways (Abdul Rahman, Abdulrahman,
 * Abd al-Rahman, Abdur Rahman): all become one token "abd" + X.
 */
function joinArabicAbd(
  tokens: string[],
  roles: number[],
  readings: TypoReading[],
): { tokens: string[]; roles: number[] } {
  const out: string[] = [];
  const outRoles: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const written = tokens[i]!;
    const token = abdTypo(written);
    if (token !== written) readings.push({ written, read: token, kind: 'name element' });
    const next = tokens[i + 1];
    if ((ABD_FORMS.has(token) || ABD_TYPOS.has(token)) && next !== undefined && next.length > 2) {
      out.push(`abd${stripArticle(next)}`);
      i++;
    } else if (token.length > 6 && token.startsWith('abd')) {
      out.push(`abd${stripArticle(token.slice(3), true)}`);
    } else out.push(token);
    outRoles.push(roles[i] ?? NAME_ROLE.unknown);
  }
  return { tokens: out, roles: outRoles };
}

/** Abdallah, Abdullah, Abdellah with the B dropped. */
const ADALLAH = /^ad[aeiu]ll?ah$/;

/** Abd- forms of five letters or more: what a token read as a mistyped Abd- name must start with. */
const LONG_ABD_FORMS = [...ABD_FORMS].filter((form) => form.length >= 5);

/** The token is an Abd- form, or a longer word that starts with one of five letters or more. */
function abdShaped(token: string): boolean {
  return ABD_FORMS.has(token) || (token.length > 6 && LONG_ABD_FORMS.some((form) => token.startsWith(form)));
}

/**
 * An Abd- name mistyped in its first letters, read as the Abd- name so that it joins like the
 * others: a letter doubled in the first five ("Abbdul", "Abddul", "Abduullah", "Abdeelrazak"; no
 * romanisation doubles those letters), two neighbouring letters swapped after the first
 * ("Adbelmalek", "Abudllahi", "Abadllah"), the first vowel replaced by another ("Obdul",
 * "Ibdelhay"), or the first letter dropped ("Bdul", and the B of "Adallah"). The result must be an Abd- form or start with one of five letters or more, so
 * that Badr, Adel, Abul or Abed (names of their own) are never read as Abd-.
 */
function abdTypo(token: string): string {
  // The first letter dropped: no name starts with BD ("bdul", "bdelrazik", "'bd"), and
  // "Adallah", "Adullah" are Abdallah, Abdullah without their B.
  if (token.startsWith('bd')) {
    const whole = `a${token}`;
    if (ABD_FORMS.has(whole) || abdShaped(whole)) return whole;
  }
  if (ADALLAH.test(token)) return `ab${token.slice(1)}`;
  if (token.length < 4 || ABD_FORMS.has(token)) return token;
  for (let k = 1; k < 5 && k < token.length; k++) {
    if (token[k] !== token[k - 1]) continue;
    const once = token.slice(0, k) + token.slice(k + 1);
    if (once.startsWith('abd') && (ABD_FORMS.has(once) || once.length > 6)) return once;
  }
  if (token.length >= 5) {
    for (let k = 1; k < 4; k++) {
      const swapped = token.slice(0, k) + token[k + 1] + token[k] + token.slice(k + 2);
      if (swapped !== token && abdShaped(swapped) && !abdShaped(token)) return swapped;
    }
    if ('eiou'.includes(token[0]!) && token[1] === 'b' && token[2] === 'd') {
      const vowel = `a${token.slice(1)}`;
      if (abdShaped(vowel)) return vowel;
    }
  }
  return token;
}

/** Digits of an identifier written into a vessel's name ("ORION IMO 9123456"): IMO 7, MMSI 9. */
const identifierDigits: Record<string, number> = { imo: 7, mmsi: 9 };

/** Drops "IMO 9123456" and "MMSI 123456789" from a name: identifiers are compared as identifiers. */
function dropIdentifiers(tokens: string[]): string[] {
  for (let i = 0; i < tokens.length - 1; i++) {
    const digits = identifierDigits[tokens[i]!];
    const next = tokens[i + 1]!;
    if (digits !== undefined && next.length === digits && isDigits(next) && tokens.length > 2)
      return [...tokens.slice(0, i), ...tokens.slice(i + 2)];
  }
  return tokens;
}

/** "ul-lah", "allah", "ur-rahman", "el-kader" → the word without its article. */
function stripArticle(word: string, joined = false): string {
  const c0 = word[0];
  const c1 = word[1];
  const c2 = word[2];
  // Written joined, "Abdillah" is "Abd illah" (Indonesian and Malay spelling); a separate word
  // starting with "il" is a name of its own (Abdul Ilyas).
  if (
    (c0 === 'a' || c0 === 'u' || c0 === 'e' || c0 === 'o' || (joined && c0 === 'i')) &&
    c1 !== undefined &&
    c2 !== undefined
  ) {
    // "Abdulah", "Abdalah": Allah written with one L.
    if (c1 === 'l') return word === `${c0}lah` ? 'lah' : word.slice(2).replace(/^l(?=l)/, '');
    if (c1 === c2 && c1 !== 'a') return word.slice(2);
  }
  return word;
}
