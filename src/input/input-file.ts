/**
 * A user's file from disk to records in one call: read, decode, parse. The doors (CLI, API uploads)
 * hand bytes or a path here and report `warnings` on stderr.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/input-error.js';
import { decodeInput, type InputEncoding } from './input-decoding.js';
import { type InputRecords, type RecordOptions, readRecords } from './input-records.js';

export interface InputFile extends InputRecords {
  encoding: InputEncoding;
}

/**
 * @example
 * const input = readInputFile('customers.csv', { required: ['id', 'name'], idColumn: 'id' });
 * for (const w of input.warnings) process.stderr.write(`${w}\n`);
 */
export function readInputFile(file: string, options: RecordOptions = {}, bytes?: Uint8Array): InputFile {
  let data: Uint8Array;
  try {
    data = bytes ?? readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`,
      {
        file,
      },
    );
  }
  const decoded = decodeInput(data, file);
  const records = readRecords(decoded.text, file, options);
  return { ...records, encoding: decoded.encoding, warnings: [...decoded.warnings, ...records.warnings] };
}
