import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importListVersion } from '../../list-versions/index.js';
import { readList } from '../../lists/index.js';
import { openStores } from '../../store/index.js';
import { packagedDataPath } from '../shared/packaged-data.js';
import { runTargetingScore } from './targeting-score.js';
import { captureIo } from '../shared/testing/run-cli.js';

const header =
  'Crossing ID,Time,Port of Entry,Carrier,Tractor Plate,Trailer Plate,Driver ID,Shipper,Consignee,Commodity Description,HS Code,Gross Weight kg,Declared Value USD,Origin Country,Departure Country,Route';
const rows = [
  'C-1,2024-03-05T14:20,Laredo TX,Transportes Rapidos,TX-1,TR-1,DRV-1,Muebles Finos SA de CV,Home Goods LLC,Wooden chairs,9401.61,9000,21000,MX,MX,Nuevo Laredo > Laredo',
  'C-2,2024-03-05T15:10,Laredo TX,Transportes Rapidos,TX-2,TR-2,DRV-2,Cartel de Sinaloa S.A. de C.V.,Home Goods LLC,Wooden chairs,9401.61,9000,20000,MX,MX,Nuevo Laredo > Laredo',
  'C-3,2024-03-05T16:45,Laredo TX,Fletes del Norte,TX-3,TR-3,DRV-3,Muebles Finos SA de CV,Home Goods LLC,Wooden tables,9403.60,12000,25000,MX,MX,Nuevo Laredo > Laredo',
];

describe('targeting score --screen-parties', () => {
  it('fires the watchlist rule for a shipper the screening engine finds on a loaded list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinela-parties-'));
    const db = join(dir, 'lists.sqlite');
    const watchlist = packagedDataPath('sample', 'sample-watchlist.csv');
    if (!watchlist) throw new Error('data/sample/sample-watchlist.csv is missing from the package');
    const stores = await openStores(db);
    const parsed = await readList([watchlist], {
      format: 'csv',
      list: 'sample-watchlist',
    });
    await importListVersion(stores.lists, parsed);
    await stores.close();
    const input = join(dir, 'crossings.csv');
    writeFileSync(input, `${header}\n${rows.join('\n')}\n`);
    const output = join(dir, 'scores.csv');
    const io = captureIo();

    await runTargetingScore(
      {
        input,
        output,
        capacity: '1',
        per: 'all',
        exploration: 0,
        explorationMode: 'uncertain',
        seed: 1,
        top: 3,
        screenParties: true,
        db,
      },
      io,
    );

    const lines = readFileSync(output, 'utf8').trim().split('\n').slice(1);
    const listed = lines.find((l) => l.startsWith('C-2,'))!;
    expect(listed).toContain('is on a watchlist: sample-watchlist:OFAC-SDN-11440 SINALOA CARTEL');
    // The listed shipper's crossing takes the one inspection.
    expect(listed.split(',')[5]).toBe('1');
    for (const id of ['C-1,', 'C-3,']) expect(lines.find((l) => l.startsWith(id))).not.toContain('watchlist');
    expect(io.stderr).toMatch(/screened \d+ distinct party names against the watchlists: 1 listed/);
    expect(io.stderr).not.toContain('inactive rules (no hook given): watchlisted-party');
  });
});
