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

/** One Wade–Giles syllable in pinyin (initials and finals after the usual correspondences). */
function syllableToPinyin(s: string): string {
  if (s === 'ssu' || s === 'szu') return 'si';
  if (s === 'tzu') return 'zi';
  if (s === 'erh') return 'er';
  let initial = '';
  let rest = s;
  if (s.startsWith('hs')) {
    initial = 'x';
    rest = s.slice(2);
  } else if (s.startsWith('ts') || s.startsWith('tz')) {
    initial = 'z';
    rest = s.slice(2);
  } else if (s.startsWith('ch')) {
    // chih is zhi; before any other i (or ü written u) ch is j: chiang = jiang, chueh = jue.
    initial = (s[2] === 'i' && s !== 'chih') || (s[2] === 'u' && s[3] === 'e') ? 'j' : 'zh';
    rest = s.slice(2);
  } else if (s.startsWith('j')) {
    initial = 'r';
    rest = s.slice(1);
  } else if (s[0] === 't' || s[0] === 'k' || s[0] === 'p') {
    initial = s[0] === 't' ? 'd' : s[0] === 'k' ? 'g' : 'b';
    rest = s.slice(1);
  } else if (!s.startsWith('sh') && /^[bcdfghlmnqswxyz]/.test(s)) {
    initial = s[0]!;
    rest = s.slice(1);
  } else if (s.startsWith('sh')) {
    initial = 'sh';
    rest = s.slice(2);
  }
  const final = rest
    .replace(/ung$/, 'ong')
    .replace(/ih$/, 'i')
    .replace(/ieh$/, 'ie')
    .replace(/ien$/, 'ian')
    .replace(/ueh$/, 'ue');
  return initial + final;
}

/**
 * The pinyin form of a name's tokens when they are Wade–Giles, else undefined.
 * @example wadeGilesToPinyin(['mao', 'tse', 'tung']) // ['mao', 'ze', 'dong']
 */
export function wadeGilesToPinyin(tokens: readonly string[]): string[] | undefined {
  if (tokens.length < 2 || tokens.length > 4) return undefined;
  let changed = false;
  const out: string[] = [];
  for (const token of tokens) {
    if (!SYLLABLE.test(token)) return undefined;
    if (WADE_GILES_ONLY.test(token)) {
      out.push(syllableToPinyin(token));
      changed = true;
    } else out.push(token);
  }
  return changed ? out : undefined;
}
