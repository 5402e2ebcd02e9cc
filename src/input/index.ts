/**
 * User input files, the public face: one decoder (encoding, line ends) and one record reader (CSV,
 * TSV, JSON lines, JSON arrays; duplicate ids) for every command that reads a customer's file, so
 * a file reads the same in `screen`, `targeting`, `warning` and the goods and ledger commands.
 * CSV is read through one facade (`csv-reader.ts`, one reading loop over csv-parse in
 * `csv-line-reader.ts`) and written by one writer (`csv-writer.ts`).
 */
export { type DecodedInput, decodeInput, type InputEncoding } from './input-decoding.js';
export { decodeInputStream } from './input-stream-decoding.js';
export { readInputFile, type InputFile } from './input-file.js';
export {
  detectRecordFormat,
  type InputRecord,
  type InputRecords,
  type RecordFormat,
  type RecordOptions,
  readRecords,
} from './input-records.js';
export { firstInvalidUtf8Offset, lineOfOffset } from './utf8-validity.js';
export {
  type CsvObjects,
  type CsvReadOptions,
  type CsvRow,
  readCsvObjects,
  readCsvRows,
  streamCsvRows,
} from './csv-reader.js';
export { type CsvBadRecord, CsvLineReader, type CsvRecordSink } from './csv-line-reader.js';
export { type CsvValue, csvCell, csvLine } from './csv-writer.js';
export { type CsvRecord, CsvRowView, type CsvRowVisitor, CsvSplitter } from './csv-splitter.js';
export { TextInterner } from './text-interner.js';
