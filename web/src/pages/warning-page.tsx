/**
 * Early-warning charts per substance and region: the counts, the expected value and the threshold,
 * and the alarms, drawn with uPlot from the warning alerts themselves. A rise alert carries the
 * recent counts (or positivity shares) and, for its own period only, the expected value and the
 * bound — so the chart shows those where alarms were raised; the reports are not stored, and the
 * page says so rather than drawing a curve it does not have. Novelty and spread signals are
 * listed on a timeline below.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, query } from '../api-client.js';
import type { AlertRecord, AlertPage } from '../api-types.js';
import { href } from '../hash-route.js';
import { type Texts, useTexts } from '../i18n.js';

interface Alarm {
  alert: AlertRecord;
  period: string;
  observed: number;
  expected: number | null;
  threshold: number | null;
  detector: string;
}

interface ChartSeries {
  key: string;
  subject: string;
  measure: 'count' | 'positivity';
  periods: string[];
  counts: (number | null)[];
  expected: (number | null)[];
  threshold: (number | null)[];
  alarms: (number | null)[];
  alarmList: Alarm[];
}

interface Group {
  subject: string;
  measure: 'count' | 'positivity';
  alarms: Alarm[];
  recent: Map<string, number>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Rise alerts grouped by subject and measure, their points merged on one period axis. */
export function chartSeries(alerts: readonly AlertRecord[]): ChartSeries[] {
  const groups = new Map<string, Group>();
  for (const alert of alerts) {
    const d = alert.evidence.data;
    if (d.signal !== 'rise' || typeof d.period !== 'string') continue;
    const measure = d.measure === 'positivity' ? 'positivity' : 'count';
    const key = `${alert.subject}|${measure}`;
    const group: Group = groups.get(key) ?? {
      subject: alert.subject,
      measure,
      alarms: [],
      recent: new Map(),
    };
    groups.set(key, group);
    group.alarms.push({
      alert,
      period: d.period,
      observed: num(measure === 'positivity' ? d.share : d.observed) ?? 0,
      expected: num(measure === 'positivity' ? d.expectedShare : d.expected),
      threshold: num(measure === 'positivity' ? d.upperShare : d.upperbound),
      detector: String(d.detector ?? alert.rule.name),
    });
    if (d.recent && typeof d.recent === 'object')
      for (const [period, value] of Object.entries(d.recent as Record<string, unknown>)) {
        const v = num(value);
        if (v !== null) group.recent.set(period, v);
      }
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const periods = [...new Set([...g.recent.keys(), ...g.alarms.map((a) => a.period)])].sort();
      const at = new Map(g.alarms.map((a) => [a.period, a]));
      return {
        key,
        subject: g.subject,
        measure: g.measure,
        periods,
        counts: periods.map((p) => g.recent.get(p) ?? at.get(p)?.observed ?? null),
        expected: periods.map((p) => at.get(p)?.expected ?? null),
        threshold: periods.map((p) => at.get(p)?.threshold ?? null),
        alarms: periods.map((p) => at.get(p)?.observed ?? null),
        alarmList: g.alarms.sort((a, b) => a.period.localeCompare(b.period)),
      };
    })
    .sort((a, b) => b.alarmList.length - a.alarmList.length || a.key.localeCompare(b.key));
}

const colors = { counts: '#0b5cad', expected: '#4a5560', threshold: '#8a5300', alarms: '#a4161a' };

function WarningChart({ series, t }: { series: ChartSeries; t: Texts }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = series.periods.map((_, i) => i);
    const chart = new uPlot(
      {
        width: Math.max(320, Math.min(900, el.clientWidth || 900)),
        height: 260,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
        axes: [
          {
            values: (_u, ticks) => ticks.map((i) => series.periods[i] ?? ''),
            stroke: '#1a1f24',
          },
          { stroke: '#1a1f24' },
        ],
        series: [
          {},
          { label: t.counts, stroke: colors.counts, width: 2, points: { show: true, size: 5 } },
          { label: t.expected, stroke: colors.expected, dash: [6, 4], points: { show: true, size: 6 } },
          { label: t.threshold, stroke: colors.threshold, dash: [2, 3], points: { show: true, size: 6 } },
          {
            label: t.alarms,
            stroke: colors.alarms,
            fill: colors.alarms,
            paths: () => null,
            points: { show: true, size: 11, fill: colors.alarms, stroke: colors.alarms },
          },
        ],
      },
      [x, series.counts, series.expected, series.threshold, series.alarms],
      el,
    );
    return () => chart.destroy();
  }, [series, t]);
  const [substance, region] = series.subject.split('|');
  const title = `${substance} — ${region === '*' ? t.allRegions : region}${series.measure === 'positivity' ? ` (${t.positivity})` : ''}`;
  return (
    <figure className="warning-chart" data-testid="warning-chart">
      <figcaption>
        <strong>{title}</strong>{' '}
        <span className="chart-key">
          <span className="key counts">━ {t.counts}</span>{' '}
          <span className="key expected">╌ {t.expected}</span>{' '}
          <span className="key threshold">┄ {t.threshold}</span>{' '}
          <span className="key alarms">● {t.alarms}</span>
        </span>
      </figcaption>
      <div ref={box} role="img" aria-label={`${t.chartLabel} ${title}`} />
      <table className="alarms" data-testid="warning-alarms">
        <caption>{t.alarms}</caption>
        <thead>
          <tr>
            <th scope="col">{t.period}</th>
            <th scope="col">{t.observed}</th>
            <th scope="col">{t.expected}</th>
            <th scope="col">{t.threshold}</th>
            <th scope="col">{t.detector}</th>
          </tr>
        </thead>
        <tbody>
          {series.alarmList.map((a) => (
            <tr key={a.alert.id}>
              <td>
                <a href={href('alert', a.alert.id)}>{a.period}</a>
              </td>
              <td>{a.observed}</td>
              <td>{a.expected ?? '—'}</td>
              <td>{a.threshold ?? '—'}</td>
              <td>{a.detector}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function WarningPage() {
  const t = useTexts();
  const [alerts, setAlerts] = useState<AlertRecord[]>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState('');
  useEffect(() => {
    void (async () => {
      try {
        const all: AlertRecord[] = [];
        let cursor: string | undefined;
        // At most 10,000 warning alerts: enough for years of weekly signals per substance.
        for (let i = 0; i < 10; i++) {
          const page = await api<AlertPage>(
            'GET',
            `/alerts${query({ kind: 'warning', limit: 1000, cursor })}`,
          );
          all.push(...page.alerts);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        setAlerts(all);
      } catch (e) {
        setError((e as Error).message);
      }
    })();
  }, []);
  const series = useMemo(() => chartSeries(alerts ?? []), [alerts]);
  const shown = selected ? series.filter((s) => s.key === selected) : series.slice(0, 6);
  const timeline = useMemo(
    () =>
      (alerts ?? [])
        .filter((a) => a.evidence.data.signal === 'novelty' || a.evidence.data.signal === 'spread')
        .sort(
          (a, b) =>
            String(b.evidence.data.period).localeCompare(String(a.evidence.data.period)) ||
            a.subject.localeCompare(b.subject),
        ),
    [alerts],
  );
  return (
    <section aria-labelledby="warning-title">
      <h1 id="warning-title">{t.warningTitle}</h1>
      <p className="muted">{t.warningHelp}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {alerts && series.length === 0 && timeline.length === 0 && <p>{t.nothing}</p>}
      {series.length > 0 && (
        <label>
          {t.series}{' '}
          <select value={selected} onChange={(e) => setSelected(e.target.value)}>
            <option value="">{`${Math.min(6, series.length)} / ${series.length}`}</option>
            {series.map((s) => (
              <option key={s.key} value={s.key}>
                {s.subject.replace('|', ' — ')}
                {s.measure === 'positivity' ? ` (${t.positivity})` : ''} ({s.alarmList.length})
              </option>
            ))}
          </select>
        </label>
      )}
      {shown.map((s) => (
        <WarningChart key={s.key} series={s} t={t} />
      ))}
      {timeline.length > 0 && (
        <>
          <h2>{t.timelineTitle}</h2>
          <ol className="timeline" data-testid="warning-timeline">
            {timeline.map((a) => (
              <li key={a.id} data-signal={String(a.evidence.data.signal)}>
                <span className="when">{String(a.evidence.data.period)}</span>{' '}
                <span className={`tag ${String(a.evidence.data.signal)}`}>
                  {String(a.evidence.data.signal)}
                </span>{' '}
                <a href={href('alert', a.id)}>{a.evidence.summary}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
