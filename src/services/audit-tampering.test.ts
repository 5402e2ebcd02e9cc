/**
 * Tampering with a real SQLite audit log the way someone holding the file would (raw SQL, triggers
 * dropped first) and checking that verification names what was done and where.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  emptyAuditHead,
  sealAuditEntry,
  signCheckpoint,
  generateAuditSigningKey,
} from '../audit/index.js';
import { checkpointFileText, parseCheckpointFile } from './audit-checkpoint-file.js';
import { openSqlite, type SqliteDatabase } from '../store/sqlite/sqlite-database.js';
import { type AccessStores, sqliteAccessStores } from '../store/sqlite/sqlite-access-stores.js';
import { checkpointAudit, recordAudit } from './audit-record.js';
import { verifyAudit } from './audit-verify.js';

let dir: string;
let path: string;
let db: SqliteDatabase;
let stores: AccessStores;

async function writeEntries(n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await recordAudit(stores, {
      actor: i % 2 ? 'ana' : 'sam',
      action: i % 3 ? 'case.comment' : 'case.disposition',
      target: `case:c${i}`,
      before: { status: 'in-review' },
      after: { status: 'closed', reason: `reason ${i}` },
    });
}

/** An entry as the columns of an `audit_log` row, for writing forged rows. */
function rowOf(e: AuditEntry): unknown[] {
  return [
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.target,
    JSON.stringify(e.before),
    JSON.stringify(e.after),
    e.prevHash,
    e.hash,
  ];
}

/** Opens the file the way an attacker would: a second connection, the append-only triggers gone. */
function tamper(sql: string, ...params: unknown[]): void {
  const raw = openSqlite(path);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.prepare(sql).run(...params);
  raw.close();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sentinela-tamper-'));
  path = join(dir, 'sentinela.sqlite');
  db = openSqlite(path);
  stores = sqliteAccessStores(db);
  await writeEntries(10);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function firstProblem(options: Parameters<typeof verifyAudit>[1] = {}) {
  const result = await verifyAudit(stores, options);
  expect(result.ok).toBe(false);
  return result.problems[0]!;
}

describe('audit verification on a real SQLite file', () => {
  it('passes an untouched log, with checkpoints', async () => {
    await checkpointAudit(stores, 'local:test');
    const result = await verifyAudit(stores);
    expect(result).toMatchObject({ ok: true, count: 11, storedCheckpoints: 1 });
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('names an entry whose JSON was edited', async () => {
    tamper(`UPDATE audit_log SET after_json = json_set(after_json, '$.status', 'open') WHERE seq = 4`);
    expect(await firstProblem()).toMatchObject({ kind: 'altered', seq: 4 });
  });

  it('names an entry whose JSON was made unreadable', async () => {
    tamper(`UPDATE audit_log SET before_json = '{"status":' WHERE seq = 2`);
    expect(await firstProblem()).toMatchObject({ kind: 'altered', seq: 2 });
  });

  it('names a deleted entry', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 6');
    const p = await firstProblem();
    expect(p).toMatchObject({ kind: 'missing', seq: 6 });
    expect(p.message).toMatch(/entry 6 is missing/);
  });

  it('names an inserted entry (later entries shifted to make room)', async () => {
    tamper('UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 5');
    tamper('UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000');
    const e4 = (await stores.audit.entries({ afterSeq: 3, limit: 1 }))[0]!;
    const forged = sealAuditEntry(
      { count: 4, headHash: e4.hash },
      {
        actor: 'mallory',
        action: 'case.disposition',
        target: 'case:c99',
        before: null,
        after: { status: 'closed' },
      },
    );
    tamper('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', ...rowOf(forged));
    const result = await verifyAudit(stores);
    expect(result.ok).toBe(false);
    // the forged entry chains correctly onto 4, so the break shows at the first shifted entry
    expect(result.problems[0]).toMatchObject({ kind: 'reordered', seq: 6 });
    expect(result.problems[0]!.message).toMatch(/sealed as number 5/);
  });

  it('names reordered entries', async () => {
    tamper('UPDATE audit_log SET seq = CASE seq WHEN 3 THEN 1003 WHEN 7 THEN 1007 END WHERE seq IN (3, 7)');
    tamper(
      'UPDATE audit_log SET seq = CASE seq WHEN 1003 THEN 7 WHEN 1007 THEN 3 END WHERE seq IN (1003, 1007)',
    );
    const p = await firstProblem();
    expect(p).toMatchObject({ kind: 'reordered', seq: 3 });
    expect(p.message).toMatch(/entry 3 is the entry sealed as number 7/);
  });

  it('names a re-sealed entry (edited with its hash recomputed) by the break after it', async () => {
    const [e4, e5] = await stores.audit.entries({ afterSeq: 3, limit: 2 });
    const resealed = sealAuditEntry({ count: 3, headHash: e4!.prevHash }, { ...e4!, actor: 'mallory' });
    tamper('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 4', resealed.actor, resealed.hash);
    const p = await firstProblem();
    expect(p).toMatchObject({ kind: 'broken-link', seq: 5 });
    expect(e5!.seq).toBe(5);
  });

  it('catches truncation against a stored checkpoint', async () => {
    await checkpointAudit(stores, 'local:test'); // covers entries 1–11
    tamper('DELETE FROM audit_log WHERE seq > 8');
    const p = await firstProblem();
    expect(p).toMatchObject({ kind: 'truncated', seq: 9 });
    expect(p.message).toMatch(/ends at entry 8 .* covers entry 11/);
  });

  it('catches a full rewrite with recomputed hashes and re-signed checkpoints, by the checkpoint file kept elsewhere', async () => {
    const kept = await checkpointAudit(stores, 'local:test');
    const installationKey = (await stores.audit.publicKey())!;
    const file = parseCheckpointFile(checkpointFileText(kept, installationKey.publicKeyPem));

    // The attacker rewrites every entry (hashes recomputed), replaces the key and re-signs checkpoints.
    const entries = await stores.audit.entries();
    const forgedKey = generateAuditSigningKey();
    let head = emptyAuditHead;
    const forged: AuditEntry[] = entries.map((e) => {
      const f = sealAuditEntry(head, { ...e, actor: e.actor === 'sam' ? 'ana' : e.actor });
      head = { count: f.seq, headHash: f.hash };
      return f;
    });
    const raw = openSqlite(path);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec('DELETE FROM audit_log; DELETE FROM audit_checkpoints; DELETE FROM audit_signing_keys;');
    const insert = raw.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of forged) insert.run(...rowOf(f));
    const cp = signCheckpoint(head, forgedKey);
    raw
      .prepare('INSERT INTO audit_checkpoints VALUES (?, ?, ?, ?, ?)')
      .run(cp.count, cp.headHash, cp.at, cp.keyId, cp.signature);
    raw
      .prepare('INSERT INTO audit_signing_keys VALUES (?, ?, ?, ?)')
      .run(forgedKey.keyId, forgedKey.publicKeyPem, forgedKey.privateKeyPem, forgedKey.createdAt);
    raw.close();

    // Without the kept file the forgery is self-consistent…
    expect((await verifyAudit(stores)).ok).toBe(true);
    // …with it, it is not.
    const result = await verifyAudit(stores, { checkpointFiles: [file] });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(['unknown-key', 'rewritten']);
    expect(result.problems[1]!.message).toMatch(/entry 11 is not the entry .* signed/);
  });
});
