import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Alert, alertId } from '../../core/index.js';
import { openStores } from '../index.js';
import { openSqlite } from './sqlite-database.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function warningAlert(period: string): Alert {
  const rule = { name: 'noufaily', version: '1' };
  return {
    id: alertId('warning', 'fentanyl|TX', rule, period),
    kind: 'warning',
    subject: 'fentanyl|TX',
    rule,
    score: 2.5,
    evidence: { summary: `fentanyl above expected in ${period}`, data: { period } },
    sources: [{ name: 'reports.csv' }, { name: 'un-sc', version: '4' }],
    createdAt: '2024-03-01T00:00:00.000Z',
  };
}

describe('SqliteAlertStore on a file', () => {
  it('opens an alerts table written before the workflow columns existed, keeping its alerts open', async () => {
    const path = join(dir, 'old.sqlite');
    const db = openSqlite(path);
    db.exec(`CREATE TABLE alerts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL,
      rule_name TEXT NOT NULL, rule_version TEXT NOT NULL, score REAL NOT NULL, severity TEXT,
      created_at TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX alerts_kind_created ON alerts (kind, created_at);`);
    const old = warningAlert('2024-W07');
    db.prepare(
      `INSERT INTO alerts VALUES (?, 'warning', 'fentanyl|TX', 'noufaily', '1', 2.5, NULL, ?, ?)`,
    ).run(old.id, old.createdAt, JSON.stringify(old));
    db.close();

    const stores = await openStores(path);
    expect(await stores.alerts.get(old.id)).toEqual({ ...old, status: 'open' });
    // The list-version lookup is rebuilt from the alerts already stored.
    expect((await stores.alerts.list({ listVersion: 'un-sc@4' })).alerts.map((a) => a.id)).toEqual([old.id]);
    expect(await stores.alerts.count({ listVersion: 'un-sc' })).toBe(1);
    expect(await stores.alerts.append([old, warningAlert('2024-W08')])).toEqual({
      inserted: 1,
      unchanged: 1,
    });
    expect(await stores.alerts.setWorkflow([old.id], { status: 'closed', disposition: 'not-relevant' })).toBe(
      1,
    );
    await stores.close();
    const again = await openStores(path);
    expect(await again.alerts.count({ status: 'closed' })).toBe(1);
    await again.close();
  });
});
