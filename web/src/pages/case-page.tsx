/**
 * One case: its alerts with their evidence, comments, evidence files, the timeline from the audit
 * trail, the status, and the disposition with a reason — a true match waits for a supervisor's
 * second approval, and nobody approves their own decision (the server enforces it; the page says so).
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, query, uploadFile } from '../api-client.js';
import type { AlertRecord, AuditEntry, CaseDetail, Disposition } from '../api-types.js';
import { EvidenceView } from '../components/evidence-view.js';
import { useTexts } from '../i18n.js';

export function CasePage({ caseId, user }: { caseId: string; user: { name: string; role: string } }) {
  const t = useTexts();
  const [detail, setDetail] = useState<CaseDetail>();
  const [alerts, setAlerts] = useState<AlertRecord[]>([]);
  const [timeline, setTimeline] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string>();
  const [comment, setComment] = useState('');
  const [disposition, setDisposition] = useState<Disposition>('false-positive');
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    try {
      const d = await api<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`);
      setDetail(d);
      setAlerts(
        await Promise.all(
          d.case.alertIds.map((id) => api<AlertRecord>('GET', `/alerts/${encodeURIComponent(id)}`)),
        ),
      );
      const audit = await api<{ entries: AuditEntry[] }>(
        'GET',
        `/audit${query({ target: `case:${caseId}`, limit: 200 })}`,
      ).catch(() => ({ entries: [] as AuditEntry[] }));
      setTimeline(audit.entries);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (method: string, path: string, body?: unknown) => {
    setError(undefined);
    try {
      await api(method, `/cases/${encodeURIComponent(caseId)}${path}`, body);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!detail)
    return error ? (
      <p role="alert" className="error">
        {error}
      </p>
    ) : (
      <p>{t.loading}</p>
    );
  const c = detail.case;
  const waiting = c.status !== 'closed' && c.disposition?.kind === 'true-match' && !c.approval;

  const submitComment = async (e: FormEvent) => {
    e.preventDefault();
    await act('POST', '/comments', { text: comment });
    setComment('');
  };
  const submitDisposition = async (e: FormEvent) => {
    e.preventDefault();
    await act('POST', '/disposition', { disposition, reason });
    setReason('');
  };
  const attach = async (file: File | undefined) => {
    if (!file) return;
    try {
      await uploadFile(`/cases/${encodeURIComponent(caseId)}/evidence${query({ name: file.name })}`, file);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">
        {t.caseTitle} {c.title}
      </h1>
      <p className="muted" data-testid="case-status">
        {t.status}: <strong>{c.status}</strong>
        {c.assignee ? ` · ${t.assignee}: ${c.assignee}` : ''}
        {c.disposition
          ? ` · ${t.disposition}: ${c.disposition.kind} (${c.disposition.by}) — ${c.disposition.reason}`
          : ''}
        {c.approval ? ` · ${t.approvedBy} ${c.approval.by}` : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {waiting && (
        <div className="card notice" data-testid="awaiting-approval">
          <p>{t.waitingApproval}</p>
          <button type="button" onClick={() => act('POST', '/approval', {})}>
            {t.approve}
          </button>{' '}
          <button
            type="button"
            onClick={() => act('POST', '/return', { reason: `returned by ${user.name}` })}
          >
            {t.returnCase}
          </button>
        </div>
      )}
      {c.status !== 'closed' && !c.disposition && (
        <div className="actions">
          {(['in-review', 'escalated', 'open'] as const)
            .filter((s) => s !== c.status)
            .map((s) => (
              <button key={s} type="button" onClick={() => act('POST', '/status', { status: s })}>
                {t.moveTo} {s}
              </button>
            ))}
        </div>
      )}

      <h2>{t.alertsInCase}</h2>
      {alerts.map((a) => (
        <article key={a.id} className="card">
          <h3>
            {a.kind} · {a.rule.name} · {a.score.toFixed(2)}
          </h3>
          <p>{a.evidence.summary}</p>
          <EvidenceView alert={a} />
        </article>
      ))}

      {c.status !== 'closed' && !c.disposition && (
        <form className="card" onSubmit={submitDisposition} aria-labelledby="decision-title">
          <h2 id="decision-title">{t.decision}</h2>
          <label>
            {t.disposition}
            <select value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)}>
              <option value="false-positive">{t.falsePositive}</option>
              <option value="true-match">{t.trueMatch}</option>
              <option value="not-relevant">{t.notRelevant}</option>
            </select>
          </label>
          <label>
            {t.reason}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={4000} />
          </label>
          <button type="submit">{t.record}</button>
        </form>
      )}

      <h2>{t.comments}</h2>
      <ul className="comments">
        {detail.comments.map((cm) => (
          <li key={cm.id}>
            <strong>{cm.author}</strong> <span className="muted">{cm.at}</span>
            <p>{cm.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submitComment} className="inline">
        <label>
          {t.addComment}
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} required />
        </label>
        <button type="submit">{t.addComment}</button>
      </form>

      <h2>{t.evidenceFiles}</h2>
      <ul>
        {detail.evidence.map((f) => (
          <li key={f.id}>
            <a href={`/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(f.id)}`}>
              {f.fileName}
            </a>{' '}
            <span className="muted">
              {f.bytes} B · sha256 {f.sha256.slice(0, 16)}… · {f.addedBy}
            </span>
          </li>
        ))}
      </ul>
      <label>
        {t.attach} <input type="file" onChange={(e) => void attach(e.target.files?.[0])} />
      </label>

      <h2>{t.timeline}</h2>
      <ol className="timeline" data-testid="case-timeline">
        {timeline.map((entry) => (
          <li key={entry.seq}>
            <span className="muted">{entry.at}</span> <strong>{entry.actor}</strong> {entry.action}
          </li>
        ))}
      </ol>
    </section>
  );
}
