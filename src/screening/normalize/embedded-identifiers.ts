/**
 * Vessel identifiers written into a name ("ORION IMO 9123456"): taken out, since identifiers are
 * compared as identifiers and would otherwise weigh as a distinctive word of the name.
 */
import { wordTable } from './word-table.js';
import { isDigits } from './number-words.js';

/** Digits of an identifier written into a vessel's name ("ORION IMO 9123456"): IMO 7, MMSI 9. */
const identifierDigits = wordTable<number>({ imo: 7, mmsi: 9 });

/** Drops "IMO 9123456" and "MMSI 123456789" from a name: identifiers are compared as identifiers. */
export function dropIdentifiers(tokens: string[]): string[] {
  for (let i = 0; i < tokens.length - 1; i++) {
    const digits = identifierDigits[tokens[i]!];
    const next = tokens[i + 1]!;
    if (digits !== undefined && next.length === digits && isDigits(next) && tokens.length > 2)
      return [...tokens.slice(0, i), ...tokens.slice(i + 2)];
  }
  return tokens;
}
