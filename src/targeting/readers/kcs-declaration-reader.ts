import {
  type Declaration,
  type DeclarationBatch,
  type DeclarationLabels,
  dayNumber,
} from '../declaration.js';
import { RowCells, RowRejection, parseCsvTable, requireColumns } from './csv-rows.js';
import { hs6Of } from './hs-code.js';

/** The 20 columns a KCS file must have; `Fraud` and `Critical Fraud` are optional labels. */
export const kcsColumns = [
  'Declaration ID',
  'Date',
  'Office ID',
  'Process Type',
  'Import Type',
  'Import Use',
  'Payment Type',
  'Mode of Transport',
  'Declarant ID',
  'Importer ID',
  'Seller ID',
  'Courier ID',
  'HS6 Code',
  'Country of Departure',
  'Country of Origin',
  'Tax Rate',
  'Tax Type',
  'Country of Origin Indicator',
  'Net Mass',
  'Item Price',
] as const;

/** True when the header looks like a KCS declaration file (used to pick a reader). */
export function isKcsHeader(header: string[]): boolean {
  return header.includes('Declaration ID') && header.includes('HS6 Code');
}

/**
 * Reads KCS declaration CSV text. Missing columns throw an InputError (line 1); bad rows are
 * collected in `rejected`, never thrown, so one typo does not stop a day's scoring.
 * @example readKcsDeclarations(readFileSync(path, 'utf8'), path).declarations.length
 */
export function readKcsDeclarations(text: string, file: string): DeclarationBatch {
  const table = parseCsvTable(text, file);
  requireColumns(table, kcsColumns, file);
  const hasFraud = table.column('Fraud') !== undefined;
  const hasCritical = table.column('Critical Fraud') !== undefined;
  const batch: DeclarationBatch = { declarations: [], rejected: [], rowsIn: table.rows.length };
  const seenIds = new Set<string>();
  for (const row of table.rows) {
    try {
      const d = kcsRow(new RowCells(table, row), file, row.line, hasFraud, hasCritical);
      if (seenIds.has(d.id)) throw new RowRejection('Declaration ID', `"${d.id}" appears twice in the file`);
      seenIds.add(d.id);
      batch.declarations.push(d);
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      batch.rejected.push({ file, line: row.line, field: error.field, reason: error.reason });
    }
  }
  return batch;
}

function kcsRow(
  cells: RowCells,
  file: string,
  line: number,
  hasFraud: boolean,
  hasCritical: boolean,
): Declaration {
  const id = cells.text('Declaration ID', true);
  const date = cells.text('Date', true);
  const day = dayNumber(date);
  if (day === undefined) throw new RowRejection('Date', `"${date}" is not a date in YYYY-MM-DD form`);
  const hsRaw = cells.text('HS6 Code', true);
  const hs6 = hs6Of(hsRaw);
  if (!hs6) throw new RowRejection('HS6 Code', `"${hsRaw}" is not a six-digit HS code`);
  let labels: DeclarationLabels | undefined;
  if (hasFraud) {
    const fraud = cells.oneOf('Fraud', ['0', '1'] as const) === '1' ? 1 : 0;
    const critical = hasCritical ? Number(cells.oneOf('Critical Fraud', ['0', '1', '2'] as const)) : fraud;
    if (fraud === 0 && critical !== 0)
      throw new RowRejection('Critical Fraud', `is ${critical} but Fraud is 0; critical fraud implies fraud`);
    labels = { fraud, critical: critical as 0 | 1 | 2 };
  }
  const declaration: Declaration = {
    id,
    date,
    day,
    office: cells.text('Office ID', true),
    processType: cells.text('Process Type'),
    importType: cells.text('Import Type'),
    importUse: cells.text('Import Use'),
    paymentType: cells.text('Payment Type'),
    transportMode: cells.text('Mode of Transport'),
    declarant: cells.text('Declarant ID', true),
    importer: cells.text('Importer ID', true),
    seller: cells.text('Seller ID'),
    courier: cells.text('Courier ID'),
    hs6,
    departureCountry: cells.text('Country of Departure'),
    originCountry: cells.text('Country of Origin'),
    taxRate: cells.number('Tax Rate', { required: false, min: 0 }),
    taxType: cells.text('Tax Type'),
    originIndicator: cells.text('Country of Origin Indicator'),
    netMassKg: cells.number('Net Mass', { min: 0 }),
    value: cells.number('Item Price', { min: 0 }),
    description: '',
    source: { file, line },
  };
  if (labels) declaration.labels = labels;
  return declaration;
}
