/**
 * Cases, their comments and evidence files in the embedded SQLite file (tables `cases`,
 * `case_comments`, `case_evidence`). Evidence content is kept in the database beside its hash, so
 * a copy of the file carries the evidence with it.
 */
import type { Case, CaseComment, CaseEvidence, CaseFilter, CasePage, CaseStore } from '../../core/index.js';
import { awaitingApproval, casePageSize, decodeCaseCursor, encodeCaseCursor } from '../case-paging.js';
import type { SqliteDatabase } from './sqlite-database.js';

function awaiting(c: Case): number {
  return awaitingApproval(c) ? 1 : 0;
}

/**
 * @example
 * const cases = new SqliteCaseStore(openSqlite('sentinela.sqlite'));
 * await cases.list({ status: 'open', limit: 50 });
 */
export class SqliteCaseStore implements CaseStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS cases (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      assignee TEXT,
      awaiting_approval INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS cases_created ON cases (created_at DESC, id DESC);
    CREATE INDEX IF NOT EXISTS cases_status ON cases (status, created_at DESC, id DESC);
    CREATE TABLE IF NOT EXISTS case_comments (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases (id),
      at TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS case_comments_case ON case_comments (case_id, at);
    CREATE TABLE IF NOT EXISTS case_evidence (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases (id),
      added_at TEXT NOT NULL,
      json TEXT NOT NULL,
      content BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS case_evidence_case ON case_evidence (case_id, added_at);`);
  }

  async create(c: Case): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO cases (id, status, assignee, awaiting_approval, created_at, version, json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, c.status, c.assignee ?? null, awaiting(c), c.createdAt, c.version, JSON.stringify(c));
  }

  async get(id: string): Promise<Case | undefined> {
    const row = this.db.prepare('SELECT json FROM cases WHERE id = ?').get(id) as
      | { json: string }
      | undefined;
    return row ? (JSON.parse(row.json) as Case) : undefined;
  }

  async update(c: Case): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE cases SET status = ?, assignee = ?, awaiting_approval = ?, version = ?, json = ?
         WHERE id = ? AND version = ?`,
      )
      .run(c.status, c.assignee ?? null, awaiting(c), c.version, JSON.stringify(c), c.id, c.version - 1);
    return info.changes === 1;
  }

  async list(filter: CaseFilter & CasePage = {}): Promise<{ cases: Case[]; nextCursor?: string }> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.assignee) {
      where.push('assignee = @assignee');
      params.assignee = filter.assignee;
    }
    if (filter.awaitingApproval !== undefined) {
      where.push('awaiting_approval = @awaiting');
      params.awaiting = filter.awaitingApproval ? 1 : 0;
    }
    if (filter.cursor) {
      const [createdAt, id] = decodeCaseCursor(filter.cursor);
      where.push('(created_at < @cAt OR (created_at = @cAt AND id < @cId))');
      params.cAt = createdAt;
      params.cId = id;
    }
    const limit = casePageSize(filter.limit);
    params.limit = limit + 1;
    const sql = `SELECT json FROM cases${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT @limit`;
    const cases = (this.db.prepare(sql).all(params) as { json: string }[]).map(
      (r) => JSON.parse(r.json) as Case,
    );
    if (cases.length <= limit) return { cases };
    cases.length = limit;
    return { cases, nextCursor: encodeCaseCursor(cases[limit - 1]!) };
  }

  async addComment(comment: CaseComment): Promise<void> {
    this.db
      .prepare('INSERT INTO case_comments (id, case_id, at, json) VALUES (?, ?, ?, ?)')
      .run(comment.id, comment.caseId, comment.at, JSON.stringify(comment));
  }

  async comments(caseId: string): Promise<CaseComment[]> {
    const rows = this.db
      .prepare('SELECT json FROM case_comments WHERE case_id = ? ORDER BY at, rowid')
      .all(caseId) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as CaseComment);
  }

  async addEvidence(meta: CaseEvidence, content: Uint8Array): Promise<void> {
    this.db
      .prepare('INSERT INTO case_evidence (id, case_id, added_at, json, content) VALUES (?, ?, ?, ?, ?)')
      .run(meta.id, meta.caseId, meta.addedAt, JSON.stringify(meta), Buffer.from(content));
  }

  async evidence(caseId: string): Promise<CaseEvidence[]> {
    const rows = this.db
      .prepare('SELECT json FROM case_evidence WHERE case_id = ? ORDER BY added_at, rowid')
      .all(caseId) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as CaseEvidence);
  }

  async evidenceContent(
    evidenceId: string,
  ): Promise<{ meta: CaseEvidence; content: Uint8Array } | undefined> {
    const row = this.db.prepare('SELECT json, content FROM case_evidence WHERE id = ?').get(evidenceId) as
      | { json: string; content: Buffer }
      | undefined;
    return row
      ? { meta: JSON.parse(row.json) as CaseEvidence, content: new Uint8Array(row.content) }
      : undefined;
  }
}
