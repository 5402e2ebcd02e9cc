/**
 * Normalises identifiers (passport, tax id, R.F.C., C.U.R.P., IMO, MMSI, call sign, tail number)
 * so that "IMO 9123456", "9123456" and "imo9123456" meet, as do "AB-123 456" and "ab123456".
 */

/** Shorter normalised values (e.g. "12") are too unspecific to be decisive. */
export const minIdentifierLength = 5;

/** Upper-cased alphanumerics without a leading "IMO"/"MMSI" label; undefined when too short. */
export function identifierKey(value: string): string | undefined {
  let key = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  key = key.replace(/^(IMO|MMSI)(?=\d{7,9}$)/, '');
  return key.length >= minIdentifierLength ? key : undefined;
}
