/**
 * Cases, comments and evidence files on PostgreSQL (tables `cases`, `case_comments`,
 * `case_evidence`). Updates carry the case's version (optimistic concurrency), which works the
 * same across serve processes: the second of two racing updates changes no row.
 */
import type { Case, CaseComment, CaseEvidence, CaseFilter, CasePage, CaseStore } from '../../core/index.js';
import { awaitingApproval, casePageSize, decodeCaseCursor, encodeCaseCursor } from '../case-paging.js';
import type { PostgresDatabase } from './postgres-database.js';

/**
 * @example
 * const cases = new PostgresCaseStore(await openPostgres(url));
 * await cases.list({ status: 'open', limit: 50 });
 */
export class PostgresCaseStore implements CaseStore {
  constructor(private readonly db: PostgresDatabase) {}

  async create(c: Case): Promise<void> {
    await this.db
      .insertInto('cases')
      .values({
        id: c.id,
        status: c.status,
        assignee: c.assignee ?? null,
        awaiting_approval: awaitingApproval(c),
        created_at: c.createdAt,
        version: c.version,
        json: JSON.stringify(c),
      })
      .execute();
  }

  async get(id: string): Promise<Case | undefined> {
    const row = await this.db.selectFrom('cases').select('json').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.json) as Case) : undefined;
  }

  async update(c: Case): Promise<boolean> {
    const result = await this.db
      .updateTable('cases')
      .set({
        status: c.status,
        assignee: c.assignee ?? null,
        awaiting_approval: awaitingApproval(c),
        version: c.version,
        json: JSON.stringify(c),
      })
      .where('id', '=', c.id)
      .where('version', '=', c.version - 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(filter: CaseFilter & CasePage = {}): Promise<{ cases: Case[]; nextCursor?: string }> {
    let query = this.db.selectFrom('cases').select('json');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.assignee) query = query.where('assignee', '=', filter.assignee);
    if (filter.awaitingApproval !== undefined)
      query = query.where('awaiting_approval', '=', filter.awaitingApproval);
    if (filter.cursor) {
      const [createdAt, id] = decodeCaseCursor(filter.cursor);
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
    }
    const limit = casePageSize(filter.limit);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const cases = rows.map((r) => JSON.parse(r.json) as Case);
    if (cases.length <= limit) return { cases };
    cases.length = limit;
    return { cases, nextCursor: encodeCaseCursor(cases[limit - 1]!) };
  }

  async addComment(comment: CaseComment): Promise<void> {
    await this.db
      .insertInto('case_comments')
      .values({ id: comment.id, case_id: comment.caseId, at: comment.at, json: JSON.stringify(comment) })
      .execute();
  }

  async comments(caseId: string): Promise<CaseComment[]> {
    const rows = await this.db
      .selectFrom('case_comments')
      .select('json')
      .where('case_id', '=', caseId)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => JSON.parse(r.json) as CaseComment);
  }

  async addEvidence(meta: CaseEvidence, content: Uint8Array): Promise<void> {
    await this.db
      .insertInto('case_evidence')
      .values({
        id: meta.id,
        case_id: meta.caseId,
        added_at: meta.addedAt,
        json: JSON.stringify(meta),
        content: Buffer.from(content),
      })
      .execute();
  }

  async evidence(caseId: string): Promise<CaseEvidence[]> {
    const rows = await this.db
      .selectFrom('case_evidence')
      .select('json')
      .where('case_id', '=', caseId)
      .orderBy('added_at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => JSON.parse(r.json) as CaseEvidence);
  }

  async evidenceContent(
    evidenceId: string,
  ): Promise<{ meta: CaseEvidence; content: Uint8Array } | undefined> {
    const row = await this.db
      .selectFrom('case_evidence')
      .select(['json', 'content'])
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    return row
      ? { meta: JSON.parse(row.json) as CaseEvidence, content: new Uint8Array(row.content) }
      : undefined;
  }
}
