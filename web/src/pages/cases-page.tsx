/** The cases, newest first, filterable by status and assignee. */
import { useEffect, useState } from 'react';
import { api, query } from '../api-client.js';
import type { CaseRecord } from '../api-types.js';
import { href } from '../hash-route.js';
import { useTexts } from '../i18n.js';

export function CasesPage() {
  const t = useTexts();
  const [status, setStatus] = useState('');
  const [cases, setCases] = useState<CaseRecord[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ cases: CaseRecord[] }>('GET', `/cases${query({ status, limit: 200 })}`)
      .then((page) => setCases(page.cases))
      .catch((e: Error) => setError(e.message));
  }, [status]);
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t.casesTitle}</h1>
      <label>
        {t.status}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t.any}</option>
          <option>open</option>
          <option>in-review</option>
          <option>escalated</option>
          <option>closed</option>
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {cases && cases.length === 0 && <p>{t.nothing}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.caseTitle}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.assignee}</th>
            <th scope="col">{t.disposition}</th>
            <th scope="col">{t.raised}</th>
          </tr>
        </thead>
        <tbody>
          {cases?.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={href('case', c.id)}>{c.title}</a>
              </td>
              <td>{c.status}</td>
              <td>{c.assignee ?? ''}</td>
              <td>{c.disposition?.kind ?? ''}</td>
              <td>{c.createdAt.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
