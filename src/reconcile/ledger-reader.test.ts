import { describe, expect, it } from 'vitest';
import { formatReject } from '../core/index.js';
import { readLedger } from './ledger-reader.js';

const EXPORT_HEADER =
  'record_id,date,exporter,importer,end_user,destination_country,via_countries,hs_code,eccn,description,quantity,unit,value,currency,value_basis';

async function readExports(rows: string[]) {
  return readLedger([`${EXPORT_HEADER}\n${rows.join('\n')}\n`], {
    side: 'export',
    file: 'exports.csv',
    format: 'csv',
  });
}

describe('readLedger', () => {
  it('reads a row into typed values: day, HS6, base quantity, ISO country, upper-case ECCN', async () => {
    const r = await readExports([
      'E1,2025-03-02,Acme Inc.,Nube SA de CV,,MEX,AE;HKG,8542.31.0001,3a090.a,GPU,1500,g,100.50,usd,',
    ]);
    expect(r.rejected).toEqual([]);
    const e = r.table.record(0);
    expect(e).toMatchObject({
      recordId: 'E1',
      date: '2025-03-02',
      hs6: '854231',
      hsCode: '8542.31.0001',
      country: 'MX',
      via: ['AE', 'HK'],
    });
    expect(e).toMatchObject({
      eccn: '3A090.A',
      baseQuantity: 1.5,
      dimension: 'mass',
      currency: 'USD',
      valueBasis: 'FOB',
      line: 2,
    });
  });

  it('rejects bad rows with file, line and field, and counts read = accepted + rejected', async () => {
    const r = await readExports([
      'E1,2025-03-02,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,FOB',
      'E2,2025-02-30,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,FOB',
      'E3,2025-03-02,Acme,Nube,,MX,,85423100,,x,-4,units,100,USD,FOB',
      'E4,2025-03-02,Acme,Nube,,MX,,85423100,,x,10,barrels of fun,100,USD,FOB',
      'E5,2025-03-02,Acme,Nube,,MX,,85423100,,x,10,units,100,XYZ,FOB',
      'E1,2025-03-03,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,FOB',
      'E6,03/02/2025,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,FOB',
      'E7,2025-03-02,Acme,Nube,,Mexico,,85423100,,x,10,units,100,USD,FOB',
      'E8,2025-03-02,Acme,Nube,,MX,,8542,,x,10,units,100,USD,FOB',
      'E9,2025-03-02,Acme,,,MX,,85423100,,x,10,units,100,USD,FOB',
      'E10,2025-03-02,Acme,Nube,,MX,,85423100,,x,10,units,100,USD,DDP',
      'E11,2025-03-02,Acme,Nube',
    ]);
    expect(r.read).toBe(12);
    expect(r.table.recordId).toEqual(['E1']);
    expect(r.read).toBe(r.table.length + r.rejected.length);
    const where = r.rejected.map((e) => [e.line, e.field]);
    expect(where).toEqual([
      [3, 'date'],
      [4, 'quantity'],
      [5, 'unit'],
      [6, 'currency'],
      [7, 'record_id'],
      [8, 'date'],
      [9, 'destination_country'],
      [10, 'hs_code'],
      [11, 'importer'],
      [12, 'value_basis'],
      [13, 'row'],
    ]);
    for (const e of r.rejected) expect(e.file).toBe('exports.csv');
    expect(formatReject(r.rejected[1]!)).toMatch(/exports\.csv:4: field "quantity": negative quantity -4/);
    expect(formatReject(r.rejected[4]!)).toMatch(/duplicate record id "E1" \(first on line 2\)/);
    expect(formatReject(r.rejected[3]!)).toMatch(/unknown currency "XYZ"/);
    expect(r.rejected[3]!.id).toBe('E5');
  });

  it('names the missing columns of a ledger and refuses it whole', async () => {
    await expect(
      readLedger(['record_id,date,importer\n'], { side: 'import', file: 'imports.csv', format: 'csv' }),
    ).rejects.toThrow(
      /imports\.csv:1: the import ledger lacks column\(s\) exporter, origin_country, hs_code, quantity, unit, value, currency/,
    );
  });

  it('reads JSON lines, numbers and arrays included, with per-line errors', async () => {
    const lines = [
      JSON.stringify({
        record_id: 'I1',
        date: '2025-03-10',
        importer: 'Nube',
        exporter: 'Acme',
        origin_country: 'US',
        hs_code: 85423101,
        quantity: 2,
        unit: 'pcs',
        value: 10,
        currency: 'USD',
        value_basis: 'CIF',
      }),
      '{not json',
      JSON.stringify({
        record_id: 'I2',
        date: '2025-03-10',
        importer: 'Nube',
        exporter: 'Acme',
        origin_country: 'US',
        hs_code: '85423101',
        quantity: 0,
        unit: 'pcs',
        value: 10,
        currency: 'USD',
      }),
    ];
    const r = await readLedger([`${lines.join('\n')}\n`], {
      side: 'import',
      file: 'i.jsonl',
      format: 'jsonl',
    });
    expect(r.table.toRecords().map((x) => [x.recordId, x.hs6, x.valueBasis])).toEqual([
      ['I1', '854231', 'CIF'],
    ]);
    expect(r.rejected.map((e) => [e.line, e.field])).toEqual([
      [2, 'row'],
      [3, 'quantity'],
    ]);
    expect(r.read).toBe(3);
  });
});
