import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFtmJson, readList } from './index.js';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

describe('readFtmJson', () => {
  it('maps FollowTheMoney properties to entity fields', async () => {
    const list = await readList([fixture('ftm-sample.jsonl')]);
    expect(list.format).toBe('ftm-json');
    expect(list.list).toBe('sample_watchlist');
    expect(list.entities.map((e) => [e.id, e.schema])).toEqual([
      ['sample-person-1', 'Person'],
      ['sample-company-1', 'Company'],
      ['sample-vessel-1', 'Vessel'],
    ]);
    expect(list.warnings).toEqual([
      'skipped FtM entities whose schema is not a screening target: 1 Sanction',
    ]);
    const [person, company, vessel] = list.entities;
    expect(person!.names).toEqual([
      { full: 'Juan Carlos Ejemplo Ruiz', kind: 'primary', given: 'Juan Carlos', family: 'Ejemplo Ruiz' },
      { full: 'El Ejemplo', kind: 'strong' },
      { full: 'JC', kind: 'weak' },
    ]);
    expect(person!.birthDates).toEqual(['1981-10-01']);
    expect(person!.gender).toBe('male');
    expect(person!.programs).toEqual(['SDNTK']);
    expect(person!.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['passport', 'G12345678'],
      ['national-id', 'EERJ811001HTSJZN09'],
      ['tax-id', 'EERJ811001AB1'],
    ]);
    expect(person!.attributes.topics).toEqual(['sanction', 'crime.traffick']);
    expect(company!.names[1]).toEqual({ full: 'Ejemplo Viejo S.A.', kind: 'former' });
    expect(company!.countries).toEqual(['mx']);
    expect(vessel!.identifiers.map((i) => i.type)).toEqual(['imo', 'mmsi', 'call-sign']);
    expect(vessel!.countries).toEqual(['pa']);
  });

  it('takes the list name from the option over the datasets field', async () => {
    const list = await readFtmJson([fixture('ftm-sample.jsonl')], { list: 'in-house-ftm' });
    expect(list.list).toBe('in-house-ftm');
  });
});
