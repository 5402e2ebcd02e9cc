/**
 * Somali names in the Somali Latin alphabet (official since 1972: "Xasan Cabdilaahi", "Maxamed
 * Cali", "Faarax Cismaan") read as the Arabic-name romanisations other lists write ("Hasan
 * Abdilahi", "Mahamed Ali", "Farah Isman"): the alphabet writes ح as X, the ʿayn ع as C, and long
 * vowels doubled. The same person is listed both ways (UN and national lists), and the letters are
 * several edits apart in a short word (Xasan ~ Hassan, Jaamac ~ Jama), too far for a typo.
 */

/**
 * A word that shows the Somali X: an X beside a vowel in a word of four letters or more, but not
 * where European names write X for KS (after E or I: Alexander, Dexter, Felix, Calixto; before I or
 * E: Maxim, Axel, Xenia), nor the Albanian XH (Haxhi), nor pinyin's X, which is always before I or
 * U and ends a syllable in a vowel or N there (Xuan, Xue, Xun, Chuanxu).
 */
const SOMALI_X = /(?<![ei])x(?![ieh]|u[aen]|u$)/;
const BESIDE_VOWEL = /[aeiou]x|x[aeiou]/;
const PINYIN_X_SYLLABLE = /^x(?:i|u)[aeiou]{0,2}(?:n|ng)?$/;

/**
 * A word that shows the Somali C (ʿayn), where no European spelling has C: "Abd-" written CABD
 * (Cabdi, Cabdullaahi), or a C in a word with a long vowel written double (Cismaan, Ciise, Jaamac;
 * not Isaac, whose C ends the double vowel, nor CH or CK). A C alone is the C of Carlos, Clara and
 * Petrovic too: read in a name that shows Somali spelling, it does not show it.
 */
const SOMALI_C = /^cabd|c(?![hk])[a-z]*([aiu])\1|([aiu])\2[a-z]+c(?![hk])/;

function showsSomaliSpelling(token: string): boolean {
  if (SOMALI_C.test(token)) return true;
  return (
    token.length >= 4 && SOMALI_X.test(token) && BESIDE_VOWEL.test(token) && !PINYIN_X_SYLLABLE.test(token)
  );
}

/**
 * One word in the usual romanisation: X as H, C as the ʿayn it writes (dropped: Cali ~ Ali,
 * Jaamac ~ Jama; CH does not occur in Somali and is left), and a doubled vowel as one.
 * @example somaliWord('cabdilaahi') // 'abdilahi'
 */
export function somaliWord(token: string): string {
  return token
    .replace(/x/g, 'h')
    .replace(/c(?!h)/g, '')
    .replace(/([aeiou])\1/g, '$1');
}

/**
 * The name's words read from the Somali alphabet when one of them shows it (see
 * `showsSomaliSpelling`), else undefined; every word is read, since the name is written in one
 * alphabet (Xasan Cali: the C of Cali is ʿayn too).
 * @example somaliReading(['xasan', 'cabdilaahi']) // ['hasan', 'abdilahi']
 * @example somaliReading(['carlos', 'lopez']) // undefined
 */
export function somaliReading(tokens: readonly string[]): string[] | undefined {
  if (!tokens.some(showsSomaliSpelling)) return undefined;
  const read = tokens.map((t) => (t.length > 1 ? somaliWord(t) : t));
  // A word that reads as nothing or a lone letter (C, Cc) was no Somali word: leave it.
  for (let k = 0; k < read.length; k++)
    if (read[k]!.length < 2 && tokens[k]!.length > 1) read[k] = tokens[k]!;
  return read.join(' ') === tokens.join(' ') ? undefined : read;
}
