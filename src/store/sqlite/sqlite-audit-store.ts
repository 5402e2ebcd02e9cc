/**
 * The audit log in the embedded SQLite file (tables `audit_log`, `audit_checkpoints`,
 * `audit_signing_keys`). Triggers refuse UPDATE and DELETE on the log, so no code path can change
 * history by accident; someone with the file can still drop them, which verification then catches.
 */
import type { AuditCheckpoint, AuditSigningKey } from '../../audit/index.js';
import {
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
  type AuditValue,
  emptyAuditHead,
  sealAuditEntry,
} from '../../audit/index.js';
import type { AuditFilter, AuditStore } from '../../core/index.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  count: number;
  head_hash: string;
  at: string;
  key_id: string;
  signature: string;
}

interface KeyRow {
  key_id: string;
  public_key_pem: string;
  private_key_pem: string;
  created_at: string;
}

/** A value that no longer parses is handed to the verifier as-is, where it fails its hash. */
function parsed(text: string): AuditValue {
  try {
    return JSON.parse(text) as AuditValue;
  } catch {
    return { unparsable: text };
  }
}

function fromRow(row: EntryRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    before: parsed(row.before_json),
    after: parsed(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const maxPage = 1000;

/**
 * @example
 * const audit = new SqliteAuditStore(openSqlite('sentinela.sqlite'));
 * await audit.append({ actor: 'ana', action: 'user.add', target: 'user:bo', before: null, after: { role: 'analyst' } });
 */
export class SqliteAuditStore implements AuditStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      before_json TEXT NOT NULL,
      after_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_log_target ON audit_log (target);
    CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor);
    CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TABLE IF NOT EXISTS audit_checkpoints (
      count INTEGER NOT NULL,
      head_hash TEXT NOT NULL,
      at TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit_signing_keys (
      key_id TEXT PRIMARY KEY,
      public_key_pem TEXT NOT NULL,
      private_key_pem TEXT NOT NULL,
      created_at TEXT NOT NULL
    );`);
  }

  async append(draft: AuditDraft): Promise<AuditEntry> {
    const insert = this.db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, target, before_json, after_json, prev_hash, hash)
       VALUES (@seq, @at, @actor, @action, @target, @before, @after, @prevHash, @hash)`,
    );
    // IMMEDIATE takes the write lock before reading the head: no two writers seal onto one head.
    const seal = this.db.transaction((d: AuditDraft) => {
      const entry = sealAuditEntry(this.headNow(), d);
      insert.run({ ...entry, before: JSON.stringify(entry.before), after: JSON.stringify(entry.after) });
      return entry;
    });
    return seal.immediate(draft);
  }

  async head(): Promise<AuditHead> {
    return this.headNow();
  }

  private headNow(): AuditHead {
    const row = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return row ? { count: row.seq, headHash: row.hash } : emptyAuditHead;
  }

  async entries(range: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(maxPage, Math.max(1, Math.floor(range.limit ?? maxPage)));
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(range.afterSeq ?? 0, limit) as EntryRow[];
    return rows.map(fromRow);
  }

  async find(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    for (const field of ['actor', 'action', 'target'] as const) {
      const value = filter[field];
      if (value !== undefined) {
        where.push(`${field} = @${field}`);
        params[field] = value;
      }
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = filter.beforeSeq;
    }
    params.limit = Math.min(maxPage, Math.max(1, Math.floor(filter.limit ?? 100)));
    const sql = `SELECT * FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as EntryRow[]).map(fromRow);
  }

  async addCheckpoint(c: AuditCheckpoint): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO audit_checkpoints (count, head_hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)',
      )
      .run(c.count, c.headHash, c.at, c.keyId, c.signature);
  }

  async checkpoints(): Promise<AuditCheckpoint[]> {
    const rows = this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY rowid').all() as CheckpointRow[];
    return rows.map((r) => ({
      count: r.count,
      headHash: r.head_hash,
      at: r.at,
      keyId: r.key_id,
      signature: r.signature,
    }));
  }

  async publicKey(): Promise<{ keyId: string; publicKeyPem: string } | undefined> {
    const row = this.db
      .prepare('SELECT key_id, public_key_pem FROM audit_signing_keys ORDER BY created_at, key_id LIMIT 1')
      .get() as Pick<KeyRow, 'key_id' | 'public_key_pem'> | undefined;
    return row ? { keyId: row.key_id, publicKeyPem: row.public_key_pem } : undefined;
  }

  async signingKey(create: () => AuditSigningKey): Promise<AuditSigningKey> {
    const getOrCreate = this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT * FROM audit_signing_keys ORDER BY created_at, key_id LIMIT 1')
        .get() as KeyRow | undefined;
      if (row)
        return {
          keyId: row.key_id,
          publicKeyPem: row.public_key_pem,
          privateKeyPem: row.private_key_pem,
          createdAt: row.created_at,
        };
      const key = create();
      this.db
        .prepare(
          'INSERT INTO audit_signing_keys (key_id, public_key_pem, private_key_pem, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(key.keyId, key.publicKeyPem, key.privateKeyPem, key.createdAt);
      return key;
    });
    return getOrCreate.immediate();
  }
}
