/**
 * The day's inspection list for a port: the declarations and crossings the targeting engine
 * selected, each with the rules that fired and the model's strongest reasons, exploration picks
 * marked so an officer knows they were chosen to learn, not for a high score.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../api-client.js';
import { href } from '../hash-route.js';
import { useTexts } from '../i18n.js';

interface InspectionPick {
  alertId: string;
  declarationId: string;
  day: string;
  port: string;
  hs6: string;
  score: number;
  reason: 'risk' | 'exploration';
  rank: number;
  firedRules: Array<{ name: string; weight: number; reason: string }>;
  modelReasons: Array<{ feature: string; logOdds: number; value: number }>;
  scoredBy: string;
  status: string;
}

interface InspectionList {
  picks: InspectionPick[];
  ports: string[];
  days: string[];
}

export function InspectionsPage() {
  const t = useTexts();
  const [port, setPort] = useState('');
  const [day, setDay] = useState<string>();
  const [list, setList] = useState<InspectionList>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const result = await api<InspectionList>('GET', `/inspections${query({ port, day })}`);
      // The first visit opens on the latest day with picks: the list an officer works today.
      if (day === undefined && result.days.length > 0) {
        setDay(result.days[result.days.length - 1]);
        return;
      }
      setList(result);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [port, day]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="inspections-title">
      <h1 id="inspections-title">{t.inspectionsTitle}</h1>
      <p className="muted">{t.inspectionsHelp}</p>
      <div className="inline">
        <label>
          {t.port}{' '}
          <select value={port} onChange={(e) => setPort(e.target.value)}>
            <option value="">{t.allPorts}</option>
            {list?.ports.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.day}{' '}
          <select value={day ?? ''} onChange={(e) => setDay(e.target.value)}>
            <option value="">{t.allDays}</option>
            {list?.days.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {list && (
          <span role="status" data-testid="inspection-count">
            {list.picks.length} {t.picksCount}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="muted">{t.explorationHelp}</p>
      {list && list.picks.length === 0 && <p>{t.nothing}</p>}
      {list && list.picks.length > 0 && (
        <table data-testid="inspection-list">
          <thead>
            <tr>
              <th scope="col">{t.declaration}</th>
              <th scope="col">{t.port}</th>
              <th scope="col">{t.day}</th>
              <th scope="col">HS</th>
              <th scope="col">{t.score}</th>
              <th scope="col">{t.selectedFor}</th>
              <th scope="col">{t.firedRules}</th>
              <th scope="col">{t.modelReasons}</th>
            </tr>
          </thead>
          <tbody>
            {list.picks.map((p) => (
              <tr key={p.alertId} data-reason={p.reason}>
                <td>
                  <a href={href('alert', p.alertId)}>{p.declarationId}</a>
                </td>
                <td>{p.port}</td>
                <td>{p.day}</td>
                <td>{p.hs6}</td>
                <td>{p.score.toFixed(3)}</td>
                <td>
                  {p.reason === 'exploration' ? (
                    <span className="tag exploration">{t.exploration}</span>
                  ) : (
                    t.onRisk
                  )}{' '}
                  ({t.rank} {p.rank})
                </td>
                <td>
                  {p.firedRules.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="reasons">
                      {p.firedRules.map((r) => (
                        <li key={r.name}>
                          <strong>{r.name}</strong>: {r.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {p.modelReasons.length === 0 ? (
                    <span className="muted">{t.noModelReasons}</span>
                  ) : (
                    <ul className="reasons">
                      {p.modelReasons.map((m) => (
                        <li key={m.feature}>
                          {m.feature} = {m.value} (+{m.logOdds.toFixed(2)})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
