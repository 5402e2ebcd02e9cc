/**
 * The alert queue on PostgreSQL: the same columns, indexes and keyset paging as the SQLite store
 * (shared cursor and list-version rules in `../alert-paging.ts`), so a page costs the same at a
 * million alerts as at a hundred and a cursor means the same on either backend.
 */
import {
  type ExpressionBuilder,
  type Selectable,
  type SelectQueryBuilder,
  sql,
  type Updateable,
} from 'kysely';
import {
  type Alert,
  type AlertFilter,
  type AlertPage,
  type AlertRecord,
  AlertSchema,
  type AlertStore,
  type AlertWorkflowChange,
  InputError,
} from '../../core/index.js';
import {
  alertPageSize,
  alertSortKeys,
  decodeAlertCursor,
  encodeAlertCursor,
  listVersionRows,
  splitListVersion,
} from '../alert-paging.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type AlertRow = Selectable<PostgresSchema['alerts']>;
type From = PostgresSchema & { lv: PostgresSchema['alert_list_versions'] };
// biome-ignore lint/suspicious/noExplicitAny: the selection changes with the join; rows are read as AlertRow
type Query = SelectQueryBuilder<From, 'alerts' | 'lv', any>;

/** Alerts per INSERT: 9 columns a row, well under PostgreSQL's parameter limit. */
const batchSize = 1000;

/** New alerts after which the store refreshes the planner's statistics itself. */
const analyzeEvery = 10_000;

/**
 * @example
 * const alerts = new PostgresAlertStore(await openPostgres(url));
 * await alerts.append([alert]);   // { inserted: 1, unchanged: 0 }
 */
export class PostgresAlertStore implements AlertStore {
  /** Alerts this process inserted since it last refreshed the planner's statistics. */
  private insertedSinceAnalyze = 0;

  constructor(private readonly db: PostgresDatabase) {}

  async append(alerts: readonly Alert[]): Promise<{ inserted: number; unchanged: number }> {
    // Validate the whole batch first: a bad alert anywhere stores nothing.
    const valid = alerts.map((raw) => AlertSchema.parse(raw));
    const inserted = await this.db.transaction().execute(async (trx) => {
      let count = 0;
      for (let start = 0; start < valid.length; start += batchSize) {
        const batch = valid.slice(start, start + batchSize);
        const rows = await trx
          .insertInto('alerts')
          .values(
            batch.map((alert) => ({
              id: alert.id,
              kind: alert.kind,
              subject: alert.subject,
              rule_name: alert.rule.name,
              rule_version: alert.rule.version,
              score: alert.score,
              severity: alert.severity ?? null,
              created_at: alert.createdAt,
              json: JSON.stringify(alert),
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        count += rows.length;
        const fresh = new Set(rows.map((r) => r.id));
        const seen = new Set<string>();
        const versions = batch
          .filter((a) => fresh.has(a.id) && !seen.has(a.id) && seen.add(a.id))
          .flatMap((alert) =>
            listVersionRows(alert).map(([list, version]) => ({
              list,
              version,
              alert_id: alert.id,
              created_at: alert.createdAt,
              score: alert.score,
            })),
          );
        for (let at = 0; at < versions.length; at += batchSize)
          await trx
            .insertInto('alert_list_versions')
            .values(versions.slice(at, at + batchSize))
            .onConflict((oc) => oc.doNothing())
            .execute();
      }
      return count;
    });
    this.insertedSinceAnalyze += inserted;
    if (this.insertedSinceAnalyze >= analyzeEvery) {
      // Right after a bulk load the planner knows nothing of the new rows and sorts a whole filter
      // instead of walking its index (measured: 53 ms against 0.3 ms a page at 50,000 alerts);
      // autovacuum would catch up only later.
      this.insertedSinceAnalyze = 0;
      await sql`ANALYZE alerts, alert_list_versions`.execute(this.db);
    }
    return { inserted, unchanged: alerts.length - inserted };
  }

  async get(id: string): Promise<AlertRecord | undefined> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(filter: AlertFilter & AlertPage = {}): Promise<{ alerts: AlertRecord[]; nextCursor?: string }> {
    const sortName = filter.sort ?? 'newest';
    const sort = alertSortKeys[sortName];
    if (!sort) throw new InputError(`unknown sort "${sortName}"`, { field: 'sort' });
    const limit = alertPageSize(filter.limit);
    // A list-version listing is read in the order of its own table's index, joined to the alerts.
    const byVersion = filter.listVersion !== undefined;
    const keyTable = byVersion ? 'lv' : 'alerts';
    const idColumn = byVersion ? 'lv.alert_id' : 'alerts.id';
    const keyColumn = `${keyTable}.${sort.column}` as 'alerts.created_at';
    let query = this.filtered(filter).selectAll('alerts');
    if (filter.cursor !== undefined) {
      const [key, id] = decodeAlertCursor(filter.cursor, sortName);
      query = query.where((eb: ExpressionBuilder<From, 'alerts' | 'lv'>) =>
        eb(
          eb.refTuple(keyColumn, idColumn as 'alerts.id'),
          sort.descending ? '<' : '>',
          eb.tuple(key as string, id),
        ),
      );
    }
    const direction = sort.descending ? 'desc' : 'asc';
    const rows = (await query
      .orderBy(keyColumn, direction)
      .orderBy(idColumn as 'alerts.id', direction)
      .limit(limit + 1)
      .execute()) as AlertRow[];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      alerts: page.map(toRecord),
      ...(more && last && { nextCursor: encodeAlertCursor(sortName, sort.key(last), last.id) }),
    };
  }

  async count(filter: AlertFilter = {}): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setWorkflow(ids: readonly string[], change: AlertWorkflowChange): Promise<number> {
    const set: Updateable<PostgresSchema['alerts']> = {};
    const columns: [keyof AlertWorkflowChange, 'status' | 'assignee' | 'case_id' | 'disposition'][] = [
      ['status', 'status'],
      ['assignee', 'assignee'],
      ['caseId', 'case_id'],
      ['disposition', 'disposition'],
    ];
    for (const [field, column] of columns) {
      const value = change[field];
      if (value === undefined) continue;
      if (field === 'status' && value === null) throw new InputError('status cannot be cleared', { field });
      if (column === 'status') set.status = value as string;
      else set[column] = value;
    }
    if (Object.keys(set).length === 0 || ids.length === 0) return 0;
    const result = await this.db
      .updateTable('alerts')
      .set({ ...set, updated_at: new Date().toISOString() })
      .where('id', 'in', [...new Set(ids)])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The alerts (joined to their list versions when that filter is given) narrowed by `filter`. */
  private filtered(filter: AlertFilter): Query {
    let query: Query =
      filter.listVersion !== undefined
        ? (this.db
            .withTables<{ lv: PostgresSchema['alert_list_versions'] }>()
            .selectFrom('alert_list_versions as lv')
            .innerJoin('alerts', 'alerts.id', 'lv.alert_id') as unknown as Query)
        : (this.db.selectFrom('alerts') as unknown as Query);
    const equal: [keyof AlertFilter, keyof PostgresSchema['alerts']][] = [
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
      if (value !== undefined) query = query.where(`alerts.${column}`, '=', value);
    }
    if (filter.createdFrom !== undefined) query = query.where('alerts.created_at', '>=', filter.createdFrom);
    if (filter.createdTo !== undefined) query = query.where('alerts.created_at', '<=', filter.createdTo);
    if (filter.listVersion !== undefined) {
      const [list, version] = splitListVersion(filter.listVersion);
      query = query.where('lv.list', '=', list).where('lv.version', '=', version);
    }
    return query;
  }
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
