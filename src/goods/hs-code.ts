/**
 * HS codes as declared: 6-digit subheadings and longer national codes, with or without dots.
 * Only a pre-filter and a consistency check: many listed chemicals sit in residual subheadings
 * (2933.39 holds thousands of ordinary goods), so an HS code alone never identifies an item.
 */

export type HsReading =
  | { kind: 'absent' }
  | { kind: 'malformed'; raw: string; reason: string }
  | { kind: 'code'; raw: string; digits: string; subheading: string; heading: string; chapter: string };

/**
 * @example
 * readHs('2933.39.90'); // { kind: 'code', digits: '29333990', subheading: '2933.39', heading: '2933', chapter: '29' }
 */
export function readHs(raw: string | undefined): HsReading {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'absent' };
  const digits = text.replace(/^hs\s*:?\s*/i, '').replace(/[.\s-]/g, '');
  if (!/^\d{6,12}$/.test(digits) || digits.startsWith('00')) {
    return {
      kind: 'malformed',
      raw: text,
      reason: 'not an HS code: expected 6 to 12 digits (dots allowed), e.g. 2915.24',
    };
  }
  return {
    kind: 'code',
    raw: text,
    digits,
    subheading: `${digits.slice(0, 4)}.${digits.slice(4, 6)}`,
    heading: digits.slice(0, 4),
    chapter: digits.slice(0, 2),
  };
}
