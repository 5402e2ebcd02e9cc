/**
 * The audit log on PostgreSQL (tables `audit_log`, `audit_checkpoints`, `audit_signing_keys`).
 * `append` seals each entry onto the head under an advisory lock held to commit, so writers in
 * any number of processes extend one chain and never fork it. A trigger refuses UPDATE, DELETE
 * and TRUNCATE on the log; someone with owner rights can still drop it, which verification catches.
 */
import { sql } from 'kysely';
import {
  type AuditCheckpoint,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
  type AuditSigningKey,
  type AuditValue,
  emptyAuditHead,
  sealAuditEntry,
} from '../../audit/index.js';
import type { AuditFilter, AuditStore } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type Executor = Pick<PostgresDatabase, 'selectFrom'>;

const maxPage = 1000;

/** A value that no longer parses is handed to the verifier as-is, where it fails its hash. */
function parsed(text: string): AuditValue {
  try {
    return JSON.parse(text) as AuditValue;
  } catch {
    return { unparsable: text };
  }
}

function fromRow(row: PostgresSchema['audit_log']): AuditEntry {
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

async function headOf(db: Executor): Promise<AuditHead> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { count: row.seq, headHash: row.hash } : emptyAuditHead;
}

/**
 * @example
 * const audit = new PostgresAuditStore(await openPostgres(url));
 * await audit.append({ actor: 'ana', action: 'user.add', target: 'user:bo', before: null, after: { role: 'analyst' } });
 */
export class PostgresAuditStore implements AuditStore {
  constructor(private readonly db: PostgresDatabase) {}

  async append(draft: AuditDraft): Promise<AuditEntry> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':audit'))`.execute(trx);
      const entry = sealAuditEntry(await headOf(trx), draft);
      await trx
        .insertInto('audit_log')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          before_json: JSON.stringify(entry.before),
          after_json: JSON.stringify(entry.after),
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })
        .execute();
      return entry;
    });
  }

  async head(): Promise<AuditHead> {
    return headOf(this.db);
  }

  async entries(range: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(maxPage, Math.max(1, Math.floor(range.limit ?? maxPage)));
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', range.afterSeq ?? 0)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  async find(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    for (const field of ['actor', 'action', 'target'] as const) {
      const value = filter[field];
      if (value !== undefined) query = query.where(field, '=', value);
    }
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    const limit = Math.min(maxPage, Math.max(1, Math.floor(filter.limit ?? 100)));
    return (await query.orderBy('seq', 'desc').limit(limit).execute()).map(fromRow);
  }

  async addCheckpoint(c: AuditCheckpoint): Promise<void> {
    await this.db
      .insertInto('audit_checkpoints')
      .values({ count: c.count, head_hash: c.headHash, at: c.at, key_id: c.keyId, signature: c.signature })
      .execute();
  }

  async checkpoints(): Promise<AuditCheckpoint[]> {
    const rows = await this.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
    return rows.map((r) => ({
      count: r.count,
      headHash: r.head_hash,
      at: r.at,
      keyId: r.key_id,
      signature: r.signature,
    }));
  }

  async publicKey(): Promise<{ keyId: string; publicKeyPem: string } | undefined> {
    const row = await this.db
      .selectFrom('audit_signing_keys')
      .select(['key_id', 'public_key_pem'])
      .orderBy('created_at')
      .orderBy('key_id')
      .limit(1)
      .executeTakeFirst();
    return row ? { keyId: row.key_id, publicKeyPem: row.public_key_pem } : undefined;
  }

  async signingKey(create: () => AuditSigningKey): Promise<AuditSigningKey> {
    return this.db.transaction().execute(async (trx) => {
      // One key per installation, even when several processes start at once.
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':audit-key'))`.execute(trx);
      const row = await trx
        .selectFrom('audit_signing_keys')
        .selectAll()
        .orderBy('created_at')
        .orderBy('key_id')
        .limit(1)
        .executeTakeFirst();
      if (row)
        return {
          keyId: row.key_id,
          publicKeyPem: row.public_key_pem,
          privateKeyPem: row.private_key_pem,
          createdAt: row.created_at,
        };
      const key = create();
      await trx
        .insertInto('audit_signing_keys')
        .values({
          key_id: key.keyId,
          public_key_pem: key.publicKeyPem,
          private_key_pem: key.privateKeyPem,
          created_at: key.createdAt,
        })
        .execute();
      return key;
    });
  }
}
