/**
 * A Spanish- and English-aware phonetic key: a consonant skeleton after merging letters that
 * sound alike in the names lists carry (b/v/w, z/s/soft c, ll/y, ph/f, silent h, k/c/q, sh/ch/sch,
 * ch before r or l as k).
 * Two spellings of one name ("Vasquez"/"Basques", "Mohammed"/"Muhamad", "Khaled"/"Jaled") share a
 * key; the index uses it to find candidates and the scorer as evidence of a phonetic variant.
 */

const VOWELS = 'aeiouy';

function isVowel(c: string | undefined): boolean {
  return c !== undefined && c !== '' && VOWELS.includes(c);
}

/**
 * Phonetic key of one lowercase ASCII token. A leading vowel is kept as "a" so "Omar"/"Umar" agree
 * but "Omar"/"Mar" do not.
 * @example phoneticKey('vasquez') === phoneticKey('basques') // true
 */
export function phoneticKey(token: string): string {
  let out = '';
  const n = token.length;
  // A silent leading h (Hernandez ~ Ernandes) does not hide the vowel after it.
  let i = token[0] === 'h' && isVowel(token[1]) ? 1 : 0;
  if (i < n && isVowel(token[i])) {
    out = 'a';
    i++;
  }
  for (; i < n; i++) {
    const c = token[i]!;
    const next = token[i + 1];
    let code = '';
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
      case 'h':
      case "'":
        code = '';
        break;
      case 'b':
      case 'v':
        code = 'b';
        break;
      case 'w':
        // German and Polish romanisations write v as w at the start of a name (Wiktor ~ Viktor)
        // and in the -ow/-ew of Russian surnames (Gorbatschow ~ Gorbachev); between a vowel and a
        // consonant w is part of the vowel (Jawlani ~ Julani, Shawkat ~ Shaukat). Elsewhere it
        // stays a w: pinyin writes it as a glide (Baowei ~ Baowu).
        if (i === 0 || (next === undefined && (token[i - 1] === 'o' || token[i - 1] === 'e'))) code = 'b';
        else if (isVowel(token[i - 1]) && next !== undefined && !isVowel(next) && next !== 'h') code = '';
        else code = 'w';
        break;
      case 'p':
        if (next === 'h') {
          code = 'f';
          i++;
        } else code = 'p';
        break;
      case 'c':
        // CH before R or L is a K in every language that writes it (Christopher ~ Kristofer,
        // Chrysanthemum, Chloe); elsewhere it is the SH/TSH sound.
        if (next === 'h' && (token[i + 2] === 'r' || token[i + 2] === 'l')) {
          code = 'k';
          i++;
        } else if (next === 'h') {
          code = 'x';
          i++;
        } else if (next === 'e' || next === 'i' || next === 'y') code = 's';
        else code = 'k';
        break;
      case 's':
        if (next === 'h') {
          code = 'x';
          i++;
        } else if (next === 'c' && token[i + 2] === 'h') {
          code = 'x';
          i += 2;
        } else code = 's';
        break;
      case 'z':
        if (next === 'h') {
          code = 'j';
          i++;
        } else code = 's';
        break;
      case 'k':
        if (next === 'h') {
          code = 'k';
          i++;
        } else code = 'k';
        break;
      case 'q':
        code = 'k';
        if (next === 'u') i++;
        break;
      case 'g':
        code = next === 'e' || next === 'i' ? 'j' : 'k';
        if (next === 'h') i++;
        break;
      case 'j':
        code = 'j';
        break;
      case 'x':
        // Initial x is pinyin/Portuguese/Catalan "sh" (Xi, Xavier); elsewhere "ks".
        code = out === '' ? 'x' : 'ks';
        break;
      case 'd':
        code = next === 'j' ? '' : 't';
        break;
      case 't':
        if (next === 'h') {
          code = 't';
          i++;
        } else if (next === 's' && token[i + 2] === 'c' && token[i + 3] === 'h') {
          code = 'x';
          i += 3;
        } else code = 't';
        break;
      case 'l':
        // Spanish ll before a vowel sounds as y (Castillo ~ Castiyo).
        if (next === 'l' && isVowel(token[i + 2])) {
          code = '';
          i++;
        } else code = 'l';
        break;
      case 'n':
      case 'm':
      case 'r':
      case 'f':
        code = c;
        break;
      default:
        code = c >= '0' && c <= '9' ? c : '';
    }
    if (code !== '' && !out.endsWith(code)) out += code;
  }
  return out;
}
