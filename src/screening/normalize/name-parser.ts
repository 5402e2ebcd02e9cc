/**
 * Splits a raw name into normalised tokens and the parts that do not identify the holder: titles,
 * legal forms, particles, quoted nicknames and the "LAST, First" order of list entries.
 */
import { joinArabicAbd } from './arabic-abd-names.js';
import { joinArabicCompounds } from './arabic-compound-names.js';
import { splitAliasMarkers } from './alias-markers.js';
import { dropIdentifiers } from './embedded-identifiers.js';
import { removeHiddenCharacters } from './hidden-characters.js';
import { stripLegalForms } from './legal-form-stripping.js';
import type { LegalForm } from './legal-forms.js';
import type { NameKindHint } from './name-kind.js';
import { NAME_ROLE } from './name-roles.js';
import { numberWordsToDigits, romanSeriesNumbers, type NumberReading } from './number-words.js';
import { orgStopwords } from './org-common-words.js';
import { readCommonWords, writtenOut } from './org-word-readings.js';
import {
  abjadFiliationWords,
  arabicParticles,
  filiationWords,
  generationSuffixes,
  personParticles,
  postNominals,
} from './person-name-words.js';
import { romanize } from './romanize.js';
import { stripTitles } from './title-stripping.js';
import type { TypoReading } from './typo-vocabulary.js';
import { splitWords } from './word-tokens.js';

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
  /** Numbers written as words, ordinals or Roman numerals, read as digits (names other than people's). */
  numberReadings: NumberReading[];
  /** Per keyToken, the value of a Roman series numeral ("Fund III": 3), else 0; undefined when none. */
  seriesNumbers: number[] | undefined;
  /** A personal name's generation suffix ("Jr.", "III"), in one spelling per meaning, taken out. */
  generation: string | undefined;
}

const QUOTED = /(?:^|[\s(,])["']([^"']{2,}?)["'](?=$|[\s),])/g;
/**
 * The Arabic article assimilated to a sun letter, written with its hyphen: ar-Rahman, as-Sadr,
 * ash-Shami, ad-Din, az-Zawahiri, an-Nur, ath-Thani (and the Persian and Urdu ur-, ud-, us- of
 * ul-): the al- (ul-) of other listings, so it is read as that particle and dropped like it ("Abd
 * ar-Rahman" is "Abd al-Rahman", "Dar as-Salam" is "Dar al-Salam"). Only before the letter it
 * doubles, and only hyphenated: "An Nguyen" is a given name.
 */
const ASSIMILATED_ARTICLE = /(?<![a-z])([au])(sh|th|dh|[tdrzsn])-(?=\2)/g;
/**
 * The Persian ezafe and Urdu izafat, written as a hyphenated -e, -i or -ye after a word ("Sazman-e
 * Moghavemat", "Lashkar-i-Taiba", "Tehrik-e Taliban"): a connective, written or left out as lists
 * please, like the particles dropped below.
 */
const EZAFE = /(?<=[a-z])-(?:e|i|ye|yi)(?=[\s-][a-z])/g;
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
      if (given.trim() !== '' && !/\b(jr|sr|ii|iii|iv)\b/.test(given) && !onlySuffixes(given))
        latin = `${given} ${family}`;
    }
  }

  latin = latin.replace(ASSIMILATED_ARTICLE, '$1l-').replace(EZAFE, '');
  let tokens = splitWords(latin, kind);
  const typoReadings: TypoReading[] = [];
  const numberReadings: NumberReading[] = [];
  if (kind !== 'person')
    tokens = dropIdentifiers(
      numberWordsToDigits(tokens, numberReadings).map((t) => writtenOut(t, typoReadings)),
    );
  const all = tokens.slice();

  const ignoredWords: string[] = [];
  const titles = kind === 'organization' ? [] : stripTitles(tokens, typoReadings, ignoredWords);
  if (kind !== 'organization') stripPostNominals(tokens, titles, ignoredWords);
  const generation = kind === 'organization' ? undefined : stripGeneration(tokens, ignoredWords);
  if (kind !== 'organization') stripPostNominals(tokens, titles, ignoredWords);

  const legalForms: LegalForm[] = [];
  tokens = stripLegalForms(tokens, kind, legalForms, typoReadings, ignoredWords);
  if (kind === 'organization') tokens = readCommonWords(tokens, typoReadings);

  if (kind !== 'organization') tokens = joinArabicCompounds(tokens);
  const droppedParticles: string[] = [];
  const key: string[] = [];
  const roles: number[] = [];
  let nextRole: number = NAME_ROLE.unknown;
  let sawFiliation = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const inside = i > 0 && i < tokens.length - 1;
    // Ben first in a personal name written in Latin letters is the given name (Ben Netanyahu,
    // Ben-Zion Gopstein), not a filiation word, which follows the person's own name (Ahmed ben
    // Bella); lists write Maghrebi surnames surname first with a comma (BEN ALI, Zine), so there
    // it is inside the name.
    const drop =
      kind === 'organization'
        ? orgStopwords.has(token)
        : (arabicParticles.has(token) && !(i === 0 && token === 'ben' && !roman.fromAbjad)) ||
          (roman.fromAbjad && abjadFiliationWords.has(token)) ||
          (inside && personParticles.has(token));
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
    seriesNumbers: kind === 'organization' ? romanSeriesNumbers(joined.tokens, numberReadings) : undefined,
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
    numberReadings,
    generation,
  };
}

/** "Smith, PhD": what follows the comma is post-nominal letters or a generation, not given names. */
function onlySuffixes(text: string): boolean {
  const words = text.split(/[^a-z]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => postNominals.has(w) || generationSuffixes.has(w));
}

/** Takes post-nominal letters ("PhD", "Esq.") off the end of a personal name of three words or more. */
function stripPostNominals(tokens: string[], titles: string[], ignoredWords: string[]): void {
  while (tokens.length >= 3 && postNominals.has(tokens[tokens.length - 1]!)) {
    const word = tokens.pop()!;
    titles.push(word);
    ignoredWords.push(word);
  }
}

/**
 * Takes a generation suffix ("Jr.", "Senior", "III") off the end of a personal name of three words
 * or more and returns it in its one spelling; the word goes to `ignoredWords`.
 */
function stripGeneration(tokens: string[], ignoredWords: string[]): string | undefined {
  if (tokens.length < 3) return undefined;
  const generation = generationSuffixes.get(tokens[tokens.length - 1]!);
  if (generation !== undefined) ignoredWords.push(tokens.pop()!);
  return generation;
}
