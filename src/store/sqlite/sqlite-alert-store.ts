/**
 * Alerts from every engine in the embedded SQLite file, with their workflow as columns. Appends are
 * idempotent: an alert whose id is already stored is left as it was, so re-runs do not duplicate.
 * Lists page by keyset on (created_at, id) or (score, id) — never OFFSET — with an index for each
 * filter an analyst's queue uses, so a page costs the same at a million alerts as at a hundred.
 */
import type {
  Alert,
  AlertFilter,
  AlertPage,
  AlertRecord,
  AlertSort,
  AlertStore,
  AlertWorkflowChange,
} from '../../core/index.js';
// The defining file, not the barrel: opening the stores must not load zod; the alert schema is
// loaded when alerts are appended.
import { InputError } from '../../core/input-error.js';
import {
  alertPageSize,
  alertSortKeys,
  decodeAlertCursor,
  encodeAlertCursor,
  listVersionRows,
  splitListVersion,
} from '../alert-paging.js';
import type { SqliteDatabase } from './sqlite-database.js';

const schemaSql = `
CREATE TABLE IF NOT EXISTS alerts (
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
`;

/**
 * Which alerts came from which list version, with the alerts' sort keys copied in so a list-version
 * listing walks this table's own index in order instead of sorting every alert of the version.
 * Each alert has one row per list version it names, and one row with version '' per list (the
 * "any version of this list" filter).
 */
const listVersionSql = `
CREATE TABLE IF NOT EXISTS alert_list_versions (
  list TEXT NOT NULL,
  version TEXT NOT NULL,
  alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (list, version, alert_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alert_list_versions_by_created ON alert_list_versions (list, version, created_at, alert_id);
CREATE INDEX IF NOT EXISTS alert_list_versions_by_score ON alert_list_versions (list, version, score, alert_id);
`;

/** Workflow columns, added to alert tables created before the queue had a workflow. */
const workflowColumns: [string, string][] = [
  ['status', "TEXT NOT NULL DEFAULT 'open'"],
  ['assignee', 'TEXT'],
  ['case_id', 'TEXT'],
  ['disposition', 'TEXT'],
  ['updated_at', 'TEXT'],
];

const indexSql = `
DROP INDEX IF EXISTS alerts_kind_created;
DROP INDEX IF EXISTS alerts_subject;
CREATE INDEX IF NOT EXISTS alerts_by_created ON alerts (created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_score ON alerts (score, id);
CREATE INDEX IF NOT EXISTS alerts_by_kind ON alerts (kind, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_kind_score ON alerts (kind, score, id);
CREATE INDEX IF NOT EXISTS alerts_by_status_score ON alerts (status, score, id);
CREATE INDEX IF NOT EXISTS alerts_by_kind_status ON alerts (kind, status, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_status ON alerts (status, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_subject ON alerts (subject, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_rule ON alerts (rule_name, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_severity ON alerts (severity, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_severity_score ON alerts (severity, score, id);
CREATE INDEX IF NOT EXISTS alerts_by_assignee ON alerts (assignee, created_at, id);
CREATE INDEX IF NOT EXISTS alerts_by_case ON alerts (case_id);
`;

interface AlertRow {
  json: string;
  status: string;
  assignee: string | null;
  case_id: string | null;
  disposition: string | null;
  updated_at: string | null;
  created_at: string;
  score: number;
  id: string;
}

type Params = Record<string, string | number>;

const sorts = alertSortKeys;

/**
 * ORDER BY and keyset comparison of a sort, read from `table`: `alerts`, or `lv`
 * (alert_list_versions) for a list-version listing.
 */
function orderBy(sort: AlertSort, table: string, id: string): { order: string; after: string } {
  const { column, descending } = sorts[sort];
  const direction = descending ? 'DESC' : 'ASC';
  return {
    order: `${table}.${column} ${direction}, ${table}.${id} ${direction}`,
    after: `(${table}.${column}, ${table}.${id}) ${descending ? '<' : '>'} (@cursorKey, @cursorId)`,
  };
}

/**
 * @example
 * const alerts = new SqliteAlertStore(openSqlite('sentinela.sqlite'));
 * await alerts.append([alert]);   // { inserted: 1, unchanged: 0 }
 * await alerts.append([alert]);   // { inserted: 0, unchanged: 1 }
 * const { alerts: page, nextCursor } = await alerts.list({ kind: 'warning', limit: 50 });
 */
export class SqliteAlertStore implements AlertStore {
  private readonly insert;
  private readonly insertListVersion;
  private readonly selectOne;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(schemaSql);
    const columns = new Set(
      (db.prepare('PRAGMA table_info(alerts)').all() as { name: string }[]).map((c) => c.name),
    );
    for (const [name, type] of workflowColumns)
      if (!columns.has(name)) db.exec(`ALTER TABLE alerts ADD COLUMN ${name} ${type}`);
    db.exec(indexSql);
    this.prepareListVersionTable();
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO alerts (id, kind, subject, rule_name, rule_version, score, severity, created_at, json)
       VALUES (@id, @kind, @subject, @ruleName, @ruleVersion, @score, @severity, @createdAt, @json)`,
    );
    this.insertListVersion = db.prepare(
      `INSERT OR IGNORE INTO alert_list_versions (list, version, alert_id, created_at, score)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.selectOne = db.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE id = ?');
  }

  /** Creates the list-version table, rebuilding it from the alerts when an older layout is found. */
  private prepareListVersionTable(): void {
    const columns = (
      this.db.prepare('PRAGMA table_info(alert_list_versions)').all() as { name: string }[]
    ).map((c) => c.name);
    if (columns.includes('score')) {
      this.db.exec(listVersionSql);
      return;
    }
    this.db.transaction(() => {
      this.db.exec('DROP TABLE IF EXISTS alert_list_versions');
      this.db.exec(listVersionSql);
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO alert_list_versions (list, version, alert_id, created_at, score) VALUES (?, ?, ?, ?, ?)',
      );
      // Read in pages: better-sqlite3 cannot write while a read is still open on the connection.
      const page = this.db.prepare<[string], { id: string; json: string }>(
        'SELECT id, json FROM alerts WHERE id > ? ORDER BY id LIMIT 5000',
      );
      for (let rows = page.all(''); rows.length > 0; rows = page.all(rows.at(-1)!.id)) {
        for (const row of rows) {
          const alert = JSON.parse(row.json) as Alert;
          for (const [list, version] of listVersionRows(alert))
            insert.run(list, version, alert.id, alert.createdAt, alert.score);
        }
      }
    })();
  }

  async append(alerts: readonly Alert[]): Promise<{ inserted: number; unchanged: number }> {
    // Validate the whole batch first: a bad alert anywhere stores nothing.
    const { AlertSchema } = await import('../../core/alert.js');
    const valid = alerts.map((raw) => AlertSchema.parse(raw));
    const run = this.db.transaction((batch: readonly Alert[]) => {
      let inserted = 0;
      for (const alert of batch) {
        const info = this.insert.run({
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
        if (info.changes === 0) continue;
        inserted++;
        for (const [list, version] of listVersionRows(alert))
          this.insertListVersion.run(list, version, alert.id, alert.createdAt, alert.score);
      }
      return inserted;
    });
    const inserted = run(valid);
    return { inserted, unchanged: alerts.length - inserted };
  }

  async get(id: string): Promise<AlertRecord | undefined> {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : undefined;
  }

  async list(filter: AlertFilter & AlertPage = {}): Promise<{ alerts: AlertRecord[]; nextCursor?: string }> {
    const sortName = filter.sort ?? 'newest';
    if (!sorts[sortName]) throw new InputError(`unknown sort "${sortName}"`, { field: 'sort' });
    const sort = sorts[sortName];
    const limit = alertPageSize(filter.limit);
    const { where, params } = whereClause(filter);
    // A list-version listing is read in the order of its own table's index, joined to the alerts.
    const byVersion = filter.listVersion !== undefined;
    const { order, after } = byVersion
      ? orderBy(sortName, 'lv', 'alert_id')
      : orderBy(sortName, 'alerts', 'id');
    if (filter.cursor !== undefined) {
      const [key, id] = decodeAlertCursor(filter.cursor, sortName);
      where.push(after);
      params.cursorKey = key;
      params.cursorId = id;
    }
    const sql = `SELECT alerts.* FROM ${fromClause(filter)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${limit + 1}`;
    const rows = this.db.prepare<Params, AlertRow>(sql).all(params);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      alerts: page.map(toRecord),
      ...(more && last && { nextCursor: encodeAlertCursor(sortName, sort.key(last), last.id) }),
    };
  }

  async count(filter: AlertFilter = {}): Promise<number> {
    const { where, params } = whereClause(filter);
    const sql = `SELECT count(*) AS n FROM ${fromClause(filter)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    return (this.db.prepare<Params, { n: number }>(sql).get(params) as { n: number }).n;
  }

  async setWorkflow(ids: readonly string[], change: AlertWorkflowChange): Promise<number> {
    const sets: string[] = [];
    const params: Record<string, string | null> = { updatedAt: new Date().toISOString() };
    const columns: [keyof AlertWorkflowChange, string][] = [
      ['status', 'status'],
      ['assignee', 'assignee'],
      ['caseId', 'case_id'],
      ['disposition', 'disposition'],
    ];
    for (const [field, column] of columns) {
      const value = change[field];
      if (value === undefined) continue;
      if (field === 'status' && value === null) throw new InputError('status cannot be cleared', { field });
      sets.push(`${column} = @${field}`);
      params[field] = value;
    }
    if (sets.length === 0 || ids.length === 0) return 0;
    const update = this.db.prepare(
      `UPDATE alerts SET ${sets.join(', ')}, updated_at = @updatedAt WHERE id = @id`,
    );
    const run = this.db.transaction((all: readonly string[]) => {
      let changed = 0;
      for (const id of new Set(all)) changed += update.run({ ...params, id }).changes;
      return changed;
    });
    return run(ids);
  }
}

function whereClause(filter: AlertFilter): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  const equal: [keyof AlertFilter, string][] = [
    ['kind', 'kind'],
    ['rule', 'rule_name'],
    ['severity', 'severity'],
    ['status', 'status'],
    ['subject', 'subject'],
    ['assignee', 'assignee'],
    ['caseId', 'case_id'],
  ];
  for (const [field, column] of equal) {
    const value = filter[field];
    if (value === undefined) continue;
    where.push(`alerts.${column} = @${field}`);
    params[field] = value;
  }
  if (filter.createdFrom !== undefined) {
    where.push('alerts.created_at >= @createdFrom');
    params.createdFrom = filter.createdFrom;
  }
  if (filter.createdTo !== undefined) {
    where.push('alerts.created_at <= @createdTo');
    params.createdTo = filter.createdTo;
  }
  if (filter.listVersion !== undefined) {
    [params.sourceList, params.sourceVersion] = splitListVersion(filter.listVersion);
    where.push('lv.list = @sourceList AND lv.version = @sourceVersion');
  }
  return { where, params };
}

function fromClause(filter: AlertFilter): string {
  return filter.listVersion !== undefined
    ? 'alert_list_versions lv JOIN alerts ON alerts.id = lv.alert_id'
    : 'alerts';
}

function toRecord(row: AlertRow): AlertRecord {
  const alert = JSON.parse(row.json) as Alert;
  return {
    ...alert,
    status: row.status as AlertRecord['status'],
    ...(row.assignee !== null && { assignee: row.assignee }),
    ...(row.case_id !== null && { caseId: row.case_id }),
    ...(row.disposition !== null && { disposition: row.disposition as AlertRecord['disposition'] }),
    ...(row.updated_at !== null && { updatedAt: row.updated_at }),
  };
}
