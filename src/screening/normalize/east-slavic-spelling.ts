/**
 * Belarusian and Ukrainian romanisations of East Slavic surnames rewritten the Russian way, so the
 * two forms lists and customer files give one person can be compared as spellings: Belarusian
 * writes the -ov, -ev and -ovsky of a Russian surname with its short U (ў) as -au, -ou, -eu,
 * -ouski (Volkau ~ Volkov, Hrachou ~ Grachov, Karayeu ~ Karayev, Tsikhanouski ~ Tikhanovsky) and
 * inside the word (Paulichenka ~ Pavlichenko; -enka for -enko), and both languages say H where
 * Russian says G (Hrytsenko ~ Gritsenko, Hasanau ~ Gasanov) — Russian also writes the H of Turkic
 * and Arabic names as G (Huseynov ~ Guseynov). The H is read as G only in a word with an East Slavic
 * surname ending, so Hill is not Gill.
 */

/** Endings of East Slavic surnames and patronymics, Russian, Ukrainian or Belarusian written. */
const EAST_SLAVIC_END =
  /(?:[aeo]v|[aeo]va|[aeo]u|enk[oa]|[uy]k|(?:ou|ov|ev|iv)sk(?:i|iy|yi|y|aya|a)|[aeo]vi?ch|[oe]vych|[ae]vna|[ae]una)$/;
/** An H that is a letter of its own, not part of KH, ZH, SH, CH (TSH) or a doubled consonant. */
const LONE_H = /(?<![kzsctgdh])h/g;

/**
 * The Russian-style spelling of a Belarusian- or Ukrainian-romanised surname, or the token itself.
 * @example russianSpelling('volkau') // 'volkov'
 * @example russianSpelling('hrytsenko') // 'grytsenko'
 */
export function russianSpelling(token: string): string {
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
