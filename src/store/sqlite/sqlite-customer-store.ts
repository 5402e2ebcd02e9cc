/**
 * Customer bases in the embedded SQLite file (tables `customer_versions`, `customers`,
 * `monitor_state`). A version's customers are stored in file order with their number.
 */
import type { CustomerBaseVersion, CustomerStore, MonitorState, PartyQuery } from '../../core/index.js';
import { InputError } from '../../core/input-error.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface VersionRow {
  id: number;
  imported_at: string;
  path: string;
  sha256: string;
  bytes: number;
  customer_count: number;
}

interface CustomerRow {
  number: number;
  id: string;
  name: string;
  schema: string | null;
  birth_date: string | null;
  country: string | null;
  nationality: string | null;
  gender: string | null;
  id_number: string | null;
}

function versionOf(row: VersionRow): CustomerBaseVersion {
  return {
    id: row.id,
    importedAt: row.imported_at,
    source: { path: row.path, sha256: row.sha256, bytes: row.bytes },
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
 * Synchronous underneath (better-sqlite3); the promises it returns are already settled.
 *
 * @example
 * const customers = new SqliteCustomerStore(openSqlite('sentinela.sqlite'));
 */
export class SqliteCustomerStore implements CustomerStore {
  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS customer_versions (
      id INTEGER PRIMARY KEY,
      imported_at TEXT NOT NULL,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      customer_count INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS customers (
      version_id INTEGER NOT NULL REFERENCES customer_versions(id),
      number INTEGER NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      schema TEXT,
      birth_date TEXT,
      country TEXT,
      nationality TEXT,
      gender TEXT,
      id_number TEXT,
      PRIMARY KEY (version_id, number),
      UNIQUE (version_id, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS monitor_state (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      state TEXT NOT NULL
    );`);
  }

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
    const insertVersion = this.db.prepare(
      'INSERT INTO customer_versions (imported_at, path, sha256, bytes, customer_count) VALUES (?, ?, ?, ?, ?)',
    );
    const insertCustomer = this.db.prepare(
      `INSERT INTO customers (version_id, number, id, name, schema, birth_date, country, nationality, gender, id_number)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const id = this.db.transaction(() => {
      const versionId = Number(
        insertVersion.run(importedAt, source.path, source.sha256, source.bytes, customers.length)
          .lastInsertRowid,
      );
      customers.forEach((c, number) => {
        insertCustomer.run(
          versionId,
          number,
          c.id,
          c.name,
          c.schema ?? null,
          c.birthDate ?? null,
          c.country ?? null,
          c.nationality ?? null,
          c.gender ?? null,
          c.idNumber ?? null,
        );
      });
      return versionId;
    })();
    return { id, importedAt, source, customerCount: customers.length };
  }

  async versions(): Promise<CustomerBaseVersion[]> {
    return (this.db.prepare('SELECT * FROM customer_versions ORDER BY id').all() as VersionRow[]).map(
      versionOf,
    );
  }

  async latestBase(): Promise<CustomerBaseVersion | undefined> {
    const row = this.db.prepare('SELECT * FROM customer_versions ORDER BY id DESC LIMIT 1').get() as
      | VersionRow
      | undefined;
    return row ? versionOf(row) : undefined;
  }

  async customersByNumber(versionId: number, numbers: readonly number[]): Promise<PartyQuery[]> {
    const select = this.db.prepare('SELECT * FROM customers WHERE version_id = ? AND number = ?');
    return numbers.map((number) => {
      const row = select.get(versionId, number) as CustomerRow | undefined;
      if (!row) throw new Error(`customer base ${versionId} has no customer number ${number}`);
      return customerOf(row);
    });
  }

  async customers(versionId: number, page: { from: number; limit: number }): Promise<PartyQuery[]> {
    const rows = this.db
      .prepare('SELECT * FROM customers WHERE version_id = ? AND number >= ? ORDER BY number LIMIT ?')
      .all(versionId, page.from, page.limit) as CustomerRow[];
    return rows.map(customerOf);
  }

  async monitorState(): Promise<MonitorState | undefined> {
    const row = this.db.prepare('SELECT state FROM monitor_state WHERE singleton = 1').get() as
      | { state: string }
      | undefined;
    return row ? (JSON.parse(row.state) as MonitorState) : undefined;
  }

  async saveMonitorState(state: MonitorState): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO monitor_state (singleton, state) VALUES (1, ?)')
      .run(JSON.stringify(state));
  }
}
