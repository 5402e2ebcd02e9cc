/**
 * Alerts from every engine in the embedded SQLite file. Appends are idempotent: an alert whose id
 * is already stored (same subject, rule and period) is left as it was, so re-runs do not duplicate.
 */
import { type Alert, type AlertKind, AlertSchema } from '../../core/alert.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** Which alerts to list; every field narrows the result. */
export interface AlertFilter {
  kind?: AlertKind;
  subject?: string;
  rule?: string;
  /** ISO timestamps, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  limit?: number;
}

export interface AppendResult {
  inserted: number;
  /** Alerts whose id was already stored. */
  unchanged: number;
}

interface AlertRow {
  json: string;
}

/**
 * @example
 * const store = new SqliteAlertStore(openSqlite('sentinela.sqlite'));
 * store.append([alert]);               // { inserted: 1, unchanged: 0 }
 * store.append([alert]);               // { inserted: 0, unchanged: 1 }
 * store.list({ kind: 'warning' });
 */
export class SqliteAlertStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS alerts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      rule_name TEXT NOT NULL,
      rule_version TEXT NOT NULL,
      score REAL NOT NULL,
      severity TEXT,
      created_at TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS alerts_kind_created ON alerts (kind, created_at);
    CREATE INDEX IF NOT EXISTS alerts_subject ON alerts (subject);`);
  }

  /** Validates and stores the alerts in one transaction: all of them or none. */
  append(alerts: readonly Alert[]): AppendResult {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO alerts (id, kind, subject, rule_name, rule_version, score, severity, created_at, json)
       VALUES (@id, @kind, @subject, @ruleName, @ruleVersion, @score, @severity, @createdAt, @json)`,
    );
    const run = this.db.transaction((batch: readonly Alert[]) => {
      let inserted = 0;
      for (const raw of batch) {
        const alert = AlertSchema.parse(raw);
        const info = insert.run({
          id: alert.id,
          kind: alert.kind,
          subject: alert.subject,
          ruleName: alert.rule.name,
          ruleVersion: alert.rule.version,
          score: alert.score,
          severity: alert.severity ?? null,
          createdAt: alert.createdAt,
          json: JSON.stringify(alert),
        });
        inserted += info.changes;
      }
      return inserted;
    });
    const inserted = run(alerts);
    return { inserted, unchanged: alerts.length - inserted };
  }

  get(id: string): Alert | undefined {
    const row = this.db.prepare('SELECT json FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row ? (JSON.parse(row.json) as Alert) : undefined;
  }

  /** Newest first. */
  list(filter: AlertFilter = {}): Alert[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.kind) {
      where.push('kind = @kind');
      params.kind = filter.kind;
    }
    if (filter.subject) {
      where.push('subject = @subject');
      params.subject = filter.subject;
    }
    if (filter.rule) {
      where.push('rule_name = @rule');
      params.rule = filter.rule;
    }
    if (filter.createdFrom) {
      where.push('created_at >= @createdFrom');
      params.createdFrom = filter.createdFrom;
    }
    if (filter.createdTo) {
      where.push('created_at <= @createdTo');
      params.createdTo = filter.createdTo;
    }
    const sql =
      'SELECT json FROM alerts' +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY created_at DESC, id' +
      (filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '');
    const rows = this.db.prepare(sql).all(params) as AlertRow[];
    return rows.map((r) => JSON.parse(r.json) as Alert);
  }

  count(filter: Pick<AlertFilter, 'kind'> = {}): number {
    const row = filter.kind
      ? this.db.prepare('SELECT count(*) AS n FROM alerts WHERE kind = ?').get(filter.kind)
      : this.db.prepare('SELECT count(*) AS n FROM alerts').get();
    return (row as { n: number }).n;
  }
}
