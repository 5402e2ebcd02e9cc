/**
 * The consonant skeleton of a name token, for comparing romanisations of names written in Arabic
 * or Hebrew script (which leave short vowels out) with their Latin spellings.
 */

/** Letter → consonant class; vowels and the long-vowel letters w/y map to '' (not written reliably). */
const CLASS: Record<string, string> = {
  b: 'b',
  v: 'b',
  p: 'b',
  f: 'f',
  k: 'k',
  q: 'k',
  c: 'k',
  g: 'k',
  x: 'k',
  j: 'j',
  d: 'd',
  t: 't',
  s: 's',
  z: 's',
  h: 'h',
  l: 'l',
  m: 'm',
  n: 'n',
  r: 'r',
};

/** Two-letter spellings of one Arabic/Persian consonant. */
const DIGRAPH: Record<string, string> = {
  kh: 'k',
  gh: 'k',
  sh: 'x',
  ch: 'x',
  th: 't',
  dh: 'd',
  zh: 'j',
  ph: 'f',
};

/**
 * Consonants in order, letters that romanisations confuse merged (s/z and a soft c, q/k/g and a
 * hard c, b/v/p; d and t stay apart: Arabic writes them with different letters, Madani is not
 * Matin), vowels, w and y dropped,
 * a doubled letter (shadda: Mohammed, Hassan) written once, a final h dropped (Fatimah ~ فاطمة
 * "fatma"; Nasrallah ~ نصر الله "nsr allh"). Unlike the phonetic key, a consonant repeated across
 * a vowel stays twice and h stays a consonant: محمد "mhmd" is Mohammed (m-h-m-d), not Ahmad (h-m-d).
 * @example consonantSkeleton('mohammed') === consonantSkeleton('mhmd') // true: 'mhmd'
 * @example consonantSkeleton('ahmad') // 'hmd'
 */
export function consonantSkeleton(token: string): string {
  let out = '';
  let previous = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const c = token[i]!;
    const next = token[i + 1];
    let code: string | undefined;
    if (next === 'h' && c !== 'h') code = DIGRAPH[c + next];
    if (code !== undefined) i++;
    else if (c === 'h' && i === n - 1 && i > 0) code = '';
    // A soft C (before E, I or Y) is an S in the Romance and English spellings that write it
    // (Youcef ~ Yusuf, Mouncef ~ Munsif, Marcel); elsewhere it is a K.
    else if (c === 'c' && (next === 'e' || next === 'i' || next === 'y')) code = 's';
    else code = CLASS[c] ?? '';
    // Only letters side by side are one doubled consonant; across a vowel they are two.
    if (code !== '' && code !== previous) out += code;
    previous = code;
  }
  return out;
}
