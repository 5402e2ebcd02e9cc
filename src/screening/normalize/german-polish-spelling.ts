/**
 * German and Polish romanisations of Slavic names (Janukowytsch, Chruschtschow, Iwanow, Sergej, Miedwiediew)
 * rewritten the English way (Yanukovych, Khrushchev, Ivanov, Sergey), so two romanisations of one
 * Cyrillic name can be compared as spellings; likewise the DZH / DSCH / DJ that other systems
 * write for the English J (Dzhokhar, Djokhar ~ Jokhar), and the French OU, TCH and GUE for U, CH
 * and GE (Doudaev ~ Dudaev, Guennadi Timtchenko ~ Gennady Timchenko), and the X that Uzbek and
 * Azerbaijani Latin write for KH (Axmat ~ Akhmat), and the TJ of Indonesian names in the spelling
 * before 1972 (Tjandra ~ Chandra).
 */

const MARKERS = /w|j|x|sch|sz|cz|dzh|ou|tch|gu[ei]/;

/**
 * The English-style spelling of a German- or Polish-romanised token, or the token itself.
 * @example englishSpelling('chruschtschow') // 'khrushchov'
 */
export function englishSpelling(token: string): string {
  if (!MARKERS.test(token)) return token;
  let spelled = cache.get(token);
  if (spelled === undefined) {
    // Screening meets the same tokens again and again: remember (bounded) what they become.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    spelled = rewrite(token);
    cache.set(token, spelled);
  }
  return spelled;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

function rewrite(token: string): string {
  return (
    token
      .replace(/tsch/g, 'ch')
      .replace(/szcz/g, 'shch')
      .replace(/sch/g, 'sh')
      .replace(/sz/g, 'sh')
      .replace(/cz/g, 'ch')
      // The English J of Russian, Chechen and Turkic names: DZH (Dzhokhar, Redzhep), German DSCH,
      // French DJ at the start (Djokhar).
      .replace(/d[zs]h/g, 'j')
      .replace(/^dj/, 'j')
      // The Dutch-based Indonesian spelling before 1972 wrote C (the English CH) as TJ: Tjandra ~
      // Candra ~ Chandra, Tjokro ~ Cokro.
      .replace(/tj/g, 'ch')
      // French OU for the English U (Doudaev, Moustafa, Oussama), TCH for CH (Timtchenko) and GUE,
      // GUI for a hard G (Guennadi).
      .replace(/ou/g, 'u')
      .replace(/tch/g, 'ch')
      .replace(/gu(?=[ei])/g, 'g')
      .replace(/w/g, 'v')
      // Polish writes the Russian E after a consonant as IE (Miedwiediew, Siergiej ~ Medvedev, Sergey).
      .replace(/([bcdfgklmnprstvz])ie/g, '$1e')
      .replace(/([aeiou])j/g, '$1y')
      .replace(/^ch(?=[rl])/, 'kh')
      // Uzbek and Azerbaijani Latin (and the Kazakh Latin alphabet) write KH as X (Axmat ~ Akhmat,
      // Xolmatov ~ Kholmatov); between vowels an X is the KS of Maxim and Alexei.
      .replace(/^x|x(?![aeiouy])/g, 'kh')
  );
}
