/**
 * Turns a name in any supported script into lowercase ASCII Latin: accents and ligatures folded
 * (Joaquín → joaquin, ñ → n, ß → ss), Cyrillic, Greek, Arabic, Hebrew, Thai, Hangul and common Han
 * characters romanised. ASCII punctuation is kept for the name parser (commas, quotes, dots).
 */
import { armenianDigraph, ethiopicArmenianGeorgian } from './ethiopic-armenian-georgian.js';
import { hanToPinyin } from './han-pinyin.js';
import { isHangulSyllable, romanizeHangulName } from './hangul-romanization.js';
import { arabicToLatin, cyrillicToLatin, greekToLatin, hebrewToLatin, thaiToLatin } from './script-tables.js';

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const latinSpecials: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
  ſ: 's',
  ɨ: 'i',
  ə: 'e',
  ʒ: 'zh',
};

/** Typographic punctuation mapped to the ASCII the parser understands. */
const punctuation: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  ʼ: "'",
  ʻ: "'",
  '`': "'",
  '´': "'",
  ʹ: "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '«': '"',
  '»': '"',
  '‹': '"',
  '›': '"',
  '「': '"',
  '」': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '·': ' ',
  '・': ' ',
  '，': ',',
  '。': '.',
  '（': '(',
  '）': ')',
  '＆': '&',
  '\u00a0': ' ',
};

/** Which writing systems a romanised string came from: abjads drop short vowels. */
export interface RomanizedText {
  text: string;
  /** Arabic or Hebrew letters were present: vowels in the Latin output are unreliable. */
  fromAbjad: boolean;
  /** Any non-Latin script was romanised. */
  transliterated: boolean;
}

const charCache = new Map<string, string>();

function romanizeChar(char: string): string {
  const cached = charCache.get(char);
  if (cached !== undefined) return cached;
  let out: string;
  const lower = char.toLowerCase();
  const code = lower.codePointAt(0)!;
  if (code < 0x80) out = lower;
  else if (punctuation[char] !== undefined) out = punctuation[char]!;
  else if (latinSpecials[lower] !== undefined) out = latinSpecials[lower]!;
  else {
    const stripped = lower.normalize('NFD').replace(/\p{M}/gu, '');
    const base = stripped.normalize('NFC');
    out =
      latinSpecials[base] ??
      cyrillicToLatin[base] ??
      greekToLatin[base] ??
      arabicToLatin[base] ??
      hebrewToLatin[base] ??
      thaiToLatin[lower] ??
      ethiopicArmenianGeorgian(lower) ??
      (/^[\x20-\x7e]*$/.test(stripped) && stripped !== '' ? stripped : compatibility(lower));
  }
  charCache.set(char, out);
  return out;
}

/** Full-width forms, ligatures (ﬁ), circled letters: NFKC brings them to ASCII. Anything else → space. */
function compatibility(char: string): string {
  const k = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (/^[\x20-\x7e]+$/.test(k)) return k;
  // Letters of scripts without a table (Devanagari, Khmer, Ethiopic …) are kept as they are, so
  // two names in the same script still compare letter by letter.
  if (/\p{M}/u.test(char) && char.codePointAt(0)! < 0x900) return ''; // Arabic, Hebrew, Greek marks
  if (/[\p{L}\p{M}]/u.test(char)) return char;
  return ' ';
}

const HAN = /\p{Script=Han}/u;

/** Han characters all sit at or above the CJK radicals block: cheap range check before the regex. */
function isHan(char: string, code: number): boolean {
  return code >= 0x2e80 && HAN.test(char);
}
const ASCII = /^[\x00-\x7f]*$/;
const ARABIC_LETTER = /[\u0620-\u064a\u0671-\u06d3]/;
const HEBREW_LETTER = /[\u05d0-\u05ea]/;
const ARABIC_OR_HEBREW = /[\u0590-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Romanises a raw name.
 * @example romanize('Joaquín GUZMÁN').text // 'joaquin guzman'
 * @example romanize('Владимир Путин').text // 'vladimir putin'
 */
export function romanize(raw: string): RomanizedText {
  if (ASCII.test(raw)) return { text: raw.toLowerCase(), fromAbjad: false, transliterated: false };
  const input = raw.normalize('NFC');
  let out = '';
  let transliterated = false;
  const chars = Array.from(input);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '') continue; // consumed by a digraph
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out += char.toLowerCase();
      continue;
    }
    if (isHangulSyllable(code)) {
      let run = char;
      while (i + 1 < chars.length && isHangulSyllable(chars[i + 1]!.codePointAt(0)!)) run += chars[++i];
      out += ` ${romanizeHangulName(run)} `;
      transliterated = true;
      continue;
    }
    if (isHan(char, code)) {
      const run = [char];
      while (i + 1 < chars.length && isHan(chars[i + 1]!, chars[i + 1]!.codePointAt(0)!))
        run.push(chars[++i]!);
      out += ` ${romanizeHanRun(run)} `;
      transliterated = true;
      continue;
    }
    // Persian writes a zero-width non-joiner inside a word to break the letters' joining
    // (خامنه‌ای Khamenei, احمدی‌نژاد Ahmadinejad); Latin listings write the word whole.
    if (code === 0x200c || code === 0x200d) continue;
    if (code >= 0x370 && code < 0x2000) transliterated = true;
    if ((char === 'و' || char === 'ي') && i > 0 && ARABIC_LETTER.test(chars[i - 1]!)) {
      // Inside a word waw and ya are mostly the long vowels u and i (Mahmoud, Ali), not w/y.
      out += char === 'و' ? 'u' : 'i';
      continue;
    }
    if (char === 'ו' && i > 0 && HEBREW_LETTER.test(chars[i - 1]!)) {
      out += hebrewVavInWord(chars, i);
      continue;
    }
    out +=
      (code >= 0x370 && code < 0x400 ? romanizeGreekDigraph(chars, i) : undefined) ??
      (code >= 0x531 && code < 0x590 ? armenianDigraph(chars, i) : undefined) ??
      romanizeChar(char);
  }
  return { text: out, fromAbjad: ARABIC_OR_HEBREW.test(input), transliterated };
}

/**
 * Vav inside a Hebrew word: written twice (וו) it is the consonant v (Chava, Tsvi written חווה);
 * once, it is mostly the vowel o or u, written as a mater lectionis in unpointed Hebrew (יוסף
 * Yosef, שלום Shalom, אהוד Ehud), but it may be the consonant (לוי Levi, דוד David). It is read as
 * w, the letter that stands for both in names romanised from an abjad: the consonant skeleton drops
 * it as a long vowel, and the comparison also tries it as v (`abjadReadings` in
 * matching/token-pair-similarity.ts).
 */
function hebrewVavInWord(chars: string[], i: number): string {
  if (chars[i + 1] === 'ו') {
    chars[i + 1] = '';
    return 'v';
  }
  return 'w';
}

/**
 * Chinese names: a two- or three-character run is surname + given name ("习近平" → "xi jinping").
 * A character outside the table stays as it is, a part of its own, so the name is not shortened
 * to the characters that could be read.
 */
function romanizeHanRun(run: string[]): string {
  const syllables = run.map((c) => hanToPinyin.get(c) ?? '');
  if (syllables.some((s) => s === '')) return syllables.map((s, k) => s || run[k]).join(' ');
  if (run.length === 2 || run.length === 3) return `${syllables[0]} ${syllables.slice(1).join('')}`;
  return syllables.join('');
}

/** Greek ου and initial μπ digraphs, which letter-by-letter tables get wrong. */
function romanizeGreekDigraph(chars: string[], i: number): string | undefined {
  const a = chars[i]!.toLowerCase().normalize('NFD').charAt(0);
  if (a !== 'ο' && a !== 'μ') return undefined;
  const b = chars[i + 1]?.toLowerCase().normalize('NFD').charAt(0);
  if (a === 'ο' && b === 'υ') {
    chars[i + 1] = '';
    return 'ou';
  }
  if (i === 0 && a === 'μ' && b === 'π') {
    chars[i + 1] = '';
    return 'b';
  }
  return undefined;
}
