/**
 * A name made ready for comparison: parsed once (per alias at index build, per query) with
 * everything the scorer needs precomputed, so comparing two prepared names allocates little.
 */
import {
  isDigits,
  japaneseReading,
  koreanNameKeys,
  koreanReading,
  vesselPrefixes,
  somaliReading,
  wadeGilesReadings,
  nameVariantGroup,
  orgAbbreviations,
  orgCommonWords,
  orgTypeGroup,
  parseName,
  phoneticKey,
  isJoinedInitials,
  splitJoinedInitials,
  weakNameWords,
  wordTable,
  type LegalForm,
  type NameKindHint,
  type NumberReading,
  type TypoReading,
} from '../normalize/index.js';
import { tokenIds } from './token-ids.js';

/** How a prepared name relates to the name it came from. */
export type NameAlternative =
  | 'name'
  | 'nickname'
  | 'alias'
  | 'Korean reading'
  | 'Japanese reading'
  | 'pinyin spelling'
  | 'Somali spelling'
  | 'initials written apart';

export type NameSchema = 'Person' | 'Organization' | 'Vessel' | 'Aircraft' | 'Unknown';

export interface PreparedName {
  original: string;
  schema: NameSchema;
  /** Normalised Latin tokens (lowercase, no accents, transliterated), titles and legal forms included. */
  tokens: string[];
  /** Tokens that carry identity (not legal forms / stopwords / particles) — the index keys on these. */
  keyTokens: string[];
  /** One phonetic key per keyToken (same order). */
  phonetic: string[];
  /** A small integer per keyToken (equal ids = equal tokens), for fast comparison and memoising; 0 = none. */
  tokenIds: Int32Array;
  /** NAME_ROLE per keyToken (0 unknown, 1 own given name, 2 father's name) where the name says so. */
  roles: number[];
  /** One weight per keyToken: common words and weak name parts weigh less. */
  weights: number[];
  /**
   * The key tokens whose weight the token-rarity table of the screened lists lowered
   * (`token-rarity.ts`), for the explanation; undefined when it lowered none.
   */
  rarityWords: string[] | undefined;
  /**
   * For a personal name that looks Korean, one romanisation-independent key per keyToken
   * (Chong ~ Jeong ~ Jung), else undefined.
   */
  koreanKeys: string[] | undefined;
  /** Given-name variant group per keyToken (0 = none), so José ~ Joseph costs little. */
  variantGroups: number[];
  /** keyToken is all digits (numbers must agree). */
  numeric: boolean[];
  /**
   * Per keyToken, the value of a Roman numeral that numbers a series of an organisation's or
   * vessel's name ("Fund III": 3), else 0; undefined when the name has none.
   */
  seriesNumbers: number[] | undefined;
  /** keyTokens joined without spaces, for joined/split-word comparison. */
  joined: string;
  /** All tokens (legal forms included) joined, for "SiemensAG" ~ "Siemens AG". */
  joinedAll: string;
  /** First letters of keyTokens, for acronyms ("CJNG"). */
  initials: string;
  legalForms: LegalForm[];
  titles: string[];
  droppedParticles: string[];
  /** Words read through a typo as a legal form, title, common word or country (explained). */
  typoReadings: TypoReading[];
  /**
   * Per keyToken, the word as written where it was read through a typo as a common word or a
   * country (CONSULTANY read as CONSULTING), else the keyToken; undefined when no key token was
   * read. The scorer compares the written word too, so a reading never loses a match the spelling
   * had: CONSULTANY against the list's CONSULTANCY is a dropped letter, not another word.
   */
  written: string[] | undefined;
  /** Legal-form words, titles and particles as written, taken out of the key tokens. */
  ignoredWords: string[];
  /** Control and bidi-override characters removed from the name as written (reported). */
  hiddenCharacters: string[];
  /** Numbers written in words, as ordinals or in Roman numerals, read as digits (explained). */
  numberReadings: NumberReading[];
  /** A personal name's generation suffix (jr, sr, ii, iii, iv), taken out of the key tokens. */
  generation: string | undefined;
  /**
   * Other forms the name is also compared as: quoted nicknames ('El Mencho') and, for names in Han
   * characters, their Korean and Japanese readings; each prepared as a name of its own.
   */
  nicknames: PreparedName[];
  /**
   * A personal name with initials written together ("JK Rowling"), compared also with them apart
   * ("J K Rowling"). Kept out of `nicknames`: its words are the name's own, so it opens no index key.
   */
  initialsApart: PreparedName | undefined;
  /** What this name is: the name itself, or a nickname or reading of another name. */
  alternative: NameAlternative;
  /**
   * Written in Han or Hangul (or read from such a name): its parts are the syllables of a short
   * East Asian name, so a part missing on one side is a real difference.
   */
  syllabic: boolean;
  /** Romanised from Arabic or Hebrew script: vowels are unreliable, compare consonants. */
  fromAbjad: boolean;
  transliterated: boolean;
  /**
   * The name in its own logographic script (Chinese/Japanese characters), compared instead of the
   * romanisation when both names are written that way: one different character is a different name.
   */
  native: PreparedName | undefined;
}

const schemaAliases = wordTable<NameSchema>({
  person: 'Person',
  individual: 'Person',
  organization: 'Organization',
  organisation: 'Organization',
  company: 'Organization',
  legalentity: 'Organization',
  business: 'Organization',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
});

/** Maps a FollowTheMoney / list schema name to the matcher's name schema. */
export function toNameSchema(schema: string | undefined): NameSchema {
  if (!schema) return 'Unknown';
  // Called per scored pair: the handful of schema spellings are normalised once each.
  let known = knownSchemas.get(schema);
  if (known === undefined) {
    known = schemaAliases[schema.toLowerCase().replace(/[^a-z]/g, '')] ?? 'Unknown';
    if (knownSchemas.size < 1000) knownSchemas.set(schema, known);
  }
  return known;
}

const knownSchemas = new Map<string, NameSchema>();

function kindHint(schema: NameSchema): NameKindHint {
  if (schema === 'Person') return 'person';
  if (schema === 'Unknown') return 'unknown';
  return 'organization';
}

/** Weight of an organisation token: generic business words identify little. */
const COMMON_ORG_WORD_WEIGHT = 0.35;
/** Weight of a single letter ("L & H"): initials identify less than words. */
const SINGLE_LETTER_WEIGHT = 0.5;
/** Weight of a very common personal-name part (Mohammed, Ali, Kim, Garcia). */
const WEAK_PERSON_WORD_WEIGHT = 0.55;

/**
 * Prepares a raw name for comparison.
 * @example prepareName('GUZMAN LOERA, Joaquin', 'Person').keyTokens // ['joaquin', 'guzman', 'loera']
 */
export function prepareName(raw: string, schema?: string): PreparedName {
  // A query over the limit is refused by the party scorer (MAX_NAME_LENGTH); only its start is
  // ever parsed, so a 10 MB field costs nothing on the way there.
  const bounded = raw.length > MAX_NAME_LENGTH ? raw.slice(0, MAX_NAME_LENGTH) : raw;
  // Every caller gets nicknames and readings in the name's own hidden class (`alternativeForm`).
  return prepareWithSchema(bounded, toNameSchema(schema), true);
}

/**
 * Longest name accepted for screening, in UTF-16 code units. The longest name on SDN, UN and
 * non-SDN is 324; a longer query field is refused with this limit in the reason.
 */
export const MAX_NAME_LENGTH = 1000;

/** Words whose phonetic key is remembered; the memo starts afresh when full. */
const MAX_REMEMBERED_KEYS = 50_000;
const phoneticKeys = new Map<string, string>();

/**
 * `phoneticKey` of a word, remembered: a customer file repeats its given names and surnames, and
 * the key (a pure function of the word) is built a letter at a time.
 */
function rememberedPhoneticKey(word: string): string {
  let key = phoneticKeys.get(word);
  if (key === undefined) {
    key = phoneticKey(word);
    if (phoneticKeys.size >= MAX_REMEMBERED_KEYS) phoneticKeys.clear();
    phoneticKeys.set(word, key);
  }
  return key;
}

function prepareWithSchema(raw: string, schema: NameSchema, withNicknames: boolean): PreparedName {
  let parsed = parseName(raw, kindHint(schema));
  let effective = schema;
  if (schema === 'Unknown' && parsed.legalForms.length > 0) {
    effective = 'Organization';
    parsed = parseName(raw, 'organization');
  }
  const org = effective === 'Organization' || effective === 'Vessel' || effective === 'Aircraft';
  const ascii = ASCII.test(raw);
  const keyTokens = effective === 'Vessel' ? dropVesselPrefix(parsed.keyTokens) : parsed.keyTokens;
  let seriesNumbers = parsed.seriesNumbers;
  if (keyTokens !== parsed.keyTokens) {
    parsed.roles.shift();
    seriesNumbers = seriesNumbers?.slice(1);
  }
  const weights = keyTokens.map((t) => tokenWeight(t, org));
  const name: PreparedName = {
    original: raw,
    schema: effective,
    tokens: parsed.tokens,
    keyTokens,
    phonetic: keyTokens.map(rememberedPhoneticKey),
    tokenIds: tokenIds(keyTokens),
    koreanKeys: effective === 'Person' || effective === 'Unknown' ? koreanNameKeys(keyTokens) : undefined,
    roles: parsed.roles,
    weights,
    rarityWords: undefined,
    variantGroups: keyTokens.map((t) => nameVariantGroup.get(t) ?? 0),
    numeric: keyTokens.map(isDigits),
    seriesNumbers,
    joined: keyTokens.join(''),
    joinedAll: parsed.tokens.join(''),
    initials: keyTokens.map((t) => t[0]).join(''),
    legalForms: parsed.legalForms,
    titles: parsed.titles,
    droppedParticles: parsed.droppedParticles,
    typoReadings: parsed.typoReadings,
    written: writtenForms(keyTokens, parsed.typoReadings),
    ignoredWords: parsed.ignoredWords,
    hiddenCharacters: parsed.hiddenCharacters,
    numberReadings: parsed.numberReadings,
    generation: parsed.generation,
    nicknames: withNicknames ? alternativesOf(raw, parsed, keyTokens, effective) : [],
    initialsApart: undefined,
    alternative: 'name',
    syllabic: !ascii && EAST_ASIAN.test(raw),
    fromAbjad: parsed.fromAbjad,
    transliterated: parsed.transliterated,
    native: !ascii && LOGOGRAPHIC.test(raw) ? nativeForm(raw, effective) : undefined,
  };
  // Romanised from Arabic or Hebrew script, words come without vowels (طه as TH): not initials.
  if ((effective === 'Person' || effective === 'Unknown') && !parsed.fromAbjad)
    name.initialsApart = withInitialsApart(name);
  return name;
}

/** The name with its joined initials written apart ("JK Rowling" as "J K Rowling"), if it has any. */
function withInitialsApart(name: PreparedName): PreparedName | undefined {
  const split = splitJoinedInitials(name.keyTokens);
  if (split === undefined) return undefined;
  // An initial has no known role; the other words keep theirs.
  // A packed array like every other name's roles (flatMap's is holey; see splitJoinedInitials).
  const roles: number[] = [];
  name.keyTokens.forEach((t, k) => {
    if (isJoinedInitials(t)) for (let i = 0; i < t.length; i++) roles.push(0);
    else roles.push(name.roles[k] ?? 0);
  });
  // Set on the new literal, which keeps its hidden class (a spread copy would get another).
  const apart = withKeyTokens(name, split, roles);
  apart.original = split.map((t) => t.toUpperCase()).join(' ');
  apart.alternative = 'initials written apart';
  return apart;
}

const LOGOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x00-\x7f]*$/;
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** Han/Kana names as written, split only at spaces and punctuation. */
function nativeForm(raw: string, schema: NameSchema): PreparedName {
  const keyTokens = raw
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  return {
    original: raw,
    schema,
    tokens: keyTokens,
    keyTokens,
    phonetic: keyTokens.map(() => ''),
    // Characters as written compare by their own rules: no ids, so they never share memo entries.
    tokenIds: new Int32Array(keyTokens.length),
    koreanKeys: undefined,
    roles: keyTokens.map(() => 0),
    weights: keyTokens.map(() => 1),
    rarityWords: undefined,
    variantGroups: keyTokens.map(() => 0),
    numeric: keyTokens.map(isDigits),
    seriesNumbers: undefined,
    joined: keyTokens.join(''),
    joinedAll: keyTokens.join(''),
    initials: keyTokens.map((t) => t[0]).join(''),
    legalForms: [],
    titles: [],
    droppedParticles: [],
    typoReadings: [],
    written: undefined,
    ignoredWords: [],
    hiddenCharacters: [],
    numberReadings: [],
    generation: undefined,
    nicknames: [],
    initialsApart: undefined,
    alternative: 'name',
    syllabic: false,
    fromAbjad: false,
    transliterated: false,
    native: undefined,
  };
}

/**
 * Nicknames, aliases written into the name ("a.k.a."), the Korean and Japanese readings of a personal name in Han characters, the pinyin
 * spelling of a Wade–Giles one, the usual romanisation of a name in the Somali alphabet.
 */
function alternativesOf(
  raw: string,
  parsed: { nicknames: string[]; aliases: string[] },
  keyTokens: string[],
  schema: NameSchema,
): PreparedName[] {
  const out: PreparedName[] = [];
  for (const n of parsed.nicknames) out.push(alternativeForm(n, schema, 'nickname'));
  for (const n of parsed.aliases) out.push(alternativeForm(n, schema, 'alias'));
  const person = schema === 'Person' || schema === 'Unknown';
  if (person && !ASCII.test(raw) && HAN.test(raw)) {
    const korean = koreanReading(raw);
    const japanese = japaneseReading(raw);
    if (korean !== undefined) out.push(alternativeForm(korean, schema, 'Korean reading', true));
    if (japanese !== undefined) out.push(alternativeForm(japanese, schema, 'Japanese reading', true));
  }
  if (person) {
    for (const pinyin of wadeGilesReadings(keyTokens))
      out.push(alternativeForm(pinyin.join(' '), schema, 'pinyin spelling'));
    const somali = somaliReading(keyTokens);
    if (somali) out.push(alternativeForm(somali.join(' '), schema, 'Somali spelling'));
  }
  return out;
}

/**
 * Another form of a name (a nickname, an alias, a reading) prepared as a name of its own and marked
 * as such on the object `prepareWithSchema` built: it keeps that object's hidden class, where a
 * spread copy would be another (see `inPreparedNameShape`).
 */
function alternativeForm(
  text: string,
  schema: NameSchema,
  alternative: NameAlternative,
  syllabic = false,
): PreparedName {
  const name = prepareWithSchema(text, schema, false);
  name.alternative = alternative;
  if (syllabic) name.syllabic = true;
  return name;
}

/**
 * The same name with different key tokens (split words merged), everything derived recomputed.
 * Written out as one literal in `prepareWithSchema`'s order, not as a spread copy: a copy of a name
 * gets a hidden class of its own (two: one for a query's, one for a list alias's), and the aligner
 * that meets the merged names would see four shapes instead of one and be deoptimised by each new one.
 */
export function withKeyTokens(name: PreparedName, keyTokens: string[], roles: number[]): PreparedName {
  const org = name.schema === 'Organization' || name.schema === 'Vessel' || name.schema === 'Aircraft';
  const series = name.seriesNumbers;
  return {
    original: name.original,
    schema: name.schema,
    tokens: name.tokens,
    keyTokens,
    phonetic: keyTokens.map(phoneticKey),
    tokenIds: tokenIds(keyTokens),
    koreanKeys: undefined,
    roles,
    // A word kept from the name keeps its weight (the rarity table's included); a merged word is new.
    weights: keyTokens.map((t) => {
      const k = name.keyTokens.indexOf(t);
      return k >= 0 ? name.weights[k]! : tokenWeight(t, org);
    }),
    rarityWords: name.rarityWords?.filter((t) => keyTokens.includes(t)),
    variantGroups: keyTokens.map((t) => nameVariantGroup.get(t) ?? 0),
    numeric: keyTokens.map(isDigits),
    // A Roman series numeral kept from the name keeps its value; merged words have none.
    seriesNumbers: series && keyTokens.map((t) => series[name.keyTokens.indexOf(t)] ?? 0),
    joined: keyTokens.join(''),
    joinedAll: name.joinedAll,
    initials: keyTokens.map((t) => t[0]).join(''),
    legalForms: name.legalForms,
    titles: name.titles,
    droppedParticles: name.droppedParticles,
    typoReadings: name.typoReadings,
    written: undefined,
    ignoredWords: name.ignoredWords,
    hiddenCharacters: name.hiddenCharacters,
    numberReadings: name.numberReadings,
    generation: name.generation,
    nicknames: [],
    initialsApart: undefined,
    alternative: name.alternative,
    syllabic: name.syllabic,
    fromAbjad: name.fromAbjad,
    transliterated: name.transliterated,
    native: undefined,
  };
}

/**
 * The written word of each key token read through a typo as a common word or country, or as an
 * abbreviation written out ("STTE" read as STE, Sainte: the other name's STATE is a dropped letter).
 */
function writtenForms(keyTokens: readonly string[], readings: readonly TypoReading[]): string[] | undefined {
  let out: string[] | undefined;
  for (const r of readings) {
    if (r.kind !== 'common word' && r.kind !== 'country' && r.kind !== 'abbreviation') continue;
    const k = keyTokens.indexOf(
      r.kind === 'abbreviation' ? (orgAbbreviations.get(r.read) ?? r.read) : r.read,
    );
    if (k < 0) continue;
    out ??= keyTokens.slice();
    out[k] = r.written;
  }
  return out;
}

/** "MV Hellenic Spirit" is the vessel "Hellenic Spirit": ship-type prefixes are not part of the name. */
function dropVesselPrefix(tokens: string[]): string[] {
  if (tokens.length < 2 || !vesselPrefixes.has(tokens[0]!)) return tokens;
  return tokens.slice(1);
}

function tokenWeight(token: string, org: boolean): number {
  if (org)
    return token.length === 1
      ? SINGLE_LETTER_WEIGHT
      : orgCommonWords.has(token) || orgTypeGroup.has(token)
        ? COMMON_ORG_WORD_WEIGHT
        : 1;
  if (token.length === 1) return 0.5;
  if (weakNameWords.has(token)) return WEAK_PERSON_WORD_WEIGHT;
  return 1;
}

/*
 * One hidden class for every prepared name the scorer reads. V8 gives an object the hidden class
 * of how it was built: `prepareName`'s object literal gives one; a copy made by spreading another
 * name (`{ ...name, alternative: 'nickname' }`, how the matcher makes nicknames and readings) gives
 * another; properties added one by one by keyed stores, past a dozen, give a dictionary. A scoring
 * function that meets several shapes runs slower, and each new shape met after it was optimised
 * deoptimises it — it is then optimised again, in every worker thread. On the 51,000-name batch
 * in one thread, re-optimising cost more compiler time than optimising once (1.8–2.0 s against
 * 1.1–1.4 s, V8's `--trace-opt`), and every deoptimisation is one more.
 */
/**
 * The same prepared name as one object literal with the properties in `prepareName`'s order (its
 * own hidden class), its nicknames and native form too; `ids` gives each name's token ids.
 * @example inPreparedNameShape(JSON.parse(record), (n) => tokenIds(n.keyTokens))
 */
export function inPreparedNameShape(
  name: PreparedName,
  ids: (name: PreparedName) => Int32Array = (n) => n.tokenIds,
): PreparedName {
  return {
    original: name.original,
    schema: name.schema,
    tokens: name.tokens,
    keyTokens: name.keyTokens,
    phonetic: name.phonetic,
    tokenIds: ids(name),
    koreanKeys: name.koreanKeys,
    roles: name.roles,
    weights: name.weights,
    rarityWords: name.rarityWords,
    variantGroups: name.variantGroups,
    numeric: name.numeric,
    seriesNumbers: name.seriesNumbers,
    joined: name.joined,
    joinedAll: name.joinedAll,
    initials: name.initials,
    legalForms: name.legalForms,
    titles: name.titles,
    droppedParticles: name.droppedParticles,
    typoReadings: name.typoReadings,
    written: name.written,
    ignoredWords: name.ignoredWords,
    hiddenCharacters: name.hiddenCharacters,
    numberReadings: name.numberReadings,
    generation: name.generation,
    nicknames: (name.nicknames ?? []).map((n) => inPreparedNameShape(n, ids)),
    initialsApart: name.initialsApart ? inPreparedNameShape(name.initialsApart, ids) : undefined,
    alternative: name.alternative,
    syllabic: name.syllabic,
    fromAbjad: name.fromAbjad,
    transliterated: name.transliterated,
    native: name.native ? inPreparedNameShape(name.native, ids) : undefined,
  };
}
