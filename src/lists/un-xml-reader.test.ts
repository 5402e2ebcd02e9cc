import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { readList, readUnXml } from './index.js';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

describe('readUnXml on a small sample', () => {
  it('reads individuals and entities with names, aliases, dates and documents', async () => {
    const list = await readUnXml([fixture('un-sample.xml')]);
    expect(list.list).toBe('un-sc');
    expect(list.format).toBe('un-xml');
    expect(list.publishedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(list.entities.map((e) => [e.id, e.schema])).toEqual([
      ['SXi.001', 'Person'],
      ['SXe.001', 'Organization'],
    ]);
    const [person, company] = list.entities;
    expect(person!.names).toEqual([
      { full: 'SAMPLE PERSON', kind: 'primary', given: 'SAMPLE', family: 'PERSON' },
      { full: 'سامبل', kind: 'original-script' },
      { full: 'SAMPLE P.', kind: 'strong' },
      { full: 'Sammy', kind: 'weak' },
    ]);
    expect(person!.birthDates).toEqual(['1970', '1971', '1972']);
    expect(person!.nationalities).toEqual(['Sampleland']);
    expect(person!.programs).toEqual(['Sample']);
    expect(person!.identifiers).toEqual([
      { type: 'passport', value: 'P000001', country: 'Sampleland', label: 'Passport' },
    ]);
    expect(company!.names[1]).toEqual({ full: 'OLD SAMPLE CO', kind: 'former' });
    expect(company!.addresses).toEqual([
      { full: 'Sample City, Sampleland', city: 'Sample City', country: 'Sampleland' },
    ]);
    expect(company!.countries).toEqual(['Sampleland']);
  });
});

describeWithSharedData('readUnXml on the shared UN consolidated list', () => {
  const unXml = sharedData('sanctions', 'un_consolidated_2026-02-27', 'UN_consolidated.xml');

  it('reads all 730 individuals and 273 entities, keyed by reference number', async () => {
    const list = await readList([unXml]);
    expect(list.format).toBe('un-xml');
    expect(list.publishedAt).toBe('2026-02-27T00:00:09.554Z');
    expect(list.entities.filter((e) => e.schema === 'Person')).toHaveLength(730);
    expect(list.entities.filter((e) => e.schema === 'Organization')).toHaveLength(273);
    expect(new Set(list.entities.map((e) => e.id)).size).toBe(1003);
    expect(list.warnings).toEqual([]);
  });

  it('keeps original-script names, documents, dates of birth and alias quality', async () => {
    const list = await readList([unXml]);
    const byId = new Map(list.entities.map((e) => [e.id, e]));
    const saddam = byId.get('IQi.001')!;
    expect(saddam.names).toContainEqual({ full: 'صدام حسين التكريتي', kind: 'original-script' });
    expect(saddam.names).toContainEqual({ full: 'Abu Ali', kind: 'weak' });
    expect(saddam.birthDates).toEqual(['1937-04-28']);
    expect(saddam.birthPlaces).toEqual(['al-Awja, near Tikrit, Iraq']);
    expect(saddam.programs).toEqual(['Iraq']);

    const withPassport = list.entities.filter((e) => e.identifiers.some((i) => i.type === 'passport'));
    expect(withPassport.length).toBeGreaterThan(150);
    const badege = byId.get('CDi.001')!;
    expect(badege.gender).toBe('male');
    expect(badege.birthDates).toEqual(['1971']);
    expect(badege.nationalities).toEqual(['Democratic Republic of the Congo']);
    // CDi.004 gives its date of birth only in a note: "Nov. 1973".
    expect(byId.get('CDi.004')!.birthDates).toEqual(['1973-11']);

    const between = list.entities.filter(
      (e) => e.birthDates.length >= 2 && e.birthDates.every((d) => /^\d{4}$/.test(d)),
    );
    expect(between.length).toBeGreaterThan(10);
  });
});
