/**
 * The one alert queue across every engine: filters (kind, rule, severity, status, age, assignee,
 * list), sort, server paging by cursor as the analyst scrolls, a virtualised table so 100,000
 * alerts stay fast, and bulk assignment or a case from the selected alerts.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query } from '../api-client.js';
import type { AlertPage, AlertRecord, CaseRecord } from '../api-types.js';
import { href } from '../hash-route.js';
import { useTexts } from '../i18n.js';

interface Filters {
  kind: string;
  rule: string;
  severity: string;
  status: string;
  assignee: string;
  listVersion: string;
  from: string;
  sort: string;
}

const emptyFilters: Filters = {
  kind: '',
  rule: '',
  severity: '',
  status: '',
  assignee: '',
  listVersion: '',
  from: '',
  sort: 'newest',
};
const rowHeight = 44;

export function AlertQueuePage({ user }: { user: string }) {
  const t = useTexts();
  const [filters, setFilters] = useState<Filters>(() => {
    const kind = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kind') ?? '';
    return { ...emptyFilters, kind };
  });
  const [alerts, setAlerts] = useState<AlertRecord[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState(user);
  const generation = useRef(0);

  const loadPage = useCallback(
    async (reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      setLoading(true);
      try {
        const page = await api<AlertPage>(
          'GET',
          `/alerts${query({
            kind: filters.kind,
            rule: filters.rule,
            severity: filters.severity,
            status: filters.status,
            assignee: filters.assignee,
            listVersion: filters.listVersion,
            from: filters.from,
            sort: filters.sort,
            limit: 200,
            cursor: reset ? undefined : cursor,
          })}`,
        );
        if (mine !== generation.current) return;
        setAlerts((previous) => (reset ? page.alerts : [...previous, ...page.alerts]));
        setCursor(page.nextCursor);
        setDone(!page.nextCursor);
        setError(undefined);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [filters, cursor],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts a new listing
  useEffect(() => {
    setSelected(new Set());
    void loadPage(true);
  }, [filters]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: alerts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= alerts.length - 20 && !done && !loading) void loadPage(false);
  }, [last, alerts.length, done, loading, loadPage]);

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const assignSelected = async () => {
    await api('POST', '/alerts/assign', { alertIds: [...selected], assignee: assignee || null });
    void loadPage(true);
  };
  const caseFromSelected = async () => {
    const first = alerts.find((a) => selected.has(a.id));
    const created = await api<CaseRecord>('POST', '/cases', {
      alertIds: [...selected],
      title: first ? (first.parties?.[0] ?? first.subject) : 'case',
    });
    window.location.hash = href('case', created.id);
  };

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t.queueTitle}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t.filter}>
        <label>
          {t.kind}
          <select value={filters.kind} onChange={set('kind')}>
            <option value="">{t.any}</option>
            {['screening', 'targeting', 'goods', 'reconcile', 'warning'].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          {t.rule}
          <input value={filters.rule} onChange={set('rule')} />
        </label>
        <label>
          {t.severity}
          <select value={filters.severity} onChange={set('severity')}>
            <option value="">{t.any}</option>
            <option>high</option>
            <option>medium</option>
            <option>low</option>
          </select>
        </label>
        <label>
          {t.status}
          <select value={filters.status} onChange={set('status')}>
            <option value="">{t.any}</option>
            <option>open</option>
            <option>in-review</option>
            <option>escalated</option>
            <option>closed</option>
          </select>
        </label>
        <label>
          {t.assignee}
          <input value={filters.assignee} onChange={set('assignee')} />
        </label>
        <label>
          {t.list}
          <input value={filters.listVersion} onChange={set('listVersion')} placeholder="us-ofac-sdn@3" />
        </label>
        <label>
          {t.age}
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label>
          {t.sort}
          <select value={filters.sort} onChange={set('sort')}>
            <option value="newest">{t.newest}</option>
            <option value="oldest">{t.oldest}</option>
            <option value="score">{t.byScore}</option>
          </select>
        </label>
      </form>
      <div className="bulk">
        <span>
          {selected.size} {t.selected} · {alerts.length} {t.shown}
          {loading ? ` · ${t.loadMore}` : ''}
        </span>
        <label>
          {t.assignTo} <input value={assignee} onChange={(e) => setAssignee(e.target.value)} />
        </label>
        <button type="button" disabled={selected.size === 0} onClick={assignSelected}>
          {t.assign}
        </button>
        <button type="button" disabled={selected.size === 0} onClick={caseFromSelected}>
          {t.createCase}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="queue-head" aria-hidden="true">
        <span />
        <span>{t.kind}</span>
        <span>{t.severity}</span>
        <span>{t.score}</span>
        <span>{t.subject}</span>
        <span>{t.summary}</span>
        <span>{t.status}</span>
        <span>{t.raised}</span>
      </div>
      <div ref={scroller} className="queue" data-testid="alert-queue">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const a = alerts[item.index]!;
            return (
              <div
                key={a.id}
                className={`queue-row severity-${a.severity ?? 'none'}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                data-kind={a.kind}
              >
                <input
                  type="checkbox"
                  aria-label={`select ${a.subject}`}
                  checked={selected.has(a.id)}
                  onChange={() => toggle(a.id)}
                />
                <span>{a.kind}</span>
                <span>{a.severity ?? ''}</span>
                <span>{a.score.toFixed(2)}</span>
                <span className="ellipsis" title={a.subject}>
                  {a.parties?.[0] ?? a.subject}
                </span>
                <a className="ellipsis" href={href('alert', a.id)}>
                  {a.evidence.summary}
                </a>
                <span>
                  {a.status}
                  {a.assignee ? ` · ${a.assignee}` : ''}
                </span>
                <span>{a.createdAt.slice(0, 10)}</span>
              </div>
            );
          })}
        </div>
        {!loading && alerts.length === 0 && <p className="muted">{t.nothing}</p>}
      </div>
    </section>
  );
}
