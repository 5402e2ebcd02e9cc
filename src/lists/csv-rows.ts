/**
 * An RFC 4180 CSV tokenizer that keeps the line each row starts on, so every list error can say
 * `file:line`. Kept here rather than using csv-parse because readers need the exact start line of
 * multi-line rows and the line where an unclosed quote began.
 */
import { InputError } from '../core/index.js';

/** One CSV record and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into rows. Accepts CRLF or LF; blank lines are skipped. Throws an InputError
 * for an unclosed quote (at the line it opened) or a quote in the middle of an unquoted field.
 *
 * @example
 * parseCsvRows('1,"A, B"\r\n2,C\r\n', 'x.csv') // [{ line: 1, fields: ['1', 'A, B'] }, { line: 2, fields: ['2', 'C'] }]
 */
export function parseCsvRows(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // Skip blank lines between records.
    const c0 = text.charCodeAt(i);
    if (c0 === 10) {
      line++;
      i++;
      continue;
    }
    if (c0 === 13 && text.charCodeAt(i + 1) === 10) {
      i++;
      continue;
    }
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        const quoteLine = line;
        let out = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new InputError('unclosed quote: the quoted field never ends', {
              file,
              line: quoteLine,
              field: `column ${fields.length + 1}`,
            });
          }
          const chunk = text.slice(j, q);
          line += countNewlines(chunk);
          out += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        value = out;
        const next = text.charCodeAt(i);
        if (i < n && next !== 44 && next !== 10 && next !== 13) {
          throw new InputError('unexpected text after a closing quote', {
            file,
            line,
            field: `column ${fields.length + 1}`,
          });
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) {
            throw new InputError(
              'quote inside an unquoted field (quote the whole field and double inner quotes)',
              {
                file,
                line,
                field: `column ${fields.length + 1}`,
              },
            );
          }
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) {
        i++;
        line++;
      }
      break;
    }
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) count++;
  return count;
}
