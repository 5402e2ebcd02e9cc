/**
 * Records read whole for a batch: the head already checked is reused, the records are checked
 * before any worker screens, and a file damaged since it was opened is refused, never screened.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchScreeningPool } from './batch-screening-pool.js';
import { openOrBuildScreener } from './screener-snapshot.js';
import {
  readSnapshotFile,
  recordsIntact,
  withAllRecords,
  withAllRecordsUnchecked,
} from './screener-snapshot-file.js';
import { verifiedNotePath } from './screener-snapshot-note.js';
import { testEntities } from './screener-test-entities.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-snapshot-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lists = [{ list: 'test-list', version: '3', entities: testEntities }];
const versions = [{ list: 'test-list', version: '3', contentHash: 'c3' }];

/** Flips one byte of the last record (or of the first array) of the snapshot file at `path`, in place. */
function damageLastRecord(path: string, section = 'entities.records'): void {
  const bytes = readFileSync(path);
  const bodyStart = 12 + bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, bodyStart)) as {
    sections: Array<{ name: string; offset: number; bytes: number }>;
  };
  const records = header.sections.find((x) => x.name === section)!;
  const at = bodyStart + records.offset + records.bytes - 3;
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(path, bytes);
}

const keyOf = (path: string): string => {
  const bytes = readFileSync(path);
  return (JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as { key: string }).key;
};

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

  it('checked once per state of the file: noted, trusted while unchanged, checked again once written', async () => {
    const { snapshot, path } = await openOrBuildScreener(join(dir, 'noted'), versions, () => lists);
    expect(existsSync(verifiedNotePath(path))).toBe(true);
    // The head was checked when the snapshot was written and read back; the records not yet.
    expect(withAllRecordsUnchecked(snapshot).recordsUnchecked).toBe(true);
    const pool = await BatchScreeningPool.start(snapshot, { workers: 1 });
    await pool.close();
    // The pool's worker checked them: the next batch on the unchanged file reads them as checked.
    const again = readSnapshotFile(path, keyOf(path), 'on-demand')!;
    expect(withAllRecordsUnchecked(again).recordsUnchecked).toBeUndefined();
    // A write to the file (here one flipped byte of the head) changes its stamp: checked and refused.
    damageLastRecord(path, 'index.aliasEntity');
    expect(readSnapshotFile(path, keyOf(path), 'on-demand')).toBeUndefined();
    expect(readSnapshotFile(path, keyOf(path), 'all')).toBeUndefined();
    expect(withAllRecordsUnchecked(again).recordsUnchecked).toBe(true);
  });
});
