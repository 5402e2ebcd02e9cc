/**
 * Fills the store with synthetic alerts for the listing benchmark: a mix of every engine's kinds,
 * rules, severities, subjects, list-version sources and workflow states, appended in batches
 * through the `AlertStore` (the way engines write them), and the filters the load run reads with.
 */
import { type Alert, type AlertKind, alertId, seededRandom } from '../../src/core/index.js';
import { openStores } from '../../src/store/index.js';

const kinds: AlertKind[] = ['screening', 'targeting', 'goods', 'reconcile', 'warning'];
const rules: Record<AlertKind, string[]> = {
  screening: ['name-match'],
  targeting: ['risk-rank', 'watchlisted-party'],
  goods: ['monthly-threshold', 'cas-mismatch', 'split-orders'],
  reconcile: ['quantity-gap', 'unmatched-shipment'],
  warning: ['noufaily', 'novelty', 'spread'],
};
const severities = ['low', 'medium', 'high'] as const;

export async function fillAlerts(
  db: string,
  count: number,
): Promise<{ count: number; filters: Array<Record<string, string>> }> {
  const stores = await openStores(db);
  const random = seededRandom(20261201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = Date.parse('2025-01-01T00:00:00Z');
  try {
    const batch = 10_000;
    for (let done = 0; done < count; done += batch) {
      const alerts: Alert[] = [];
      for (let i = done; i < Math.min(count, done + batch); i++) {
        const kind = pick(kinds);
        const rule = { name: pick(rules[kind]), version: '1' };
        const subject = `party-${Math.floor(random() * 200_000)}`;
        alerts.push({
          id: alertId(kind, subject, rule, String(i)),
          kind,
          subject,
          rule,
          score: Math.round(random() * 1000) / 1000,
          severity: pick(severities),
          evidence: { summary: `synthetic ${kind} alert ${i} for the listing benchmark`, data: { i } },
          sources:
            kind === 'screening'
              ? [
                  {
                    name: pick(['us-ofac-sdn', 'un-sc', 'us-ofac-cons']),
                    version: String(1 + Math.floor(random() * 3)),
                  },
                ]
              : [],
          createdAt: new Date(start + i * 30_000).toISOString(),
        });
      }
      await stores.alerts.append(alerts);
      // One alert in ten is being worked, one in twenty closed: the queue's usual shape.
      const working = alerts.filter(() => random() < 0.1).map((a) => a.id);
      const closed = alerts.filter(() => random() < 0.05).map((a) => a.id);
      await stores.alerts.setWorkflow(working, { status: 'in-review', assignee: 'ana' });
      await stores.alerts.setWorkflow(closed, { status: 'closed', disposition: 'false-positive' });
    }
    return {
      count,
      filters: [
        { kind: 'screening', status: 'open', limit: '50' },
        { status: 'in-review', assignee: 'ana', limit: '50' },
        { kind: 'goods', severity: 'high', sort: 'newest', limit: '50' },
        { rule: 'noufaily', limit: '50' },
        { listVersion: 'us-ofac-sdn@2', limit: '50' },
        { kind: 'targeting', from: '2025-03-01', to: '2025-04-01', limit: '50' },
        { subject: 'party-4242', limit: '50' },
        { severity: 'high', sort: 'score', limit: '50' },
      ],
    };
  } finally {
    await stores.close();
  }
}
