/**
 * One key for the many Latin spellings of a Korean name syllable. McCune–Reischauer (lists:
 * "Chong", "Kim Chol"), Revised Romanization ("Jeong", "Cheol") and customary spellings ("Jung",
 * "Lee", "Park") write the same sound differently: aspiration and voicing (ch/j, k/g, p/b, t/d)
 * and the vowels eo/o/u are not told apart consistently, so the key drops those distinctions.
 * Only names that look Korean (a common Korean surname first or last, every part made of
 * romanised Korean syllables) get keys, so the loose comparison stays out of other names.
 */

import { wordTable } from './word-table.js';

/** Latin spellings of the commonest Korean surnames (general knowledge, all romanisations). */
const koreanSurnames: ReadonlySet<string> = new Set([
  'kim',
  'gim',
  'lee',
  'yi',
  'ri',
  'rhee',
  'i',
  'park',
  'pak',
  'bak',
  'choi',
  'choe',
  'chwe',
  'jung',
  'jeong',
  'chung',
  'chong',
  'jong',
  'kang',
  'gang',
  'cho',
  'jo',
  'yoon',
  'yun',
  'jang',
  'chang',
  'lim',
  'im',
  'rim',
  'han',
  'oh',
  'o',
  'seo',
  'so',
  'suh',
  'shin',
  'sin',
  'kwon',
  'gwon',
  'hwang',
  'ahn',
  'an',
  'song',
  'ryu',
  'yu',
  'yoo',
  'jeon',
  'jon',
  'chon',
  'chun',
  'hong',
  'ko',
  'go',
  'koh',
  'moon',
  'mun',
  'yang',
  'ryang',
  'son',
  'sohn',
  'bae',
  'pae',
  'baek',
  'paek',
  'heo',
  'ho',
  'hur',
  'nam',
  'shim',
  'sim',
  'noh',
  'no',
  'roh',
  'ro',
  'ha',
  'kwak',
  'gwak',
  'sung',
  'seong',
  'cha',
  'joo',
  'ju',
  'chu',
  'woo',
  'u',
  'koo',
  'ku',
  'gu',
  'min',
  'jin',
  'chin',
  'na',
  'ra',
  'ji',
  'chi',
  'eom',
  'om',
  'won',
  'cheon',
  'bang',
  'pang',
  'kong',
  'gong',
  'hyun',
  'hyon',
  'ham',
  'byun',
  'pyon',
  'byeon',
  'yeom',
  'yom',
  'yeo',
  'yo',
  'choo',
  'do',
  'to',
  'tak',
  'ok',
]);

const SYLLABLE =
  /(kk|tt|pp|ss|jj|ch|sh|g|k|n|d|t|r|l|m|b|p|s|j|h|c)?(yae|yeo|you|wae|weo|eui|ae|ai|ya|eo|ye|wa|oe|oi|yo|wo|we|wi|yu|eu|ui|oo|ou|ee|a|e|o|u|i)(ng|k|g|n|t|d|l|r|m|p|b)?/y;

const INITIAL: Record<string, string> = {
  kk: 'g',
  k: 'g',
  g: 'g',
  tt: 'd',
  t: 'd',
  d: 'd',
  pp: 'b',
  p: 'b',
  b: 'b',
  ss: 's',
  s: 's',
  sh: 's',
  jj: 'j',
  j: 'j',
  ch: 'j',
  c: 'j',
  r: 'l',
  l: 'l',
  n: 'n',
  m: 'm',
  h: 'h',
};
const VOWEL: Record<string, string> = {
  you: 'yo',
  a: 'a',
  ae: 'e',
  ai: 'e',
  e: 'e',
  ya: 'ya',
  yae: 'ye',
  ye: 'ye',
  o: 'o',
  u: 'o',
  eo: 'o',
  eu: 'o',
  oo: 'o',
  ou: 'o',
  yo: 'yo',
  yu: 'yo',
  yeo: 'yo',
  wa: 'wa',
  wae: 'we',
  oe: 'we',
  oi: 'we',
  we: 'we',
  wo: 'wo',
  weo: 'wo',
  wi: 'wi',
  ui: 'i',
  eui: 'i',
  i: 'i',
  ee: 'i',
};
const FINAL: Record<string, string> = {
  k: 'k',
  g: 'k',
  t: 't',
  d: 't',
  p: 'p',
  b: 'p',
  l: 'l',
  r: 'l',
  n: 'n',
  m: 'm',
  ng: 'ng',
};
/** Surname spellings that no syllable rule reaches (이 as Lee/Yi/Ri, 박 as Park). */
const SURNAME_KEY = wordTable<string>({
  lee: 'i',
  yi: 'i',
  ri: 'i',
  rhee: 'i',
  i: 'i',
  park: 'bak',
  pak: 'bak',
  bak: 'bak',
  rim: 'im',
  lim: 'im',
  im: 'im',
  ryu: 'yo',
  yu: 'yo',
  yoo: 'yo',
  roh: 'no',
  ro: 'no',
  noh: 'no',
  no: 'no',
  ryang: 'yang',
  hur: 'ho',
  sohn: 'son',
  suh: 'so',
  koh: 'go',
});

/** Key of one token read as up to `maxSyllables` Korean syllables, or undefined when it cannot be. */
export function koreanSyllableKey(token: string, maxSyllables = 1): string | undefined {
  const surname = SURNAME_KEY[token];
  if (surname !== undefined) return surname;
  let key = '';
  let at = 0;
  let syllables = 0;
  while (at < token.length) {
    if (++syllables > maxSyllables) return undefined;
    SYLLABLE.lastIndex = at;
    const m = SYLLABLE.exec(token);
    if (!m) return undefined;
    let [whole, initial = '', vowel = '', final = ''] = m;
    // A final consonant followed by a vowel starts the next syllable instead ("hyonam" is
    // hyo-nam); ng never starts a syllable ("jongun" is jong-un).
    const rest = at + whole.length;
    if (final !== '' && final !== 'ng' && rest < token.length && /[aeiouwy]/.test(token[rest]!)) {
      whole = whole.slice(0, whole.length - final.length);
      final = '';
    }
    key += (INITIAL[initial] ?? '') + (VOWEL[vowel] ?? vowel) + (FINAL[final] ?? '');
    at += whole.length;
  }
  return key;
}

/**
 * Keys for a personal name's tokens when the name looks Korean — three one-syllable parts, a
 * common Korean surname first or last ("Kim Jong Un", "Choe Ryong-hae") — else undefined.
 * @example koreanNameKeys(['kim', 'jong', 'un']) // ['gim', 'jong', 'on']
 */
export function koreanNameKeys(tokens: readonly string[]): string[] | undefined {
  if (tokens.length !== 3) return undefined;
  if (!koreanSurnames.has(tokens[0]!) && !koreanSurnames.has(tokens[tokens.length - 1]!)) return undefined;
  const keys: string[] = [];
  for (const token of tokens) {
    const key = koreanSyllableKey(token);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}
