/**
 * Number words in organisation names become digits ("Brigade Forty Four" ~ "Brigade 44"), so numbers
 * can be compared as numbers. English and Spanish units and tens; hundreds and beyond are rare in names.
 */

const units: Record<string, number> = {
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
};
const tens: Record<string, number> = {
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
};

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
 * "forty 4" → "44"); drops "No." / "Number" before a number.
 * @example numberWordsToDigits(['brigade', 'forty', '4']) // ['brigade', '44']
 */
export function numberWordsToDigits(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const ten = tens[token];
    if (ten !== undefined) {
      const next = tokens[i + 1];
      const unit =
        next === undefined
          ? undefined
          : (units[next] ?? (isDigits(next) && next.length === 1 ? Number(next) : undefined));
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(ten + unit));
        i++;
      } else out.push(String(ten));
      continue;
    }
    const unit = units[token];
    out.push(unit !== undefined && token !== 'dos' && token !== 'once' ? String(unit) : token);
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

export { isDigits };
