/**
 * Belarusian and Ukrainian romanisations of East Slavic surnames rewritten the Russian way, so the
 * two forms lists and customer files give one person can be compared as spellings: Belarusian
 * writes the -ov, -ev and -ovsky of a Russian surname with its short U (ў) as -au, -ou, -eu,
 * -ouski (Volkau ~ Volkov, Hrachou ~ Grachov, Karayeu ~ Karayev, Tsikhanouski ~ Tikhanovsky) and
 * inside the word (Paulichenka ~ Pavlichenko; -enka for -enko), and both languages say H where
 * Russian says G (Hrytsenko ~ Gritsenko, Hasanau ~ Gasanov) — Russian also writes the H of Turkic
 * and Arabic names as G (Huseynov ~ Guseynov). The H is read as G only in a word with an East Slavic
 * surname ending, so Hill is not Gill. The Latvian and Lithuanian nominative endings on such names
 * are taken off (Ivanovs, Petrovas ~ Ivanov, Petrov).
 */
import { englishSpelling } from './german-polish-spelling.js';
import { eastSlavicGivenNames } from './east-slavic-given-names.js';
import { nameVariantGroup } from './name-variants.js';

/** Endings of East Slavic surnames and patronymics, Russian, Ukrainian or Belarusian written. */
const EAST_SLAVIC_END =
  /(?:[aeo]v|[aeo]va|[aeo]u|enk[oa]|[uy]k|(?:ou|ov|ev|iv)sk(?:i|iy|yi|y|aya|a)|[aeo]vi?ch|[oe]vych|[ae]vna|[ae]una)$/;
/**
 * The nominative endings Latvian and Lithuanian put on names, foreign ones included: Latvian -s
 * (Ivanovs, Kuzmins, Sergejs, Deniss), Lithuanian -as, -is, -us, -ys (Petrovas, Igoris, Sergejus).
 * Lists write a person from Riga or Vilnius with them, Russian-language records without.
 */
const BALTIC_ENDINGS = ['as', 'is', 'us', 'ys', 's'] as const;
/**
 * The variant groups of East Slavic given names (Igor, Oleg, Aleksandr and their other forms): a
 * Baltic ending is taken off those only, so Williams stays a surname of its own.
 */
const slavicGivenNameGroups: ReadonlySet<number> = new Set(
  eastSlavicGivenNames.map((row) => nameVariantGroup.get(row[0]!) ?? 0).filter((g) => g !== 0),
);
/** Russian surname and given-name endings a Baltic ending is put on (Putin-s, Sergej-s, Navalnij-s). */
const SLAVIC_BASE_END = /(?:[iy]n|[eiay]j)$/;

/**
 * The word without a Latvian or Lithuanian nominative ending, when what is left is an East Slavic
 * surname (an -ov, -ev, -in or -enko ending) or an East Slavic given name (Sergej, Aleksandr,
 * Igor; Pyotr's group, so Peteris ~ Peter): Ivanovas ~ Ivanov, Sergejs ~ Sergej. Other words keep
 * their -s (Douglas, Torres, Williams).
 * @example withoutBalticEnding('ivanovas') // 'ivanov'
 * @example withoutBalticEnding('sergejs') // 'sergej'
 */
export function withoutBalticEnding(token: string): string {
  if (token.length < 5 || token[token.length - 1] !== 's') return token;
  for (const end of BALTIC_ENDINGS) {
    if (!token.endsWith(end)) continue;
    const base = token.slice(0, token.length - end.length);
    if (
      base.length >= 3 &&
      (EAST_SLAVIC_END.test(base) ||
        SLAVIC_BASE_END.test(base) ||
        slavicGivenNameGroups.has(nameVariantGroup.get(base) ?? 0) ||
        slavicGivenNameGroups.has(nameVariantGroup.get(englishSpelling(base)) ?? 0))
    )
      return base;
  }
  return token;
}

/** An H that is a letter of its own, not part of KH, ZH, SH, CH (TSH) or a doubled consonant. */
const LONE_H = /(?<![kzsctgdh])h/g;

/**
 * The Russian-style spelling of a Belarusian- or Ukrainian-romanised surname, or the token itself
 * (without a Latvian or Lithuanian ending, see `withoutBalticEnding`).
 * @example russianSpelling('volkau') // 'volkov'
 * @example russianSpelling('petrovas') // 'petrov'
 * @example russianSpelling('hrytsenko') // 'grytsenko'
 */
export function russianSpelling(written: string): string {
  const token = withoutBalticEnding(written);
  if (!EAST_SLAVIC_END.test(token)) return token;
  return (
    token
      .replace(LONE_H, 'g')
      .replace(/([^aeiou])[ao]u$/, '$1ov')
      .replace(/eu$/, 'ev')
      .replace(/ou(?=sk)/, 'ov')
      .replace(/avich$/, 'ovich')
      .replace(/auna$/, 'ovna')
      // Belarusian -enka is the -enko of Ukrainian and Russian spellings (Lukashenka ~ Lukashenko),
      // and its short U after a vowel inside the word is the V of Russian (Paulichenka ~ Pavlichenko).
      .replace(/enka$/, 'enko')
      .replace(/([aeo])u(?=[bdfgklmnprstvz])/g, '$1v')
  );
}
