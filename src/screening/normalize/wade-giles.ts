/**
 * Wade–Giles spellings of Chinese names ("Mao Tse-tung", "Hsu Chih-chiang"), still used for older
 * and Taiwanese names, turned into pinyin ("Mao Ze dong", "Xu Zhi jiang") so they can meet pinyin
 * listings. Only syllables that cannot be pinyin are rewritten (Chen, Wang, Li are the same in
 * both), and only in names made of syllables alone. Plain p, t, k, ch, ts are Wade–Giles for
 * pinyin b, d, g, zh/j, z; the apostrophe marking the aspirated ones (t' = pinyin t) is usually
 * dropped on lists, and the phonetic comparison forgives voicing for those.
 */

/** Syllable endings and beginnings that pinyin never has. */
const WADE_GILES_ONLY = /^(?:hs|ts|tz)|^ch(?=i[a-z])|(?:ung|ih|ieh|ien|ueh)$|^(?:ssu|szu|erh)$/;
/** A Chinese syllable (either system, apostrophes already dropped). */
const SYLLABLE = /^(?:ch|hs|ts|tz|sh|zh|[bcdfghjklmnpqrstwxyz])?[aeiouv]{1,3}(?:n|ng|h|rh)?$/;

/**
 * One Wade–Giles syllable in pinyin (initials and finals after the usual correspondences). Lists
 * drop the apostrophe that marks an aspirated initial, so ch before i is pinyin j or q (Chiang
 * Tse-min is Jiang Zemin, Chien Chi-chen is Qian Qichen): `aspirated` reads it as q and ts, tz as c.
 */
function syllableToPinyin(s: string, aspirated: boolean): string {
  if (s === 'ssu' || s === 'szu') return 'si';
  if (s === 'tzu') return aspirated ? 'ci' : 'zi';
  if (s === 'erh') return 'er';
  let initial = '';
  let rest = s;
  if (s.startsWith('hs')) {
    initial = 'x';
    rest = s.slice(2);
  } else if (s.startsWith('ts') || s.startsWith('tz')) {
    initial = aspirated ? 'c' : 'z';
    rest = s.slice(2);
  } else if (s.startsWith('ch')) {
    // chih is zhi; before any other i (or ü written u) ch is j: chiang = jiang, chueh = jue.
    const palatal = (s[2] === 'i' && s !== 'chih') || (s[2] === 'u' && s[3] === 'e');
    initial = palatal ? (aspirated ? 'q' : 'j') : aspirated ? 'ch' : 'zh';
    rest = s.slice(2);
  } else if (s.startsWith('j')) {
    initial = 'r';
    rest = s.slice(1);
  } else if (s[0] === 't' || s[0] === 'k' || s[0] === 'p') {
    initial = aspirated ? s[0] : s[0] === 't' ? 'd' : s[0] === 'k' ? 'g' : 'b';
    rest = s.slice(1);
  } else if (!s.startsWith('sh') && /^[bcdfghlmnqswxyz]/.test(s)) {
    initial = s[0]!;
    rest = s.slice(1);
  } else if (s.startsWith('sh')) {
    initial = 'sh';
    rest = s.slice(2);
  }
  // Wade–Giles writes pinyin's e after k and h as o (Ko, Ho: pinyin ge, ke, he).
  if (rest === 'o' && (initial === 'g' || initial === 'k' || initial === 'h')) return `${initial}e`;
  const final = rest
    .replace(/ung$/, 'ong')
    .replace(/ih$/, 'i')
    .replace(/ieh$/, 'ie')
    .replace(/ien$/, 'ian')
    .replace(/ueh$/, 'ue');
  return initial + final;
}

/** Syllables a Wade–Giles name shares with pinyin but reads otherwise (chi is ji or qi; ko is ge or ke). */
const WADE_GILES_READ = /^(?:chi|ko|ho)$/;

/**
 * The pinyin form of a name's tokens when they are Wade–Giles, else undefined: syllables that
 * cannot be pinyin are rewritten, their initials read unaspirated (ch before i as j, as in Chiang),
 * or aspirated with `aspirated` (as q, as in Chien ~ Qian); in such a name, chi, ko and ho, which
 * pinyin spells otherwise, are rewritten too. Other syllables stay as written.
 * @example wadeGilesToPinyin(['mao', 'tse', 'tung']) // ['mao', 'ze', 'dong']
 * @example wadeGilesToPinyin(['chien', 'chi', 'chen'], true) // ['qian', 'qi', 'chen']
 */
export function wadeGilesToPinyin(tokens: readonly string[], aspirated = false): string[] | undefined {
  if (tokens.length < 2 || tokens.length > 4) return undefined;
  let changed = false;
  for (const token of tokens) {
    if (!SYLLABLE.test(token)) return undefined;
    if (WADE_GILES_ONLY.test(token)) changed = true;
  }
  if (!changed) return undefined;
  return tokens.map((t) =>
    WADE_GILES_ONLY.test(t) || WADE_GILES_READ.test(t) ? syllableToPinyin(t, aspirated) : t,
  );
}

/**
 * Both readings of a Wade–Giles name (unaspirated, then aspirated when it differs), or none.
 * @example wadeGilesReadings(['chin', 'kang']) // [['jin', 'kang'], ['qin', 'kang']]
 */
export function wadeGilesReadings(tokens: readonly string[]): string[][] {
  const plain = wadeGilesToPinyin(tokens);
  if (!plain) return [];
  const aspirated = wadeGilesToPinyin(tokens, true)!;
  return aspirated.join(' ') === plain.join(' ') ? [plain] : [plain, aspirated];
}
