/**
 * Romanisation of three scripts the lists and customer files carry and the other tables do not:
 * Ethiopic (Ge'ez: Amharic, Tigrinya names), Armenian and Georgian. Without them a name in one of
 * these scripts compares only letter by letter against the same script and never against its
 * Latin spelling. Conventions follow the common English spellings of names (BGN/PCGN-like,
 * simplified to plain ASCII): Ethiopic first-order vowels are "e" after most consonants and "a"
 * after the laryngeals (Meles, Abiy), sixth-order (ə) syllables are the bare consonant (Ahmed).
 */

/** Ethiopic rows of eight syllables from U+1200: consonant of each row (undefined = not a name letter). */
const ethiopicRows: Array<string | undefined> = [
  'h',
  'l',
  'h',
  'm',
  's',
  'r',
  's',
  'sh',
  'q',
  'qw',
  'q',
  'qw',
  'b',
  'v',
  't',
  'ch',
  'h',
  'hw',
  'n',
  'ny',
  '',
  'k',
  'kw',
  'kh',
  'kw',
  'w',
  '',
  'z',
  'zh',
  'y',
  'd',
  'd',
  'j',
  'g',
  'gw',
  'g',
  't',
  'ch',
  'p',
  'ts',
  'ts',
  'f',
  'p',
];
/** Rows whose first order is "a" (laryngeals and the glottal stop). */
const laryngeal = new Set([0, 2, 16, 20, 26]);
const labialisedOrders = ['e', '', 'i', 'a', 'e', '', '', ''];
/** Vowel of each order; the sixth (ə) is silent; the eighth is -wa. */
const orders = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];

function ethiopic(code: number): string | undefined {
  if (code < 0x1200 || code >= 0x1358) return undefined;
  const row = (code - 0x1200) >> 3;
  const order = (code - 0x1200) & 7;
  const consonant = ethiopicRows[row];
  if (consonant === undefined) return undefined;
  // Labialised rows (qw, kw, gw …) hold qwe, -, qwi, qwa, qwe, qw.
  if (consonant.length > 1 && consonant.endsWith('w')) return consonant + (labialisedOrders[order] ?? '');
  if (order === 0 && laryngeal.has(row)) return `${consonant}a`;
  // The glottal stop's sixth order (እ) begins names as "e" (Eritrea, Eyasu).
  if (order === 5 && consonant === '') return 'e';
  return consonant + orders[order]!;
}

const armenian: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'y',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  և: 'yev',
  օ: 'o',
  ֆ: 'f',
};

const georgian: Record<string, string> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

/**
 * The Latin spelling of one lowercase character of these scripts, or undefined.
 * @example ethiopicArmenianGeorgian('መ') // 'me'
 */
export function ethiopicArmenianGeorgian(char: string): string | undefined {
  const code = char.codePointAt(0)!;
  if (code >= 0x1200 && code < 0x1380) return ethiopic(code);
  if (code >= 0x0531 && code < 0x0590) return armenian[char];
  if (code >= 0x10a0 && code < 0x1100) return georgian[char];
  return undefined;
}

/** Armenian "ու" is one vowel, u (Harutyunyan), not o + v. */
export function armenianDigraph(chars: string[], i: number): string | undefined {
  const a = chars[i]!.toLowerCase();
  if (a !== 'ո' || chars[i + 1]?.toLowerCase() !== 'ւ') return undefined;
  chars[i + 1] = '';
  return 'u';
}
