/**
 * CAS Registry Numbers as written on order lines: with or without dashes. The last digit is a
 * check digit (weighted sum of the other digits mod 10), so a number whose check digit is wrong
 * was mistyped or altered — on a controlled-goods line that is a red flag in itself.
 */

export type CasReading =
  | { kind: 'absent' }
  | { kind: 'malformed'; raw: string; reason: string }
  | {
      kind: 'number';
      raw: string;
      /** Canonical dashed form, e.g. `108-24-7`, with the digit as written. */
      cas: string;
      /** The digits before the check digit, dashed as a CAS number is (`108-24`). */
      body: string;
      checkDigitValid: boolean;
      /** The check digit the other digits call for. */
      expectedCheckDigit: number;
    };

/** The check digit for the digits before it (without dashes). */
export function casCheckDigit(bodyDigits: string): number {
  let sum = 0;
  for (let i = 0; i < bodyDigits.length; i++) {
    sum += (bodyDigits.charCodeAt(bodyDigits.length - 1 - i) - 48) * (i + 1);
  }
  return sum % 10;
}

const dashed = /^(\d{2,7})-(\d{2})-(\d)$/;
const plain = /^\d{5,10}$/;

/**
 * Reads a CAS number written `108-24-7`, `108247`, `CAS 108-24-7` or with spaces instead of dashes.
 *
 * @example
 * readCas('108247');    // { kind: 'number', cas: '108-24-7', checkDigitValid: true, … }
 * readCas('108-24-8');  // { kind: 'number', checkDigitValid: false, expectedCheckDigit: 7, … }
 * readCas('10B-24-7');  // { kind: 'malformed', … }
 */
export function readCas(raw: string | undefined): CasReading {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'absent' };
  const cleaned = text
    .replace(/^cas(\s*(no\.?|number|rn|#))?\s*[:#]?\s*/i, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
  let digits: string;
  const d = dashed.exec(cleaned);
  if (d) digits = d[1]! + d[2]! + d[3]!;
  else if (plain.test(cleaned)) digits = cleaned;
  else
    return {
      kind: 'malformed',
      raw: text,
      reason: 'not a CAS number: expected digits as NNNNNNN-NN-N (2 to 7, 2 and 1 digits), dashes optional',
    };
  const head = digits.slice(0, -3).replace(/^0+(?=\d{2})/, '');
  const mid = digits.slice(-3, -1);
  const check = digits.charCodeAt(digits.length - 1) - 48;
  const expected = casCheckDigit(head + mid);
  return {
    kind: 'number',
    raw: text,
    cas: `${head}-${mid}-${check}`,
    body: `${head}-${mid}`,
    checkDigitValid: check === expected,
    expectedCheckDigit: expected,
  };
}
