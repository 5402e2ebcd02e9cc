/**
 * Records read whole for a batch: the head already checked is reused, the records are checked
 * before any worker screens, and a file damaged since it was opened is refused, never screened.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchScreeningPool } from './batch-screening-pool.js';
import { openOrBuildScreener } from './screener-snapshot.js';
import { recordsIntact, withAllRecords, withAllRecordsUnchecked } from './screener-snapshot-file.js';
import { testEntities } from './screener-test-entities.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-snapshot-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lists = [{ list: 'test-list', version: '3', entities: testEntities }];
const versions = [{ list: 'test-list', version: '3', contentHash: 'c3' }];

/** Flips one byte of the last record of the snapshot file at `path`, in place. */
function damageLastRecord(path: string): void {
  const bytes = readFileSync(path);
  const bodyStart = 12 + bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, bodyStart)) as {
    sections: Array<{ name: string; offset: number; bytes: number }>;
  };
  const records = header.sections.find((x) => x.name === 'entities.records')!;
  const at = bodyStart + records.offset + records.bytes - 3;
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(path, bytes);
}

describe('snapshot records read whole', () => {
  it('are the same bytes as the file, and pass their check', async () => {
    const { snapshot, path } = await openOrBuildScreener(join(dir, 'good'), versions, () => lists);
    const full = withAllRecordsUnchecked(snapshot);
    expect(full.recordsUnchecked).toBe(true);
    expect(recordsIntact(full)).toBe(true);
    const file = readFileSync(path);
    const body = file.subarray(12 + file.readUInt32LE(8));
    expect(Buffer.from(full.body).equals(body)).toBe(true);
    expect(withAllRecords(snapshot).recordsUnchecked).toBeUndefined();
  });

  it('damaged after the snapshot was opened: refused here and by the batch pool', async () => {
    const { snapshot, path } = await openOrBuildScreener(join(dir, 'damaged'), versions, () => lists);
    damageLastRecord(path);
    expect(recordsIntact(withAllRecordsUnchecked(snapshot))).toBe(false);
    expect(() => withAllRecords(snapshot)).toThrow(/damaged/);
    await expect(BatchScreeningPool.start(snapshot, { workers: 2 })).rejects.toThrow(/damaged/);
  });
});
