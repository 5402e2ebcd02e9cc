/** HS code checks shared by the readers: the first six digits are what targeting keys on. */

/**
 * The six-digit HS subheading of a code written as digits with optional dots or spaces, or
 * undefined when it has fewer than six digits.
 * @example hs6Of('8703.23.01') // '870323'
 */
export function hs6Of(code: string): string | undefined {
  const digits = code.replace(/[.\s]/g, '');
  if (!/^\d{6,10}$/.test(digits)) return undefined;
  return digits.slice(0, 6);
}
