/**
 * Titles taken from the front of a personal name ("Sheikh", "Mullah", "Dr"), also when mistyped
 * ("Shikh"): a title identifies no one, and a typo in it must not make it a name part.
 */
import { personTitles } from './person-name-words.js';
import { readThroughTypo, type TypoReading } from './typo-vocabulary.js';

/**
 * Titles that are given names too (Amir Khan, Sayed Ahmad, Imam Samudra, Don King): in a name of
 * two words they are its given name, or "Amir Khan" would be "Khan" and meet every Khan at 1.0
 * ("KOSARIAN, Amir" is Amir Kosarian); in longer names they are taken as titles, and against a
 * name that kept one as its given name the title read there costs almost nothing.
 */
const titlesThatAreGivenNames: ReadonlySet<string> = new Set([
  'amir',
  'emir',
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
  // Counted before any title is taken: "Amir Sayyid Abdullah" is two titles and a name.
  const words = tokens.length;
  for (;;) {
    const two = tokens.length > 2 ? `${tokens[0]} ${tokens[1]}` : '';
    const reading = tokens.length > 1 ? readThroughTypo(tokens[0]!) : undefined;
    if (two && personTitles.has(two)) titles.push(...tokens.splice(0, 2));
    else if (
      tokens.length > 1 &&
      personTitles.has(tokens[0]!) &&
      !(words === 2 && titlesThatAreGivenNames.has(tokens[0]!))
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
