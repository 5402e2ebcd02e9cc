/** One alert with its evidence, and the way into its case (an existing one, or a new one). */
import { useEffect, useState } from 'react';
import { api } from '../api-client.js';
import type { AlertRecord, CaseRecord } from '../api-types.js';
import { EvidenceView } from '../components/evidence-view.js';
import { href } from '../hash-route.js';
import { useTexts } from '../i18n.js';

export function AlertPage({ alertId }: { alertId: string }) {
  const t = useTexts();
  const [alert, setAlert] = useState<AlertRecord>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<AlertRecord>('GET', `/alerts/${encodeURIComponent(alertId)}`)
      .then(setAlert)
      .catch((e: Error) => setError(e.message));
  }, [alertId]);

  const openCase = async () => {
    if (!alert) return;
    if (alert.caseId) {
      window.location.hash = href('case', alert.caseId);
      return;
    }
    try {
      const created = await api<CaseRecord>('POST', '/cases', {
        alertIds: [alert.id],
        title: alert.parties?.[0] ?? alert.subject,
      });
      window.location.hash = href('case', created.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!alert) return <p>{t.loading}</p>;
  return (
    <section aria-labelledby="alert-title">
      <h1 id="alert-title">
        {alert.kind} · {alert.rule.name}
      </h1>
      <p className="summary" data-testid="alert-summary">
        {alert.evidence.summary}
      </p>
      <p className="muted">
        {t.score} {alert.score.toFixed(3)} · {alert.severity ?? ''} · {t.status} {alert.status}
        {alert.disposition ? ` · ${alert.disposition}` : ''} ·{' '}
        {alert.sources.map((s) => (s.version ? `${s.name}@${s.version}` : s.name)).join(', ')}
      </p>
      <button type="button" onClick={openCase}>
        {alert.caseId ? `${t.caseTitle} ${alert.caseId}` : t.createCase}
      </button>
      <EvidenceView alert={alert} />
    </section>
  );
}
