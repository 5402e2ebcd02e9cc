/** List versions with their entity counts, and what changed between two versions of a list. */
import { useEffect, useState } from 'react';
import { api, query } from '../api-client.js';
import type { ListDiff, ListVersion } from '../api-types.js';
import { useTexts } from '../i18n.js';

export function ListsPage() {
  const t = useTexts();
  const [versions, setVersions] = useState<ListVersion[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<ListDiff>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ versions: ListVersion[] }>('GET', '/lists')
      .then((r) => setVersions(r.versions))
      .catch((e: Error) => setError(e.message));
  }, []);
  const compare = async () => {
    setError(undefined);
    try {
      setDiff(await api<ListDiff>('GET', `/lists/diff${query({ from, to })}`));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const option = (v: ListVersion) => (
    <option key={v.id} value={v.id}>
      {v.list}@{v.id}
    </option>
  );
  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">{t.listsTitle}</h1>
      <table data-testid="list-versions">
        <thead>
          <tr>
            <th scope="col">{t.list}</th>
            <th scope="col">{t.listVersion}</th>
            <th scope="col">{t.entities}</th>
            <th scope="col">{t.imported}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>{v.list}</td>
              <td>{v.id}</td>
              <td>{v.entityCount.toLocaleString()}</td>
              <td>{v.importedAt.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.diffTitle}</h2>
      <div className="inline">
        <label>
          {t.from}{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="" />
            {versions.map(option)}
          </select>
        </label>
        <label>
          {t.to}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="" />
            {versions.map(option)}
          </select>
        </label>
        <button type="button" disabled={!from || !to} onClick={compare}>
          {t.compare}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {diff && (
        <div className="diff">
          <p>
            {t.added} {diff.counts.added} · {t.removed} {diff.counts.removed} · {t.changed}{' '}
            {diff.counts.changed}
          </p>
          <ul>
            {diff.added.slice(0, 200).map((e) => (
              <li key={`a${e.id}`}>+ {e.name}</li>
            ))}
            {diff.removed.slice(0, 200).map((e) => (
              <li key={`r${e.id}`}>− {e.name}</li>
            ))}
            {diff.changed.slice(0, 200).map((e) => (
              <li key={`c${e.id}`}>
                ~ {e.name}:{' '}
                {e.fields
                  .map(
                    (f) =>
                      `${f.field} ${f.added.map((v) => `+${v}`).join(' ')} ${f.removed.map((v) => `−${v}`).join(' ')}`,
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
