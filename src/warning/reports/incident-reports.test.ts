/** Incident rows to reports: one incident each, chemicals named by the resolver, bad rows rejected by line and field. */
import { describe, expect, it } from 'vitest';
import {
  type IncidentChemicalResolver,
  looksLikeIncidentHeader,
  parseIncidentReports,
} from './incident-reports.js';

// A stand-in catalog of two chemicals (the real one is the goods catalog, wired in the services layer).
const resolve: IncidentChemicalResolver = (chemical, cas) => {
  const id = (cas ?? chemical ?? '').toLowerCase();
  if (id === '108247' || id === 'acetic oxide')
    return { kind: 'listed', name: 'Acetic anhydride', by: cas ? 'cas' : 'name' };
  if (id === '1-2-3')
    return { kind: 'invalid', field: cas ? 'cas' : 'chemical', reason: 'wrong check digit' };
  return { kind: 'unlisted', name: chemical };
};

describe('parseIncidentReports', () => {
  it('reads one seizure report per row under the resolved name, country codes in upper case', () => {
    const text =
      'Date,Country,Chemical,CAS,Quantity,Unit\n2025-03-02,mx,,108247,200,L\n2025-03-04,NL,acetic oxide,,5,kg\n';
    const parsed = parseIncidentReports(text, 'csv', resolve);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.accepted).toEqual([
      {
        date: '2025-03-02',
        region: 'MX',
        substance: 'Acetic anhydride',
        count: 1,
        quantity: 200,
        unit: 'L',
        source: 'seizure',
        line: 2,
      },
      {
        date: '2025-03-04',
        region: 'NL',
        substance: 'Acetic anhydride',
        count: 1,
        quantity: 5,
        unit: 'kg',
        source: 'seizure',
        line: 3,
      },
    ]);
    expect(parsed.resolvedBy).toEqual({ cas: 1, name: 1 });
  });

  it('keeps an unlisted chemical under its written name and lists its lines', () => {
    const text =
      'date,country,chemical\n2025-03-02,CO,Sample  Compound Q-7\n2025-04-02,CO,sample compound q-7\n';
    const parsed = parseIncidentReports(text, 'csv', resolve);
    expect(parsed.accepted.map((r) => r.substance)).toEqual(['sample compound q-7', 'sample compound q-7']);
    expect([...parsed.unlisted]).toEqual([['sample compound q-7', [2, 3]]]);
  });

  it('rejects bad rows by line and field, so rows in = accepted + rejected', () => {
    const text = [
      'date,country,chemical,quantity',
      '2025-02-30,MX,acetic oxide,1',
      '2025-03-01,,acetic oxide,1',
      '2025-03-01,MX,1-2-3,1',
      '2025-03-01,MX,acetic oxide,-2',
      '2025-03-01,MX,acetic oxide,lots',
      '2025-03-01,MX,,4',
      '2025-03-01,MX,acetic oxide,4',
    ].join('\n');
    const parsed = parseIncidentReports(text, 'csv', (c, cas) =>
      c === undefined && cas === undefined
        ? { kind: 'invalid', field: 'chemical', reason: 'is required' }
        : resolve(c, cas),
    );
    expect(parsed.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'date'],
      [3, 'country'],
      [4, 'chemical'],
      [5, 'quantity'],
      [6, 'quantity'],
      [7, 'chemical'],
    ]);
    expect(parsed.accepted.map((r) => r.line)).toEqual([8]);
  });

  it('reads JSON lines and rejects a line that is not an object', () => {
    const parsed = parseIncidentReports(
      '{"date":"2025-01-01","country":"MX","cas":"108247"}\n[1]\n',
      'jsonl',
      resolve,
    );
    expect(parsed.accepted).toHaveLength(1);
    expect(parsed.rejected).toEqual([{ line: 2, field: 'row', reason: 'must be a JSON object' }]);
  });

  it('recognises an incident header', () => {
    expect(looksLikeIncidentHeader(['date', 'country', 'cas', 'quantity'])).toBe(true);
    expect(looksLikeIncidentHeader(['date', 'region', 'substance'])).toBe(false);
  });
});
