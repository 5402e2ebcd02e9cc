/** Name normalisation: romanisation, legal forms, titles, particles, phonetic keys — the text side of screening. */
export { parseName, type ParsedName } from './name-parser.js';
export { NAME_ROLE } from './name-roles.js';
export type { NameKindHint } from './name-kind.js';
export { romanize, type RomanizedText } from './romanize.js';
export { phoneticKey } from './phonetic-key.js';
export { consonantSkeleton } from './consonant-skeleton.js';
export { legalFormPhrases, type LegalForm, type LegalFormFamily } from './legal-forms.js';
export { orgAbbreviations, orgCommonWords, orgStopwords, vesselPrefixes } from './org-common-words.js';
export { orgTypeGroup } from './org-type-words.js';
export {
  personParticles,
  personTitles,
  arabicParticles,
  filiationWords,
  weakNameWords,
} from './person-name-words.js';
export { nameVariantGroup } from './name-variants.js';
export { isJoinedInitials, splitJoinedInitials } from './joined-initials.js';
export { wordTable } from './word-table.js';
export { jurisdictionWords } from './country-words.js';
export {
  isDigits,
  numberWordsToDigits,
  ordinalValue,
  romanSeriesNumbers,
  type NumberReading,
} from './number-words.js';
export { japaneseReading, koreanReading } from './han-readings.js';
export { koreanNameKeys, koreanSyllableKey } from './korean-name-key.js';
export { wadeGilesReadings, wadeGilesToPinyin } from './wade-giles.js';
export { somaliReading, somaliWord } from './somali-spelling.js';
export { abdDivineNames } from './abd-divine-names.js';
export { abdNameAcross, abdNameWithSlip, abdNameWrittenBefore } from './arabic-abd-names.js';
export { englishSpelling } from './german-polish-spelling.js';
export { russianSpelling } from './east-slavic-spelling.js';
export { compoundStems, joinArabicCompounds } from './arabic-compound-names.js';
export { arabicLetterSpelling, soundSpelling, throughOtherLanguages } from './sound-spelling.js';
export {
  isSlipOf,
  readThroughTypo,
  shortLegalFormThroughDoubling,
  typoDistance,
  type TypoReading,
  type VocabularyKind,
} from './typo-vocabulary.js';
export { describeCharacter, removeHiddenCharacters, type CleanedText } from './hidden-characters.js';
