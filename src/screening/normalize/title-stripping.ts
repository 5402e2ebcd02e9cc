/**
 * Titles taken from the front of a personal name ("Sheikh", "Mullah", "Dr"), also when mistyped
 * ("Shikh"): a title identifies no one, and a typo in it must not make it a name part.
 */
import { personTitles } from './person-name-words.js';
import { readThroughTypo, type TypoReading } from './typo-vocabulary.js';

/**
 * Titles that are given names too (Sayed Ahmad, Imam Samudra, Don King): before a single word they
 * are the name's given name, or "Sayed Khan" would be "Khan" and meet every Khan at 1.0; before
 * two words or more they are taken as titles, and a missing one costs little anyway.
 */
const titlesThatAreGivenNames: ReadonlySet<string> = new Set([
  'sayed',
  'sayyed',
  'sayyid',
  'seyed',
  'seyyed',
  'imam',
  'don',
]);

/**
 * Removes the leading titles of `tokens` (in place) and returns them; the words taken out are
 * added to `ignoredWords`, a title read through a typo also to `typoReadings`.
 * @example stripTitles(['sheikh', 'fayaz', 'khan'], [], []) // ['sheikh'], tokens now ['fayaz', 'khan']
 */
export function stripTitles(tokens: string[], typoReadings: TypoReading[], ignoredWords: string[]): string[] {
  const titles: string[] = [];
  for (;;) {
    const two = tokens.length > 2 ? `${tokens[0]} ${tokens[1]}` : '';
    const reading = tokens.length > 1 ? readThroughTypo(tokens[0]!) : undefined;
    if (two && personTitles.has(two)) titles.push(...tokens.splice(0, 2));
    else if (
      tokens.length > 1 &&
      personTitles.has(tokens[0]!) &&
      !(tokens.length === 2 && titlesThatAreGivenNames.has(tokens[0]!))
    )
      titles.push(...tokens.splice(0, 1));
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
  return titles;
}
