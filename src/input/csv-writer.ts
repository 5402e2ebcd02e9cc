/**
 * The one way Sentinela writes CSV (scored pairs, targeting scores, detector output, the mirror
 * view): RFC 4180 cells, quoted when they hold a comma, a quote, CR or LF — or start or end with a
 * space, which a reader that trims would lose — so every file reads back as written.
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell; null and undefined are empty.
 * @example csvCell('a, b') // '"a, b"'
 */
export function csvCell(value: CsvValue): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One record, without its line end.
 * @example csvLine(['id', 'say "hi"', 3]) // 'id,"say ""hi""",3'
 */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}
