/**
 * The weights of the name scorer in one place, each with the reason it has its value. Changing any
 * of them changes scores: bump MATCHER_VERSION.
 */

/** A token pair at or above this similarity is the same name part (typo, variant, initial). */
export const SAME_PART_SIMILARITY = 0.7;

/**
 * Share of an unpaired token's weight that counts against the score. People: a missing middle
 * name or maternal surname ("Joaquin Guzman" vs "GUZMAN LOERA, Joaquin") costs little.
 * Organisations: an extra distinctive word ("Banco Santander Chile") says more. Names written in
 * Han or Hangul are a surname and one or two given-name syllables: a missing part is a missing
 * surname or half the given name, so it counts fully (two of three syllables stay below the
 * threshold: 김정은 is not "Kim Jong").
 */
export const EXTRA_PART_SHARE = { person: 0.2, syllabic: 1, organization: 0.55, thinPerson: 0.5 } as const;

/**
 * A missing part costs little only when the parts that agree identify the person on their own:
 * two distinctive words ("Joaquin" and "Guzman"), not one surname plus a very common name
 * (Mohammed, Ali, Ahmad) or an initial. Below this much agreeing weight (full words, initials
 * left out) a missing part costs EXTRA_PART_SHARE.thinPerson: "Innocent Kaina" is not "Kaina",
 * "Hasan Ahmed Adnan" is not "Hasan Saburinezhad".
 */
export const SOLID_AGREEMENT_WEIGHT = 2;

/**
 * A country or region word on one side of an organisation's name ("SBERBANK OF RUSSIA" against
 * "SBERBANK", "GARANTEX EUROPE") weighs at most this when it is missing, as a common business word
 * does: lists and customers write the jurisdiction or leave it out. Only when a word of at least
 * DISTINCTIVE_WORD_WEIGHT agrees: between generic names ("NATIONAL BANK" against "NATIONAL BANK
 * OF EGYPT") the country is what tells them apart. Two different countries in one place still
 * conflict ("BANK OF CHINA" against "BANK OF INDIA").
 */
export const JURISDICTION_WEIGHT = 0.35;
export const DISTINCTIVE_WORD_WEIGHT = 0.9;

/**
 * A one-word organisation, vessel or aircraft name ("MARIA") met by one word of a longer personal
 * query ("Maria Lopez", screened as a person's name or with no schema): the query's other words are
 * the rest of a person's name, which the one-word name does not have, so they count fully, as a
 * missing syllable does (a vessel MARIA is not Maria Lopez). The organisation's share would let a
 * common given name alone carry the score. A vessel named after the person ("MARIA LOPEZ") still
 * meets the query word for word.
 */
export const ONE_WORD_NAME_EXTRA_SHARE = 1;

/**
 * Whether `query` reads as a person's name of several words against the one-word name `candidate`
 * of an organisation, vessel or aircraft: a Person query, or one with no schema, no legal form and
 * a known given name among its words.
 */
export function personalQueryOverOneWord(
  query: {
    schema: string;
    keyTokens: readonly string[];
    legalForms: readonly unknown[];
    variantGroups: readonly number[];
  },
  candidate: { keyTokens: readonly string[] },
): boolean {
  if (candidate.keyTokens.length !== 1 || query.keyTokens.length < 2) return false;
  if (query.schema === 'Person') return true;
  return (
    query.schema === 'Unknown' && query.legalForms.length === 0 && query.variantGroups.some((g) => g !== 0)
  );
}

/**
 * Share of an unpaired part's weight that counts against the score, given the weight of the
 * agreeing full words (`solid`).
 */
export function missingPartShare(org: boolean, syllabic: boolean, solid: number): number {
  if (org) return EXTRA_PART_SHARE.organization;
  if (syllabic) return EXTRA_PART_SHARE.syllabic;
  return solid < SOLID_AGREEMENT_WEIGHT ? EXTRA_PART_SHARE.thinPerson : EXTRA_PART_SHARE.person;
}

/**
 * Initials alone do not identify anyone: when every agreeing part involves an initial ("H. A."
 * against "Houthi Abdulmalik"), the score is multiplied by this, as for a conflicting part.
 */
export const INITIALS_ONLY_FACTOR = 0.75;

/**
 * Multiplier per conflicting part (a part on each side that pairs with nothing alike):
 * "Daniel Tusk" vs "Donald Tusk" is another person even though half the name agrees.
 */
export const CONFLICT_FACTOR = { person: 0.75, organization: 0.85 } as const;

/**
 * Weight of an aligned pair: the mean of its tokens' weights, except that two different words in
 * one place of an organisation name weigh fully even when both are common words. A missing
 * "Trust" says little; "Trust" against "Bank" says another company.
 */
export function pairWeight(
  queryWeight: number,
  candidateWeight: number,
  same: boolean,
  org: boolean,
): number {
  return same || !org ? (queryWeight + candidateWeight) / 2 : 1;
}

/** Legal forms from different families (AG vs GmbH) suggest different companies; same family less so. */
export const LEGAL_FORM_FAMILY_FACTOR = 0.8;
export const LEGAL_FORM_VARIANT_FACTOR = 0.96;

/** Numbers in organisation names must agree ("Brigade 44" vs "Brigade 45"). */
export const NUMBER_CONFLICT_FACTOR = 0.6;
export const NUMBER_EXTRA_FACTOR = 0.85;

/** An acronym against the initials of the full name ("CJNG" ~ "Cartel de Jalisco Nueva Generacion"). */
export const ACRONYM_SCORE = 0.9;
/** An acronym of leading syllables ("KOMID" ~ "Korea Mining Development"): the split is free, so less. */
export const SYLLABLE_ACRONYM_SCORE = 0.8;

/**
 * A part that is only alike (a typo, a different ending) is worth less than its similarity says:
 * below FULL_VALUE_SIMILARITY each point of similarity lost costs (1 + VALUE_CURVE) points, so
 * "Keir Starmer"/"Keir Starkey" stays close to the threshold while one exact part plus one loosely
 * similar part does not reach it.
 */
export const FULL_VALUE_SIMILARITY = 0.9;
export const VALUE_CURVE = 1;

/** Joined/split-word comparison ("AlisherUsmanov" ~ "Alisher Usmanov") allows this many edits. */
export const JOINED_MAX_EDITS = 1.5;
/** Split words merged before alignment ("Patr ushev" ~ "Patrushev") must be at least this alike. */
export const MERGE_MIN_SIMILARITY = 0.85;
/** Small discount so an exact token match ranks above a joined one. */
export const JOINED_DISCOUNT = 0.02;

/**
 * A word on one side that is one slip from a legal-form word, title or particle the other side
 * took out ("EXIAR OJS" against "EXIAR OJSC", "LC NGF" against "LLC NGF") is that word mistyped:
 * it costs this factor instead of counting as a distinctive extra word, so the exact spelling
 * still ranks first.
 */
export const IGNORED_WORD_SLIP_FACTOR = 0.98;

/**
 * A code written as a name — a tail number ("RA-65986"), a short code with a number ("MS-13"),
 * letters in short groups ("EP-MMC") — is one identifier whatever its hyphens: one letter dropped,
 * added or two swapped in it anywhere ("A-65986", "E-MMC") is a slip of the whole code, scored
 * like a slip of a word less the joined discount. A replaced letter or digit is another code
 * (EP-MMC is not EP-MMJ), and so is a letter added at the end (EP-MH is not EP-MHL).
 */
export const CODE_SLIP_SCORE = 0.88;
/** A code's groups are at most this long (letters); longer words make a name, not a code. */
export const CODE_GROUP_LETTERS = 3;

/**
 * Two personal names that carry different generation suffixes ("Jr." against "Sr.", "II" against
 * "III") are a father and a son, or two generations, who share every other name part: the score is
 * multiplied by this, which takes even identical names below the threshold. A suffix on one side
 * only costs nothing (lists and customers drop it as often as they write it).
 */
export const GENERATION_CONFLICT_FACTOR = 0.6;

/** True when both names carry a generation suffix and the suffixes differ. */
export function generationsDiffer(
  q: { generation: string | undefined },
  c: { generation: string | undefined },
): boolean {
  return q.generation !== undefined && c.generation !== undefined && q.generation !== c.generation;
}
