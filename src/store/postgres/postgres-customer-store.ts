/**
 * Customer bases and the monitor's watermark on PostgreSQL (tables `customer_versions`,
 * `customers`, `monitor_state`), numbered and paged exactly like the SQLite store.
 */
import type { Selectable } from 'kysely';
import type { CustomerBaseVersion, CustomerStore, MonitorState, PartyQuery } from '../../core/index.js';
import { InputError } from '../../core/index.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { PostgresSchema } from './postgres-schema.js';

type VersionRow = Selectable<PostgresSchema['customer_versions']>;
type CustomerRow = PostgresSchema['customers'];

/** Customers per INSERT: 10 columns a row. */
const batchSize = 1000;

function versionOf(row: VersionRow): CustomerBaseVersion {
  return {
    id: row.id,
    importedAt: row.imported_at,
    source: { path: row.path, sha256: row.sha256, bytes: Number(row.bytes) },
    customerCount: row.customer_count,
  };
}

function customerOf(row: CustomerRow): PartyQuery {
  const customer: PartyQuery = { id: row.id, name: row.name };
  if (row.schema) customer.schema = row.schema as NonNullable<PartyQuery['schema']>;
  if (row.birth_date) customer.birthDate = row.birth_date;
  if (row.country) customer.country = row.country;
  if (row.nationality) customer.nationality = row.nationality;
  if (row.gender) customer.gender = row.gender as 'male' | 'female';
  if (row.id_number) customer.idNumber = row.id_number;
  return customer;
}

/**
 * @example
 * const customers = new PostgresCustomerStore(await openPostgres(url));
 */
export class PostgresCustomerStore implements CustomerStore {
  constructor(private readonly db: PostgresDatabase) {}

  async importBase(
    source: CustomerBaseVersion['source'],
    customers: readonly PartyQuery[],
  ): Promise<CustomerBaseVersion> {
    const seen = new Set<string>();
    customers.forEach((c, i) => {
      if (seen.has(c.id))
        throw new InputError(`customer id "${c.id}" appears twice`, { line: i + 2, field: 'id' });
      seen.add(c.id);
    });
    const importedAt = new Date().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      const { id: versionId } = await trx
        .insertInto('customer_versions')
        .values({
          imported_at: importedAt,
          path: source.path,
          sha256: source.sha256,
          bytes: source.bytes,
          customer_count: customers.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let start = 0; start < customers.length; start += batchSize) {
        const values = customers.slice(start, start + batchSize).map((c, i) => ({
          version_id: versionId,
          number: start + i,
          id: c.id,
          name: c.name,
          schema: c.schema ?? null,
          birth_date: c.birthDate ?? null,
          country: c.country ?? null,
          nationality: c.nationality ?? null,
          gender: c.gender ?? null,
          id_number: c.idNumber ?? null,
        }));
        await trx.insertInto('customers').values(values).execute();
      }
      return versionId;
    });
    return { id, importedAt, source, customerCount: customers.length };
  }

  async versions(): Promise<CustomerBaseVersion[]> {
    return (await this.db.selectFrom('customer_versions').selectAll().orderBy('id').execute()).map(versionOf);
  }

  async latestBase(): Promise<CustomerBaseVersion | undefined> {
    const row = await this.db
      .selectFrom('customer_versions')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? versionOf(row) : undefined;
  }

  async customersByNumber(versionId: number, numbers: readonly number[]): Promise<PartyQuery[]> {
    if (numbers.length === 0) return [];
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('number', 'in', [...new Set(numbers)])
      .execute();
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    return numbers.map((number) => {
      const row = byNumber.get(number);
      if (!row) throw new Error(`customer base ${versionId} has no customer number ${number}`);
      return customerOf(row);
    });
  }

  async customers(versionId: number, page: { from: number; limit: number }): Promise<PartyQuery[]> {
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('number', '>=', page.from)
      .orderBy('number')
      .limit(page.limit)
      .execute();
    return rows.map(customerOf);
  }

  async monitorState(): Promise<MonitorState | undefined> {
    const row = await this.db
      .selectFrom('monitor_state')
      .select('state')
      .where('singleton', '=', 1)
      .executeTakeFirst();
    return row ? (JSON.parse(row.state) as MonitorState) : undefined;
  }

  async saveMonitorState(state: MonitorState): Promise<void> {
    await this.db
      .insertInto('monitor_state')
      .values({ singleton: 1, state: JSON.stringify(state) })
      .onConflict((oc) => oc.column('singleton').doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
      .execute();
  }
}
