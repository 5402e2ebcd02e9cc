/**
 * An alert's evidence laid out for its engine: for a screening hit, the customer record beside
 * the listed entity and the feature lines; for other engines, their structured facts (order lines,
 * both ledger records, the declaration and the fired rules) as labelled tables.
 */
import { useEffect, useState } from 'react';
import { api } from '../api-client.js';
import type { AlertRecord, FeatureLine } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { Explanation } from './explanation.js';

interface ListedEntity {
  id: string;
  schema: string;
  names: { full: string; kind: string }[];
  birthDates?: string[];
  nationalities?: string[];
  countries?: string[];
  programs?: string[];
  identifiers?: { type: string; value: string }[];
}

export function EvidenceView({ alert }: { alert: AlertRecord }) {
  if (alert.kind === 'screening') return <ScreeningEvidence alert={alert} />;
  return <FactsTable data={alert.evidence.data} />;
}

function ScreeningEvidence({ alert }: { alert: AlertRecord }) {
  const t = useTexts();
  const data = alert.evidence.data as {
    query?: Record<string, unknown>;
    entity?: { list: string; id: string; name: string; listVersion: string };
    features?: FeatureLine[];
  };
  const [entity, setEntity] = useState<ListedEntity>();
  useEffect(() => {
    const e = data.entity;
    if (!e) return;
    api<ListedEntity>(
      'GET',
      `/lists/versions/${encodeURIComponent(e.listVersion)}/entities/${encodeURIComponent(e.id)}`,
    )
      .then(setEntity)
      .catch(() => setEntity(undefined));
  }, [data.entity]);
  return (
    <div className="side-by-side">
      <div className="card">
        <h4>{t.subject}</h4>
        <FactsTable data={data.query ?? {}} />
      </div>
      <div className="card">
        <h4>
          {data.entity?.list}@{data.entity?.listVersion} · {data.entity?.id}
        </h4>
        {entity ? (
          <dl>
            <dt>{t.name}</dt>
            <dd>{entity.names.map((n) => `${n.full} (${n.kind})`).join('; ')}</dd>
            <dt>schema</dt>
            <dd>{entity.schema}</dd>
            {entity.birthDates?.length ? (
              <>
                <dt>birth date</dt>
                <dd>{entity.birthDates.join(', ')}</dd>
              </>
            ) : null}
            {entity.nationalities?.length ? (
              <>
                <dt>nationality</dt>
                <dd>{entity.nationalities.join(', ')}</dd>
              </>
            ) : null}
            {entity.programs?.length ? (
              <>
                <dt>programs</dt>
                <dd>{entity.programs.join(', ')}</dd>
              </>
            ) : null}
            {entity.identifiers?.length ? (
              <>
                <dt>identifiers</dt>
                <dd>{entity.identifiers.map((i) => `${i.type} ${i.value}`).join('; ')}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{data.entity?.name}</p>
        )}
      </div>
      {data.features && (
        <div className="card wide">
          <h4>{t.why}</h4>
          <Explanation lines={data.features} />
        </div>
      )}
    </div>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Structured facts: arrays of records become tables (order lines, ledger records), the rest a list. */
export function FactsTable({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  return (
    <dl className="facts">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            {Array.isArray(value) &&
            value.length > 0 &&
            value.every((v) => v && typeof v === 'object' && !Array.isArray(v)) ? (
              <RecordsTable rows={value as Record<string, unknown>[]} />
            ) : (
              cell(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RecordsTable({ rows }: { rows: Record<string, unknown>[] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, 12);
  return (
    <table className="records">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence rows are fixed
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{cell(r[c])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
