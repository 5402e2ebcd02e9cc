/**
 * Screening: one party (name, optional birth date, country, identifier) with each match's
 * explanation and list version, and a CSV batch sent in parts of 1,000 with progress and a
 * downloadable result.
 */
import Papa from 'papaparse';
import { type FormEvent, useState } from 'react';
import { api } from '../api-client.js';
import type { ScreenResponse } from '../api-types.js';
import { Explanation } from '../components/explanation.js';
import { href } from '../hash-route.js';
import { useTexts } from '../i18n.js';

interface BatchResult {
  id: string;
  name: string;
  match: boolean;
  matches: unknown[];
}

export function ScreeningPage() {
  const t = useTexts();
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [country, setCountry] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [result, setResult] = useState<ScreenResponse>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const party = {
        name,
        ...(birthDate ? { birthDate } : {}),
        ...(country ? { country } : {}),
        ...(idNumber ? { idNumber } : {}),
      };
      setResult(await api<ScreenResponse>('POST', '/screen', { party, recordAlerts: true }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{t.screenTitle}</h1>
      <form className="screen-form" onSubmit={submit}>
        <label>
          {t.name}
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={500}
          />
        </label>
        <label>
          {t.birthDate}
          <input
            name="birthDate"
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            placeholder="1957-04-04"
          />
        </label>
        <label>
          {t.country}
          <input name="country" value={country} onChange={(e) => setCountry(e.target.value)} />
        </label>
        <label>
          {t.idNumber}
          <input name="idNumber" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t.screen}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && <ScreenResult result={result} />}
      <BatchUpload />
    </section>
  );
}

function ScreenResult({ result }: { result: ScreenResponse }) {
  const t = useTexts();
  const shown = result.matches.filter((m) => m.match);
  return (
    <div className="results" data-testid="screen-results">
      <h2>
        {t.matchesFor} “{result.party.name}”
      </h2>
      <p className="muted">
        {result.algorithm} · {result.lists.map((l) => `${l.list}@${l.version}`).join(', ')}
      </p>
      {shown.length === 0 && <p>{t.noMatch}</p>}
      {result.cleared.map((c) => (
        <article key={`${c.list}:${c.entityId}`} className="card match cleared" data-testid="cleared">
          <h3>
            {c.list}:{c.entityId}
          </h3>
          <p className="cleared-note">
            {t.cleared} — {c.analyst}, {c.reviewedAt.slice(0, 10)}: {c.reason}
          </p>
        </article>
      ))}
      {shown.map((m) => (
        <article key={`${m.list}:${m.entityId}`} className="card match">
          <h3>
            {m.name} <span className="score">{m.score.toFixed(2)}</span>
          </h3>
          <p>
            {t.matchedAlias}: {m.matchedAlias} · {t.listVersion}: {m.list}@{m.listVersion} · {m.entityId}
          </p>
          <h4>{t.why}</h4>
          <Explanation lines={m.explanation} />
          {m.alertId && <a href={href('alert', m.alertId)}>{t.openAlert}</a>}
        </article>
      ))}
    </div>
  );
}

function BatchUpload() {
  const t = useTexts();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [download, setDownload] = useState<string>();
  const [error, setError] = useState<string>();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setDownload(undefined);
    const text = await file.text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]!;
      setError(`${file.name}: line ${(first.row ?? 0) + 2}: ${first.message}`);
      return;
    }
    const parties = parsed.data.map((row, i) => ({
      id: row.id || String(i + 1),
      name: row.name ?? '',
      ...(row.schema ? { schema: row.schema } : {}),
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
      ...(row.country ? { country: row.country } : {}),
      ...(row.nationality ? { nationality: row.nationality } : {}),
      ...(row.gender ? { gender: row.gender.toLowerCase() } : {}),
      ...(row.id_number ? { idNumber: row.id_number } : {}),
    }));
    const lines: string[] = [];
    setProgress({ done: 0, total: parties.length });
    try {
      for (let start = 0; start < parties.length; start += 1000) {
        const part = parties.slice(start, start + 1000);
        const response = await api<{ results: BatchResult[] }>('POST', '/screen/batch', { parties: part });
        for (const r of response.results) lines.push(JSON.stringify(r));
        setProgress({ done: Math.min(parties.length, start + part.length), total: parties.length });
      }
      setDownload(URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'application/x-ndjson' })));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card batch" aria-labelledby="batch-title">
      <h2 id="batch-title">{t.batchTitle}</h2>
      <p className="muted">{t.batchHelp}</p>
      <label>
        CSV <input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {progress && (
        <p>
          {t.progress}: <progress max={progress.total} value={progress.done} /> {progress.done} /{' '}
          {progress.total}
        </p>
      )}
      {download && (
        <a href={download} download="screening-results.jsonl">
          {t.download}
        </a>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
