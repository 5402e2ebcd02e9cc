import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema } from '../core/index.js';
import { diffEntities } from './entity-diff.js';

function org(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    ...extra,
  });
}

describe('diffEntities', () => {
  const sinaloa2024 = org('11440', 'SINALOA CARTEL', {
    names: [
      { full: 'SINALOA CARTEL', kind: 'primary' },
      { full: 'CARTEL DE SINALOA', kind: 'strong' },
    ],
    programs: ['SDNTK', 'ILLICIT-DRUGS-EO14059'],
  });
  const sinaloa2025 = {
    ...sinaloa2024,
    programs: ['SDNTK', 'FTO', 'SDGT', 'ILLICIT-DRUGS-EO14059'],
    attributes: { organizationType: ['Transnational Terrorist Group'] },
  };
  const zetas2024 = org('11438', 'LOS ZETAS', { programs: ['SDNTK'] });
  const zetas2025 = org('11438', 'CARTEL DEL NORESTE', {
    names: [
      { full: 'CARTEL DEL NORESTE', kind: 'primary' },
      { full: 'LOS ZETAS', kind: 'strong' },
    ],
    programs: ['SDNTK', 'FTO'],
  });

  it('finds added, removed and changed entities, and counts the unchanged', () => {
    const same = org('36', 'AEROCARIBBEAN AIRLINES');
    const gone = org('5000', 'DELISTED CO');
    const fresh = org('60000', 'NEW FRONT S.A. DE C.V.');
    const diff = diffEntities([same, sinaloa2024, gone, zetas2024], [fresh, zetas2025, sinaloa2025, same]);
    expect(diff.added.map((e) => e.id)).toEqual(['60000']);
    expect(diff.added[0]).toEqual({
      id: '60000',
      schema: 'Organization',
      name: 'NEW FRONT S.A. DE C.V.',
      programs: [],
    });
    expect(diff.removed.map((e) => e.name)).toEqual(['DELISTED CO']);
    expect(diff.changed.map((c) => c.id)).toEqual(['11438', '11440']);
    expect(diff.unchanged).toBe(1);
  });

  it('says which fields changed, old and new, with what was added and removed', () => {
    const diff = diffEntities([sinaloa2024], [sinaloa2025]);
    const change = diff.changed[0]!;
    expect(change.name).toBe('SINALOA CARTEL');
    expect(change.previousName).toBeUndefined();
    expect(change.fields.map((f) => f.field)).toEqual(['programs', 'attributes.organizationType']);
    expect(change.fields[0]).toEqual({
      field: 'programs',
      before: ['ILLICIT-DRUGS-EO14059', 'SDNTK'],
      after: ['FTO', 'ILLICIT-DRUGS-EO14059', 'SDGT', 'SDNTK'],
      added: ['FTO', 'SDGT'],
      removed: [],
    });
    expect(change.fields[1]).toMatchObject({ before: [], added: ['Transnational Terrorist Group'] });
  });

  it('reports a renamed entity with its previous name and the alias kinds', () => {
    const change = diffEntities([zetas2024], [zetas2025]).changed[0]!;
    expect(change.name).toBe('CARTEL DEL NORESTE');
    expect(change.previousName).toBe('LOS ZETAS');
    const names = change.fields.find((f) => f.field === 'names')!;
    expect(names.added).toEqual(['CARTEL DEL NORESTE', 'LOS ZETAS (strong)']);
    expect(names.removed).toEqual(['LOS ZETAS']);
  });

  it('covers dates, identifiers, addresses, links, nationality and gender', () => {
    const before = EntitySchema.parse({
      id: '17674',
      schema: 'Person',
      names: [{ full: 'OSEGUERA CERVANTES, Nemesio', kind: 'primary' }],
      birthDates: ['1966-07-17'],
      nationalities: ['Mexico'],
      identifiers: [{ type: 'curp', value: 'OECN660717HMNSRM08', label: 'C.U.R.P.', country: 'Mexico' }],
      addresses: [{ full: 'Guadalajara, Jalisco, Mexico', city: 'Guadalajara' }],
      links: [{ relation: 'Linked To', targetName: 'CARTEL DE JALISCO NUEVA GENERACION', targetId: '17671' }],
    });
    const after = {
      ...before,
      names: [{ full: 'OSEGUERA CERVANTES, Ruben', kind: 'primary' as const }],
      birthDates: ['1966-07-17', '1964-07-17'],
      identifiers: [],
      addresses: [{ full: 'Zapopan, Jalisco, Mexico' }],
      links: [],
      gender: 'male' as const,
    };
    const fields = Object.fromEntries(
      diffEntities([before], [after]).changed[0]!.fields.map((f) => [f.field, f]),
    );
    expect(Object.keys(fields)).toEqual([
      'names',
      'birthDates',
      'gender',
      'identifiers',
      'addresses',
      'links',
    ]);
    expect(fields.birthDates!.added).toEqual(['1964-07-17']);
    expect(fields.identifiers!.removed).toEqual(['C.U.R.P.: OECN660717HMNSRM08 (Mexico)']);
    expect(fields.addresses).toMatchObject({
      before: ['Guadalajara, Jalisco, Mexico'],
      after: ['Zapopan, Jalisco, Mexico'],
    });
    expect(fields.links!.removed).toEqual(['Linked To: CARTEL DE JALISCO NUEVA GENERACION #17671']);
    expect(fields.gender).toMatchObject({ before: [], after: ['male'] });
  });

  it('ignores the order of entities and of values inside a field', () => {
    const a = org('1', 'A', { programs: ['SDNTK', 'FTO'], countries: ['MX', 'US'] });
    const b = org('1', 'A', { programs: ['FTO', 'SDNTK'], countries: ['US', 'MX'] });
    const diff = diffEntities([a, org('2', 'B')], [org('2', 'B'), b]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });

  it('orders results by id, numerically where ids are numbers', () => {
    const after = ['9', '100', '10', 'QDe.1', '2'].map((id) => org(id, `E${id}`));
    expect(diffEntities([], after).added.map((e) => e.id)).toEqual(['2', '9', '10', '100', 'QDe.1']);
  });
});
