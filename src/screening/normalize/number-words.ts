/**
 * Number words in organisation names become digits ("Brigade Forty Four" ~ "Brigade 44"), so numbers
 * can be compared as numbers. English and Spanish units and tens, French, German and Italian units and
 * the first tens, and English hundreds and thousands ("Three Hundred Thirteen" ~ "313").
 * Ordinals stay words (a typo in FIRST must still read as FIRST), but the matcher compares them by
 * the number they count to (`ordinalValue`): "First Capital" ~ "1st Capital", and "Twenty First"
 * is written "21st".
 */

import { wordTable } from './word-table.js';

/** A number written in words, as an ordinal or in Roman numerals, and the digits it was read as. */
export interface NumberReading {
  written: string;
  read: string;
}

const units = wordTable<number>({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  // French, German and Italian units that are no common word or given name in another language
  // (not "un", "elf", "otto", "tre", "due": the United Nations, Elf Aquitaine, Otto Weber).
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  zwei: 2,
  drei: 3,
  vier: 4,
  funf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  neun: 9,
  zehn: 10,
  zwolf: 12,
  zwoelf: 12,
  quattro: 4,
  cinque: 5,
  sette: 7,
  dieci: 10,
});
/** English ordinal words; the digit forms (1st, 22nd, 3rd, 4th) are read by ORDINAL_DIGITS. */
const ordinalUnits = wordTable<number>({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
});
const ORDINAL_DIGITS = /^(\d{1,4})(?:st|nd|rd|th)$/;
/**
 * 1 at the char code of each letter an ordinal ends with (the words' last letters, and the t, d and
 * h of st, nd, rd, th): the scorer asks about every word it compares, and nearly all end otherwise.
 */
const ORDINAL_ENDINGS = (() => {
  const endings = new Uint8Array(128);
  for (const word of [...Object.keys(ordinalUnits), 'st', 'nd', 'rd', 'th'])
    endings[word.charCodeAt(word.length - 1)] = 1;
  return endings;
})();

/** 21 → "21st", 12 → "12th": the digit form of an ordinal. */
function ordinalDigits(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const last = n % 10;
  return `${n}${teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

/**
 * The number an ordinal counts to, written as a word or in digits ("second", "2nd": 2), else
 * undefined.
 * @example ordinalValue('third') // 3
 */
export function ordinalValue(token: string): number | undefined {
  if (ORDINAL_ENDINGS[token.charCodeAt(token.length - 1)] !== 1) return undefined;
  const word = ordinalUnits[token];
  if (word !== undefined) return word;
  // Most tokens are words: the digit form starts with a digit, so no regex runs for them.
  const first = token.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return undefined;
  const digits = ORDINAL_DIGITS.exec(token)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

const tens = wordTable<number>({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  funfzig: 50,
  fuenfzig: 50,
});

/** Words that multiply the number before them ("three hundred", "twelve thousand"). */
const multipliers = wordTable<number>({ hundred: 100, thousand: 1000 });

/**
 * An English number phrase with "hundred" or "thousand" from word i on ("three hundred and
 * thirteen", "hundred", "two thousand twenty"): its value and length in words, else undefined.
 */
function multipliedNumber(
  tokens: readonly string[],
  i: number,
): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let multiplied = false;
  // What the previous word was: a unit or teen, a tens word, a multiplier, or nothing yet.
  let previous: 'unit' | 'ten' | 'multiplier' | 'none' = 'none';
  let j = i;
  for (; j < tokens.length; j++) {
    const token = tokens[j]!;
    const multiplier = multipliers[token];
    const ten = tens[token];
    const unit = units[token];
    if (multiplier !== undefined && (multiplier === 1000 || current < 100)) {
      if (multiplier === 1000) {
        total += (current || 1) * 1000;
        current = 0;
      } else current = (current || 1) * 100;
      multiplied = true;
      previous = 'multiplier';
    } else if (ten !== undefined && previous !== 'unit' && previous !== 'ten') {
      current += ten;
      previous = 'ten';
    } else if (
      unit !== undefined &&
      unit > 0 &&
      (previous === 'none' || previous === 'multiplier' || (previous === 'ten' && unit < 10))
    ) {
      current += unit;
      previous = 'unit';
    } else if (token === 'and' && previous === 'multiplier' && j + 1 < tokens.length) {
      // "three hundred and thirteen": the "and" belongs to the number only before a number word.
      const next = tokens[j + 1]!;
      if (tens[next] === undefined && units[next] === undefined) break;
    } else break;
  }
  if (!multiplied) return undefined;
  return { value: total + current, length: j - i };
}

function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Rewrites number words as digits and joins a tens word with a following unit ("forty four",
 * "forty 4", Spanish "cuarenta y cuatro" → "44"); drops "No." / "Number" before a number.
 * @example numberWordsToDigits(['brigade', 'forty', '4']) // ['brigade', '44']
 */
export function numberWordsToDigits(tokens: string[], readings?: NumberReading[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const phrase =
      multipliers[token] !== undefined ||
      multipliers[tokens[i + 1] ?? ''] !== undefined ||
      multipliers[tokens[i + 2] ?? ''] !== undefined
        ? multipliedNumber(tokens, i)
        : undefined;
    if (phrase !== undefined) {
      const read = String(phrase.value);
      out.push(read);
      readings?.push({ written: tokens.slice(i, i + phrase.length).join(' '), read });
      i += phrase.length - 1;
      continue;
    }
    const ten = tens[token];
    const spanishUnit = tokens[i + 1] === 'y' ? units[tokens[i + 2] ?? ''] : undefined;
    if (ten !== undefined && spanishUnit !== undefined && spanishUnit > 0 && spanishUnit < 10) {
      out.push(String(ten + spanishUnit));
      readings?.push({ written: `${token} y ${tokens[i + 2]}`, read: String(ten + spanishUnit) });
      i += 2;
      continue;
    }
    if (ten !== undefined) {
      const next = tokens[i + 1];
      const ordinal = next === undefined ? undefined : ordinalUnits[next];
      if (ordinal !== undefined && ordinal < 10) {
        const read = ordinalDigits(ten + ordinal);
        out.push(read);
        readings?.push({ written: `${token} ${next}`, read });
        i++;
        continue;
      }
      const unit =
        next === undefined
          ? undefined
          : (units[next] ?? (isDigits(next) && next.length === 1 ? Number(next) : undefined));
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(ten + unit));
        readings?.push({ written: `${token} ${next}`, read: String(ten + unit) });
        i++;
      } else {
        out.push(String(ten));
        readings?.push({ written: token, read: String(ten) });
      }
      continue;
    }
    const unit = units[token];
    const read = unit !== undefined && token !== 'dos' && token !== 'once' ? String(unit) : token;
    if (read !== token) readings?.push({ written: token, read });
    out.push(read);
  }
  return dropNumberSigns(out);
}

/** Words that only announce the number after them: "Plant No. 5" is "Plant 5". */
const numberSigns = new Set(['no', 'nr', 'nro', 'num', 'number', 'numero', 'nomer']);

function dropNumberSigns(tokens: string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (i > 0 && numberSigns.has(tokens[i]!) && next !== undefined && isDigits(next)) {
      out ??= tokens.slice(0, i);
      continue;
    }
    out?.push(tokens[i]!);
  }
  return out ?? tokens;
}

/**
 * Roman numerals in the key words of an organisation's or vessel's name are its series number
 * ("KKR Asian Fund III", "NORD STREAM II"). Returns the value of each key word that is one (0 for
 * the others), or undefined when none is; the words stay as written. A numeral of two letters or
 * more (I, V and X only, up to 39) counts anywhere but first; a lone I, V or X only last, after two
 * words or more ("Carlyle Partners V"), since elsewhere a lone letter is an initial ("L & H").
 * @example romanSeriesNumbers(['kkr', 'asian', 'fund', 'iii']) // [0, 0, 0, 3]
 */
export function romanSeriesNumbers(
  tokens: readonly string[],
  readings?: NumberReading[],
): number[] | undefined {
  let out: number[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lone = token.length === 1;
    if (lone && (i !== tokens.length - 1 || i < 2 || tokens[i - 1]!.length < 2)) continue;
    const value = romanValue(token);
    if (value === undefined) continue;
    out ??= tokens.map(() => 0);
    out[i] = value;
    readings?.push({ written: token, read: String(value) });
  }
  return out;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_UNITS: Record<string, number> = {
  '': 0,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
};

function romanValue(token: string): number | undefined {
  if (token.length === 0 || token.length > 7) return undefined;
  const m = ROMAN.exec(token);
  if (!m) return undefined;
  const [, x = '', rest = ''] = m;
  const value = x.length * 10 + ROMAN_UNITS[rest]!;
  return value > 0 ? value : undefined;
}

export { isDigits };
