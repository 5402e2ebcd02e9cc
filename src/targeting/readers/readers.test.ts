import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { kcsHeader } from '../testing/declaration-fixtures.js';
import { readCrossingManifest } from './crossing-manifest-reader.js';
import { readDeclarations } from './declaration-file.js';
import { readKcsDeclarations } from './kcs-declaration-reader.js';

const good =
  '97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0';

describe('KCS declaration reader', () => {
  it('reads a valid row into the declaration model', () => {
    const b = readKcsDeclarations(`${kcsHeader}\n${good}\n`, 'k.csv');
    expect(b.rowsIn).toBe(1);
    const d = b.declarations[0]!;
    expect(d).toMatchObject({
      id: '97061800',
      importer: 'QLRUBN9',
      seller: '0VKY2BR',
      courier: '',
      hs6: '440890',
    });
    expect(d.netMassKg).toBe(108);
    expect(d.value).toBe(372254.4);
    expect(d.labels).toEqual({ fraud: 0, critical: 0 });
    expect(d.source).toEqual({ file: 'k.csv', line: 2 });
  });

  it('rejects bad rows with file, line and field, and counts in = accepted + rejected', () => {
    const rows = [
      good,
      good.replace('97061800,2020-01-01', '1,2020-02-30'),
      good.replace('97061800', '2').replace(',108.0,', ',heavy,'),
      good.replace('97061800', '3').replace(',440890,', ',44,'),
      good.replace('97061800', '4').replace(',QLRUBN9,', ',,'),
      good.replace('97061800', '5').replace(/,0,0$/, ',0,2'),
      good,
    ];
    const b = readKcsDeclarations(`${kcsHeader}\n${rows.join('\n')}\n`, 'k.csv');
    expect(b.rowsIn).toBe(7);
    expect(b.declarations).toHaveLength(1);
    expect(b.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'Date'],
      [4, 'Net Mass'],
      [5, 'HS6 Code'],
      [6, 'Importer ID'],
      [7, 'Critical Fraud'],
      [8, 'Declaration ID'],
    ]);
    expect(b.rejected[1]!.reason).toBe('"heavy" is not a number');
    expect(b.rejected.every((r) => r.file === 'k.csv')).toBe(true);
  });

  it('accepts files without label columns and fails on missing required columns', () => {
    const unlabelled = kcsHeader.split(',').slice(0, 20).join(',');
    const b = readKcsDeclarations(`${unlabelled}\n${good.split(',').slice(0, 20).join(',')}\n`, 'u.csv');
    expect(b.declarations[0]!.labels).toBeUndefined();
    const noHs = kcsHeader.replace('HS6 Code', 'HS');
    expect(() => readKcsDeclarations(`${noHs}\n${good}\n`, 'x.csv')).toThrow(InputError);
    expect(() => readKcsDeclarations(`${noHs}\n${good}\n`, 'x.csv')).toThrow(
      /^x\.csv:1: field "HS6 Code": missing column/,
    );
  });
});

describe('crossing manifest reader', () => {
  const header =
    'Crossing ID,Time,Port of Entry,Carrier,Tractor Plate,Trailer Plate,Driver ID,Shipper,Consignee,Commodity Description,HS Code,Gross Weight kg,Declared Value USD,Origin Country,Departure Country,Route';
  const row =
    'X-1,2024-03-05T14:20,Eagle Pass TX,Carrier A,TX-123,TR-9,DRV-77,Shipper SA de CV,Consignee LLC,Drying agent for piglets,2309.90,18000,21000,MX,MX,Piedras Negras > Eagle Pass';

  it('maps a crossing onto the declaration model', () => {
    const b = readDeclarations(`${header}\n${row}\n`, 'm.csv');
    const d = b.declarations[0]!;
    expect(d).toMatchObject({
      id: 'X-1',
      date: '2024-03-05',
      office: 'Eagle Pass TX',
      importer: 'Consignee LLC',
      seller: 'Shipper SA de CV',
      courier: 'Carrier A',
      hs6: '230990',
      description: 'Drying agent for piglets',
    });
    expect(d.extra).toMatchObject({
      driverId: 'DRV-77',
      tractorPlate: 'TX-123',
      route: 'Piedras Negras > Eagle Pass',
    });
  });

  it('rejects bad crossings with line and field', () => {
    const bad = [
      row.replace('2024-03-05T14:20', 'yesterday'),
      row.replace('X-1', 'X-2').replace(',MX,MX,', ',Mexico,MX,'),
    ];
    const b = readCrossingManifest(`${header}\n${bad.join('\n')}\n`, 'm.csv');
    expect(b.rejected.map((r) => `${r.line}:${r.field}`)).toEqual(['2:Time', '3:Origin Country']);
  });

  it('refuses a file in neither format', () => {
    expect(() => readDeclarations('a,b\n1,2\n', 'z.csv')).toThrow(/^z\.csv:1: unknown declarations format/);
  });
});
