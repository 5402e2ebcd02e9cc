/**
 * Japanese kana (katakana and hiragana) in modified Hepburn romanisation, the system Japanese
 * passports and most Latin listings use. Katakana writes foreign names by sound, with a vowel after
 * every consonant (バラク・オバマ "baraku obama" for Barack Obama), so a name romanised from kana
 * is compared like one from an abjad: by its consonants, its vowels being unreliable.
 */

/** Hepburn syllables of the katakana block from ァ (U+30A1) to ヶ (U+30F6), in code order. */
const SYLLABLES = (
  'a a i i u u e e o o ka ga ki gi ku gu ke ge ko go sa za shi ji su zu se ze so zo ' +
  'ta da chi ji っ tsu zu te de to do na ni nu ne no ha ba pa hi bi pi fu bu pu he be pe ' +
  'ho bo po ma mi mu me mo ya ya yu yu yo yo ra ri ru re ro wa wa i e o n vu ka ke'
).split(' ');

/** Small kana that join the syllable before them (キャ kya, ティ ti, ファ fa). */
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };
const SMALL_VOWEL: Record<string, string> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
const SOKUON = 'ッ';
const LONG_VOWEL = 'ー';

/** True for a katakana or hiragana letter (the middle dot ・ and the iteration marks aside). */
export function isKana(code: number): boolean {
  return (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc;
}

/** Hiragana to katakana: the two blocks are laid out alike, 0x60 apart. */
function toKatakana(char: string): string {
  const code = char.codePointAt(0)!;
  return code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : char;
}

function syllable(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x30f7 && code <= 0x30fa) return ['va', 'vi', 've', 'vo'][code - 0x30f7]!;
  return SYLLABLES[code - 0x30a1] ?? '';
}

/** The consonant part of a syllable, before a small kana replaces its vowel (シ sh, チ ch, フ f). */
function consonantOf(romaji: string): string {
  if (romaji === 'u') return 'w';
  return romaji.replace(/[aiueo]$/, '');
}

/**
 * Romanises a run of kana.
 * @example romanizeKana([...'バラク']) // 'baraku'
 * @example romanizeKana([...'キャット']) // 'kyatto'
 */
export function romanizeKana(run: readonly string[]): string {
  const chars = run.map(toKatakana);
  let out = '';
  let double = false;
  for (let k = 0; k < chars.length; k++) {
    const char = chars[k]!;
    if (char === SOKUON) {
      double = true;
      continue;
    }
    if (char === LONG_VOWEL) continue; // a long vowel is written once in Latin listings
    let romaji = syllable(char);
    const next = chars[k + 1];
    if (next !== undefined && SMALL_Y[next] !== undefined && romaji.endsWith('i') && romaji.length > 1) {
      const base = romaji.slice(0, -1);
      romaji = (/(?:sh|ch|j)$/.test(base) ? base : `${base}y`) + SMALL_Y[next];
      k++;
    } else if (next !== undefined && SMALL_VOWEL[next] !== undefined && romaji.length > 0) {
      romaji = consonantOf(romaji) + SMALL_VOWEL[next];
      k++;
    }
    if (double && romaji !== '') out += romaji.startsWith('ch') ? 't' : romaji[0];
    double = false;
    out += romaji;
  }
  return out;
}
