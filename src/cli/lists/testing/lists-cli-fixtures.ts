/**
 * Tiny OFAC-format files written by the CLI tests into a temp folder: three invented rows shaped
 * like the real SDN file (12 columns, `-0- ` for empty, CRLF, programs as `A] [B`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const empty = '-0- ';

/** One sdn.csv row. */
export function sdnRow(id: number, name: string, type: string, programs: string[], remarks = ''): string {
  const cols = [
    String(id),
    `"${name}"`,
    type ? `"${type}"` : empty,
    `"${programs.join('] [')}"`,
    ...Array(7).fill(empty),
    remarks ? `"${remarks}"` : empty,
  ];
  return cols.join(',');
}

export const sdn2024 = [
  sdnRow(10386, 'GULF CARTEL', '', ['SDNTK']),
  sdnRow(11440, 'SINALOA CARTEL', '', ['SDNTK', 'ILLICIT-DRUGS-EO14059'], "a.k.a. 'CARTEL DE SINALOA'."),
  sdnRow(90001, 'PEREZ TESTINO, Juan', 'individual', ['SDNTK'], 'DOB 01 Oct 1981; nationality Mexico.'),
];

/** A partial update: 11440 gains FTO and SDGT, 90002 is new. */
export const sdnUpdate2025 = [
  sdnRow(
    11440,
    'SINALOA CARTEL',
    '',
    ['SDNTK', 'FTO', 'SDGT', 'ILLICIT-DRUGS-EO14059'],
    "a.k.a. 'CARTEL DE SINALOA'.",
  ),
  sdnRow(90002, 'FRENTE PRUEBA S.A. DE C.V.', '', ['SDNTK']),
];

/** Writes rows as an OFAC CSV file (CRLF, trailing DOS end-of-file byte) and returns its path. */
export function writeOfacFile(dir: string, name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(`${rows.join('\r\n')}\r\n\x1a`, 'latin1'));
  return path;
}
