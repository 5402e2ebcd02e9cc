/**
 * Words of organisation names read as the vocabulary word they stand for: abbreviations written
 * out (INTL → international) and common words or countries read through a typo (SHIPPNG →
 * shipping), so they weigh as the common word and meet it in the index.
 */
import { orgAbbreviations, orgCommonWords } from './org-common-words.js';
import { abbreviationThroughDoubling, readThroughTypo, type TypoReading } from './typo-vocabulary.js';

/** An abbreviation written out ("intl" → international), also with a letter doubled ("inttl"). */
export function writtenOut(token: string, readings: TypoReading[]): string {
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
export function readCommonWords(tokens: string[], readings: TypoReading[]): string[] {
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
