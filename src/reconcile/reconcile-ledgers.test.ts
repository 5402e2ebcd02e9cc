import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReject } from '../core/index.js';
import { GoodsCatalogSchema } from '../goods/index.js';
import {
  ControlledItemListSchema,
  controlledItemsFromGoodsCatalog,
  type GapKind,
  mergeControlledItems,
  readLedger,
  reconcileLedgers,
} from './index.js';

const root = join(import.meta.dirname, '../..');
const controlledItems = mergeControlledItems(
  ControlledItemListSchema.parse(
    JSON.parse(readFileSync(join(root, 'data/reconcile/controlled-items.json'), 'utf8')),
  ),
  controlledItemsFromGoodsCatalog(
    GoodsCatalogSchema.parse(JSON.parse(readFileSync(join(root, 'data/goods/catalog.json'), 'utf8'))),
  ),
);

const EXPORT_HEADER =
  'record_id,date,exporter,importer,end_user,destination_country,via_countries,hs_code,eccn,description,quantity,unit,value,currency,value_basis';
const IMPORT_HEADER =
  'record_id,date,importer,exporter,origin_country,hs_code,description,quantity,unit,value,currency,value_basis';

const exporterSpellings = [
  'Acme Semiconductor Inc.',
  'ACME SEMICONDUCTOR INCORPORATED',
  'Acme Semiconductor, Inc',
];
const importerSpellings = [
  'Química del Bajío S.A. de C.V.',
  'QUIMICA DEL BAJIO SA DE CV',
  'Quimica del Bajio, S.A. DE C.V.',
];

function day(n: number): string {
  return new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A clean history of one party pair shipping acetic anhydride: each pair carries noise (lags of
 * 2–40 days, kg / g / t, CIF against FOB, spellings and legal forms, HS at 10 and 8 digits).
 */
function history(n: number): { exports: string[]; imports: string[] } {
  const exports: string[] = [];
  const imports: string[] = [];
  for (let k = 0; k < n; k++) {
    const kg = 1000 + ((k * 7919) % 9000);
    const value = kg * 1.4;
    const lag = 2 + ((k * 13) % 39);
    exports.push(
      `HX-${k},${day(k * 9)},"${exporterSpellings[k % 3]}","${importerSpellings[(k + 1) % 3]}",,MX,,2915.24.0000,,acetic anhydride,${kg},kg,${value.toFixed(2)},USD,FOB`,
    );
    const [q, unit] = k % 3 === 0 ? [kg * 1000, 'g'] : k % 3 === 1 ? [kg / 1000, 't'] : [kg, 'kg'];
    const cif = k % 2 === 0;
    imports.push(
      `HM-${k},${day(k * 9 + lag)},"${importerSpellings[k % 3]}","${exporterSpellings[(k + 2) % 3]}",US,${k % 2 ? '29152401' : '2915.24.01'},anhidrido acetico,${q},${unit},${(cif ? value * 1.1 : value).toFixed(2)},USD,${cif ? 'CIF' : 'FOB'}`,
    );
  }
  return { exports, imports };
}

async function reconcile(exports: string[], imports: string[]) {
  const ex = await readLedger([`${EXPORT_HEADER}\n${exports.join('\n')}\n`], {
    side: 'export',
    file: 'e.csv',
    format: 'csv',
  });
  const im = await readLedger([`${IMPORT_HEADER}\n${imports.join('\n')}\n`], {
    side: 'import',
    file: 'i.csv',
    format: 'csv',
  });
  expect([...ex.rejected, ...im.rejected].map(formatReject)).toEqual([]);
  return reconcileLedgers({ exports: ex.table, imports: im.table, controlledItems, aggregate: true });
}

const kinds = (gaps: Array<{ kind: GapKind; export_ids: string[]; import_ids: string[] }>) =>
  gaps.map((g) => [g.kind, g.export_ids, g.import_ids]);

describe('reconcileLedgers', () => {
  it('finds no gap in mirror records that differ only by lag, units, valuation, spelling and HS detail', async () => {
    const h = history(30);
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps)).toEqual([]);
    expect(r.matched).toMatchObject({ groups: 30, exports: 30, imports: 30 });
    expect([r.exportCountry, r.importCountry]).toEqual(['US', 'MX']);
  });

  it('matches a shipment split on arrival and two consolidated into one import, without gaps', async () => {
    const h = history(20);
    h.exports.push(
      `SP-1,${day(300)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,10000,kg,14000.00,USD,FOB`,
    );
    h.imports.push(
      `SP-1a,${day(310)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,4000,kg,6160.00,USD,CIF`,
    );
    h.imports.push(
      `SP-1b,${day(313)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,6000000,g,9240.00,USD,CIF`,
    );
    h.exports.push(
      `CO-1,${day(320)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,3000,kg,4200.00,USD,FOB`,
    );
    h.exports.push(
      `CO-2,${day(323)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,5000,kg,7000.00,USD,FOB`,
    );
    h.imports.push(
      `CO-M,${day(335)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,8,t,12320.00,USD,CIF`,
    );
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps)).toEqual([]);
    expect(r.matched).toMatchObject({ splits: 1, consolidations: 1 });
  });

  it('pairs records globally: a look-alike earlier import does not take another export’s partner', async () => {
    const h = history(20);
    // Two exports a day apart; the first one's import arrives after the second's.
    h.exports.push(
      `GA-1,${day(400)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,2000,kg,2800.00,USD,FOB`,
    );
    h.exports.push(
      `GA-2,${day(401)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,2600,kg,3640.00,USD,FOB`,
    );
    h.imports.push(
      `GM-2,${day(405)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,2600,kg,4004.00,USD,CIF`,
    );
    h.imports.push(
      `GM-1,${day(409)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,2000,kg,3080.00,USD,CIF`,
    );
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps)).toEqual([]);
  });

  it('meets a party through a clerk’s typo in its name', async () => {
    const h = history(20);
    h.exports.push(
      `TY-1,${day(300)},Acme Semicondcutor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,4321,kg,6049.40,USD,FOB`,
    );
    h.imports.push(
      `TY-M,${day(309)},Quimica del Bajoi SA de CV,Acme Semiconductor Inc,US,29152401,x,4321,kg,6654.34,USD,CIF`,
    );
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps)).toEqual([]);
  });

  it('keeps a split whole when one part looks like another export’s import', async () => {
    const h = history(20);
    const x = (id: string, d: number, kg: number) =>
      `${id},${day(d)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,,MX,,2915240000,,acetic anhydride,${kg},kg,${(kg * 1.4).toFixed(2)},USD,FOB`;
    const m = (id: string, d: number, kg: number) =>
      `${id},${day(d)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,US,29152401,x,${kg},kg,${(kg * 1.4 * 1.1).toFixed(2)},USD,CIF`;
    // SP-1 leaves in two imports; LA-1, the same size as one part, arrives later than that part.
    h.exports.push(x('SP-1', 300, 5000), x('LA-1', 302, 2000));
    h.imports.push(m('SP-a', 304, 2000), m('SP-b', 306, 3000), m('LA-M', 330, 2000));
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps)).toEqual([]);
    const ids = r.groups.map((g) => [g.exports.length, g.imports.length]);
    expect(ids.filter(([e, i]) => e === 1 && i === 2)).toHaveLength(1);
  });

  it('compares peso invoices month by month, so a moving exchange rate is no gap but a short invoice is', async () => {
    const exports: string[] = [];
    const imports: string[] = [];
    for (let k = 0; k < 240; k++) {
      const kg = 1000 + ((k * 7919) % 9000);
      const usd = kg * 1.4;
      const rate = 17 + (2 * k) / 240; // the peso weakens over the year
      const lag = 2 + ((k * 13) % 20);
      exports.push(
        `PX-${k},${day(k * 1.5)},"${exporterSpellings[k % 3]}","${importerSpellings[k % 3]}",,MX,,2915240000,,acetic anhydride,${kg},kg,${usd.toFixed(2)},USD,FOB`,
      );
      const factor = k === 200 ? 0.55 : 1;
      imports.push(
        `PM-${k},${day(k * 1.5 + lag)},"${importerSpellings[k % 3]}","${exporterSpellings[k % 3]}",US,29152401,x,${kg},kg,${(usd * rate * 1.08 * factor).toFixed(2)},MXN,CIF`,
      );
    }
    const r = await reconcile(exports, imports);
    expect(kinds(r.gaps)).toEqual([['value-gap', ['PX-200'], ['PM-200']]]);
  });

  it('reports each kind of gap once, with its records and evidence', async () => {
    const h = history(30);
    const x = (
      id: string,
      d: number,
      kg: number,
      extra: Partial<Record<'end' | 'via' | 'eccn' | 'hs', string>> = {},
    ) =>
      `${id},${day(d)},Acme Semiconductor Inc.,Química del Bajío S.A. de C.V.,${extra.end ?? ''},MX,${extra.via ?? ''},${extra.hs ?? '2915240000'},${extra.eccn ?? ''},goods,${kg},kg,${(kg * 1.4).toFixed(2)},USD,FOB`;
    const m = (id: string, d: number, kg: number, value: number, origin = 'US') =>
      `${id},${day(d)},Quimica del Bajio SA de CV,Acme Semiconductor Inc,${origin},29152401,x,${kg},kg,${value.toFixed(2)},USD,CIF`;
    h.exports.push(x('NI-1', 290, 7777));
    // Far from NI-1 in time: an unmatched export and import of the same parties within the window
    // would be read as one shipment with a quantity gap (see docs/reconcile.md, limits).
    h.imports.push(m('NE-1', 150, 3333, 3333 * 1.4 * 1.1));
    h.exports.push(x('QG-1', 330, 5000));
    h.imports.push(m('QG-M', 340, 3000, 3000 * 1.4 * 1.1));
    h.exports.push(x('VG-1', 360, 4000));
    h.imports.push(m('VG-M', 371, 4000, 4000 * 1.4 * 1.1 * 0.55));
    h.exports.push(x('EU-1', 380, 6100, { end: 'Residencial Lomas 412' }));
    h.imports.push(m('EU-M', 390, 6100, 6100 * 1.4 * 1.1));
    h.exports.push(x('RR-1', 420, 6600, { via: 'PA' }));
    h.imports.push(m('RR-M', 470, 6600, 6600 * 1.4 * 1.1, 'PA'));
    const r = await reconcile(h.exports, h.imports);
    expect(kinds(r.gaps).sort()).toEqual(
      [
        ['end-user-mismatch', ['EU-1'], ['EU-M']],
        ['never-exported', [], ['NE-1']],
        ['never-imported', ['NI-1'], []],
        ['quantity-gap', ['QG-1'], ['QG-M']],
        ['re-routing', ['RR-1'], ['RR-M']],
        ['value-gap', ['VG-1'], ['VG-M']],
      ].sort(),
    );
    const byKind = Object.fromEntries(r.gaps.map((g) => [g.kind, g]));
    expect(byKind['quantity-gap']!.evidence.summary).toMatch(
      /3,000 kg against 5,000 kg exported in export QG-1/,
    );
    expect(byKind['quantity-gap']!.evidence).toMatchObject({
      quantity: { baseline: { level: 'party pair × HS6', groups: expect.any(Number) } },
    });
    expect(byKind['value-gap']!.evidence.summary).toMatch(/ratio 0\.55/);
    expect(byKind['re-routing']!.evidence.summary).toMatch(/origin PA .* re-export hub/);
    expect(byKind['end-user-mismatch']!.evidence.summary).toMatch(/"Residencial Lomas 412" as end user/);
    expect(byKind['never-imported']!.evidence.summary).toMatch(/Acetic anhydride/);
    for (const g of r.gaps) {
      expect(g.id).toMatch(/^reconcile-[0-9a-f]{24}$/);
      expect(g.score).toBeGreaterThan(0);
      expect(g.score).toBeLessThanOrEqual(1);
    }
    // Deterministic: the same ledgers give the same ids.
    const again = await reconcile(h.exports, h.imports);
    expect(again.gaps.map((g) => g.id)).toEqual(r.gaps.map((g) => g.id));
    // The mirror view flags the month where goods never arrived.
    expect(r.aggregate!.some((c) => c.month === day(290).slice(0, 7) && c.hs6 === '291524')).toBe(true);
  });

  it('judges quantity and value against the pair’s own history, not a fixed percentage', async () => {
    // This pair always declares 20 % less value on import (a steady valuation difference): normal for it.
    const h = history(30);
    const imports = h.imports.map((line) => {
      const cells = line.split(',');
      const value = Number(cells.at(-3));
      cells[cells.length - 3] = (value * 0.8).toFixed(2);
      return cells.join(',');
    });
    const r = await reconcile(h.exports, imports);
    expect(kinds(r.gaps)).toEqual([]);
  });

  it('weighs controlled goods above ordinary ones', async () => {
    const exports = [
      `C-1,${day(10)},Acme Semiconductor Inc.,Nube Datos SA de CV,,MX,,8542.31.0001,3A090,GPU modules,10,units,250000.00,USD,FOB`,
      `O-1,${day(10)},Acme Semiconductor Inc.,Nube Datos SA de CV,,MX,,9403.60.0000,,furniture,10,units,2500.00,USD,FOB`,
    ];
    const r = await reconcile(exports, [
      `Z-1,${day(200)},Nube Datos SA de CV,Acme Semiconductor Inc,US,94036099,x,1,units,1.00,USD,CIF`,
    ]);
    const c = r.gaps.find((g) => g.export_ids[0] === 'C-1')!;
    const o = r.gaps.find((g) => g.export_ids[0] === 'O-1')!;
    expect(c.kind).toBe('never-imported');
    expect(o.kind).toBe('never-imported');
    expect(c.score).toBeGreaterThan(o.score);
    expect(c.evidence).toMatchObject({ goods: { tier: 'controlled' } });
    expect(o.evidence).toMatchObject({ goods: { tier: 'ordinary' } });
  });
});
