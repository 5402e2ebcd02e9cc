/** The audit trail, filterable, and the result of verifying its hash chain and signed checkpoints. */
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../api-client.js';
import type { AuditEntry } from '../api-types.js';
import { useTexts } from '../i18n.js';

interface VerifyResult {
  ok: boolean;
  entries?: number;
  checkpoints?: number;
  message?: string;
  problems?: string[];
}

export function AuditPage() {
  const t = useTexts();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verify, setVerify] = useState<VerifyResult>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const page = await api<{ entries: AuditEntry[] }>(
        'GET',
        `/audit${query({ actor, action, limit: 200 })}`,
      );
      setEntries(page.entries);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [actor, action]);
  useEffect(() => {
    void load();
  }, [load]);
  const runVerify = async () => {
    try {
      setVerify(await api<VerifyResult>('POST', '/audit/verify', {}));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t.auditTitle}</h1>
      <div className="inline">
        <label>
          {t.actor} <input value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
        <label>
          {t.action} <input value={action} onChange={(e) => setAction(e.target.value)} />
        </label>
        <button type="button" onClick={runVerify}>
          {t.verify}
        </button>
      </div>
      {verify && (
        <p className={verify.ok ? 'ok' : 'error'} role="status" data-testid="audit-verify">
          {verify.ok ? '✔' : '✘'} {verify.message ?? ''}{' '}
          {verify.entries !== undefined ? `(${verify.entries})` : ''}
          {verify.problems?.length ? ` ${verify.problems.join('; ')}` : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table data-testid="audit-entries">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.actor}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.target}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.target ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
