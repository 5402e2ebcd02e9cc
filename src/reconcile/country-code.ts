/**
 * Country cells to one spelling (ISO 3166 alpha-2), so MX and MEX, or HK and HKG, are one country
 * when the two ledgers write them differently.
 */
import { COUNTRY_CODES } from './country-codes.js';

const byCode = new Map<string, string>();
for (const c of COUNTRY_CODES) {
  byCode.set(c.slice(0, 2), c.slice(0, 2));
  byCode.set(c.slice(2), c.slice(0, 2));
}
// Codes ledgers use that ISO does not: the UK, and the EU as a reporter.
byCode.set('UK', 'GB');
byCode.set('EU', 'EU');

/**
 * @example countryCode('mex') // 'MX'
 * @example countryCode('Mexico') // undefined (codes only: names are spelled too many ways)
 */
export function countryCode(cell: string): string | undefined {
  return byCode.get(cell.trim().toUpperCase());
}

/**
 * Re-export hubs whose transit deserves a second look (the entrepôt list of the UN Comtrade mirror
 * pipeline, ../shared/data/trade/misinvoicing-reference/entrepot_reporters.csv): Hong Kong, Macao,
 * Singapore, the Netherlands, Belgium, the United Arab Emirates, Panama, Switzerland, Luxembourg.
 */
export const REEXPORT_HUBS: ReadonlySet<string> = new Set([
  'HK',
  'MO',
  'SG',
  'NL',
  'BE',
  'AE',
  'PA',
  'CH',
  'LU',
]);
