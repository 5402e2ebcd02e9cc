import { type Declaration, type DeclarationBatch, dayNumber } from '../declaration.js';
import { RowCells, RowRejection, parseCsvTable, requireColumns } from './csv-rows.js';
import { hs6Of } from './hs-code.js';

/** Columns of the manifest format (see docs/targeting.md); `Fraud`/`Critical Fraud` are optional outcomes. */
export const manifestColumns = [
  'Crossing ID',
  'Time',
  'Port of Entry',
  'Carrier',
  'Tractor Plate',
  'Trailer Plate',
  'Driver ID',
  'Shipper',
  'Consignee',
  'Commodity Description',
  'HS Code',
  'Gross Weight kg',
  'Declared Value USD',
  'Origin Country',
  'Departure Country',
  'Route',
] as const;

/** True when the header looks like a crossing manifest. */
export function isManifestHeader(header: string[]): boolean {
  return header.includes('Crossing ID');
}

const isoTime = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const country = /^[A-Z]{2}$/;

/**
 * Reads manifest CSV text; bad rows are rejected with file, line and field.
 * @example readCrossingManifest(readFileSync(p, 'utf8'), p).rejected
 */
export function readCrossingManifest(text: string, file: string): DeclarationBatch {
  const table = parseCsvTable(text, file);
  requireColumns(table, manifestColumns, file);
  const hasFraud = table.column('Fraud') !== undefined;
  const batch: DeclarationBatch = { declarations: [], rejected: [], rowsIn: table.rows.length };
  const seen = new Set<string>();
  for (const row of table.rows) {
    try {
      const c = new RowCells(table, row);
      const id = c.text('Crossing ID', true);
      if (seen.has(id)) throw new RowRejection('Crossing ID', `"${id}" appears twice in the file`);
      const time = c.text('Time', true);
      const m = isoTime.exec(time);
      const day = m ? dayNumber(m[1]!) : undefined;
      if (!m || day === undefined)
        throw new RowRejection('Time', `"${time}" is not an ISO date-time (2024-03-05T14:20)`);
      const hsRaw = c.text('HS Code', true);
      const hs6 = hs6Of(hsRaw);
      if (!hs6) throw new RowRejection('HS Code', `"${hsRaw}" is not an HS code of 6 to 10 digits`);
      const origin = c.text('Origin Country', true).toUpperCase();
      if (!country.test(origin))
        throw new RowRejection('Origin Country', `"${origin}" is not a two-letter country code`);
      const departure = c.text('Departure Country', true).toUpperCase();
      if (!country.test(departure))
        throw new RowRejection('Departure Country', `"${departure}" is not a two-letter country code`);
      const d: Declaration = {
        id,
        date: m[1]!,
        day,
        office: c.text('Port of Entry', true),
        processType: '',
        importType: '',
        importUse: '',
        paymentType: '',
        transportMode: 'truck',
        declarant: '',
        importer: c.text('Consignee', true),
        seller: c.text('Shipper', true),
        courier: c.text('Carrier', true),
        hs6,
        departureCountry: departure,
        originCountry: origin,
        taxRate: Number.NaN,
        taxType: '',
        originIndicator: '',
        netMassKg: c.number('Gross Weight kg', { min: 0 }),
        value: c.number('Declared Value USD', { min: 0 }),
        description: c.text('Commodity Description', true),
        extra: {
          time,
          carrier: c.text('Carrier'),
          tractorPlate: c.text('Tractor Plate', true),
          trailerPlate: c.text('Trailer Plate'),
          driverId: c.text('Driver ID', true),
          route: c.text('Route'),
        },
        source: { file, line: row.line },
      };
      if (hasFraud) {
        const fraud = c.oneOf('Fraud', ['0', '1'] as const) === '1' ? 1 : 0;
        const critical =
          table.column('Critical Fraud') !== undefined
            ? Number(c.oneOf('Critical Fraud', ['0', '1', '2'] as const))
            : fraud;
        d.labels = { fraud, critical: critical as 0 | 1 | 2 };
      }
      seen.add(id);
      batch.declarations.push(d);
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      batch.rejected.push({ file, line: row.line, field: error.field, reason: error.reason });
    }
  }
  return batch;
}
