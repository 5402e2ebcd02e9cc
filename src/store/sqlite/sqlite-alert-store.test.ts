import { describe, expect, it } from 'vitest';
import { type Alert, alertId } from '../../core/alert.js';
import { SqliteAlertStore } from './sqlite-alert-store.js';
import { openSqlite } from './sqlite-database.js';

function warningAlert(subject: string, period: string, createdAt = '2024-03-01T00:00:00.000Z'): Alert {
  const rule = { name: 'noufaily', version: '1' };
  return {
    id: alertId('warning', subject, rule, period),
    kind: 'warning',
    subject,
    rule,
    score: 2.5,
    severity: 'medium',
    evidence: { summary: `${subject} above expected in ${period}`, data: { period, observed: 12 } },
    sources: [{ name: 'reports.csv', sha256: 'abc' }],
    createdAt,
  };
}

describe('SqliteAlertStore', () => {
  it('appends and lists alerts with filters', () => {
    const store = new SqliteAlertStore(openSqlite(':memory:'));
    const result = store.append([
      warningAlert('fentanyl|TX', '2024-W07'),
      warningAlert('xylazine|*', '2024-W08', '2024-03-02T00:00:00.000Z'),
    ]);
    expect(result).toEqual({ inserted: 2, unchanged: 0 });
    expect(store.list().map((a) => a.subject)).toEqual(['xylazine|*', 'fentanyl|TX']);
    expect(store.list({ subject: 'fentanyl|TX' })).toHaveLength(1);
    expect(store.list({ rule: 'glrnb' })).toHaveLength(0);
    expect(store.list({ createdFrom: '2024-03-02T00:00:00.000Z' })).toHaveLength(1);
    expect(store.count({ kind: 'warning' })).toBe(2);
  });

  it('is idempotent: the same subject, rule and period are stored once', () => {
    const store = new SqliteAlertStore(openSqlite(':memory:'));
    store.append([warningAlert('fentanyl|TX', '2024-W07')]);
    const again = store.append([
      warningAlert('fentanyl|TX', '2024-W07', '2025-01-01T00:00:00.000Z'),
      warningAlert('fentanyl|TX', '2024-W09'),
    ]);
    expect(again).toEqual({ inserted: 1, unchanged: 1 });
    expect(store.count()).toBe(2);
  });

  it('rejects an invalid alert and stores nothing of the batch', () => {
    const store = new SqliteAlertStore(openSqlite(':memory:'));
    const bad = { ...warningAlert('a|b', '1'), subject: '' };
    expect(() => store.append([warningAlert('ok|x', '1'), bad])).toThrow();
    expect(store.count()).toBe(0);
  });

  it('returns a stored alert by id, round-tripping its evidence', () => {
    const store = new SqliteAlertStore(openSqlite(':memory:'));
    const alert = warningAlert('fentanyl|TX', '2024-W07');
    store.append([alert]);
    expect(store.get(alert.id)).toEqual(alert);
  });
});
