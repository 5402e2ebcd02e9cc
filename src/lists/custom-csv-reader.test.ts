import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readList } from './index.js';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

describe('readCustomCsv', () => {
  it('reads an in-house list with aliases, dates, identifiers and extra columns', async () => {
    const list = await readList([fixture('custom-sample.csv')]);
    expect(list.format).toBe('csv');
    expect(list.list).toBe('custom-sample');
    expect(list.entities).toEqual([
      {
        id: 'C-1',
        schema: 'Company',
        names: [
          { full: 'Empresa Ejemplo, S.A. de C.V.', kind: 'primary' },
          { full: 'Ejemplo', kind: 'strong' },
          { full: 'EJEMPLO SA', kind: 'strong' },
        ],
        addresses: [{ full: 'Calle Uno 1, Monterrey' }],
        birthDates: [],
        birthPlaces: [],
        nationalities: [],
        countries: ['MX'],
        identifiers: [{ type: 'rfc', value: 'EEJ010101AA1' }],
        programs: ['INTERNAL'],
        links: [],
        attributes: { risk_note: ['customer declined'] },
      },
      {
        id: 'C-2',
        schema: 'Person',
        names: [{ full: 'Juan Ejemplo', kind: 'primary' }],
        addresses: [],
        birthDates: ['1981-10', '1980'],
        birthPlaces: [],
        nationalities: ['MX'],
        countries: [],
        identifiers: [],
        programs: ['INTERNAL'],
        links: [],
        attributes: {},
        gender: 'male',
      },
    ]);
  });

  it('uses the list option as the list name', async () => {
    const list = await readList([fixture('custom-sample.csv')], { list: 'bank-internal' });
    expect(list.list).toBe('bank-internal');
  });
});
