import { describe, expect, it } from 'vitest';
import { type Entity, EntitySchema } from '../core/index.js';
import { applyPartialUpdate } from './partial-update.js';

function org(id: string, name: string, programs: string[] = []): Entity {
  return EntitySchema.parse({
    id,
    schema: 'Organization',
    names: [{ full: name, kind: 'primary' }],
    programs,
  });
}

describe('applyPartialUpdate', () => {
  it('replaces entities by id, adds new ones and never removes', () => {
    const base = [
      org('10386', 'GULF CARTEL', ['SDNTK']),
      org('36', 'AEROCARIBBEAN AIRLINES'),
      org('8237', 'JUAREZ CARTEL'),
    ];
    const update = [org('10386', 'GULF CARTEL', ['SDNTK', 'FTO']), org('60001', 'NEW CO')];
    const result = applyPartialUpdate(base, update);
    expect(result.added).toBe(1);
    expect(result.replaced).toBe(1);
    expect(result.entities.map((e) => e.id)).toEqual(['36', '8237', '10386', '60001']);
    expect(result.entities.find((e) => e.id === '10386')?.programs).toEqual(['SDNTK', 'FTO']);
  });

  it('leaves the base untouched', () => {
    const base = [org('1', 'A')];
    applyPartialUpdate(base, [org('1', 'B')]);
    expect(base[0]?.names[0]?.full).toBe('A');
  });

  it('an empty update gives the base back', () => {
    const base = [org('2', 'B'), org('1', 'A')];
    const result = applyPartialUpdate(base, []);
    expect(result).toMatchObject({ added: 0, replaced: 0 });
    expect(result.entities.map((e) => e.id)).toEqual(['1', '2']);
  });
});

describe('applyPartialUpdate of one file of a relational publication', () => {
  const stored = EntitySchema.parse({
    id: '10351',
    schema: 'Person',
    names: [
      { full: 'TORRES FELIX, Javier', kind: 'primary' },
      { full: 'EL JT', kind: 'weak' },
      { full: 'TAMAYO TORRES, Horacio', kind: 'strong', origin: 'alias' },
    ],
    addresses: [{ full: 'Culiacan, Sinaloa, Mexico', country: 'Mexico', origin: 'address' }],
    countries: ['Mexico'],
    programs: ['SDNTK'],
    attributes: { aliasRemarks: ['TAMAYO TORRES, Horacio: note'] },
  });
  const fromPrimaryOnly = EntitySchema.parse({
    id: '10351',
    schema: 'Person',
    names: [{ full: 'TORRES FELIX, Javier', kind: 'primary' }],
    programs: ['SDNTK', 'FTO'],
  });
  const partAttributes = { alias: ['aliasRemarks'] };

  it('keeps the aliases, addresses and alias attributes of the files the update does not supply', () => {
    const result = applyPartialUpdate([stored], [fromPrimaryOnly], { parts: ['primary'], partAttributes });
    const entity = result.entities[0]!;
    expect(entity.programs).toEqual(['SDNTK', 'FTO']);
    expect(entity.names.map((n) => n.full)).toEqual(['TORRES FELIX, Javier', 'TAMAYO TORRES, Horacio']);
    expect(entity.addresses.map((a) => a.full)).toEqual(['Culiacan, Sinaloa, Mexico']);
    expect(entity.countries).toEqual(['Mexico']);
    expect(entity.attributes.aliasRemarks).toEqual(['TAMAYO TORRES, Horacio: note']);
    expect(result.kept).toEqual({ names: 1, addresses: 1 });
  });

  it('facts from the primary record (the remarks a.k.a.) follow the update', () => {
    const result = applyPartialUpdate([stored], [fromPrimaryOnly], { parts: ['primary'], partAttributes });
    expect(result.entities[0]!.names.some((n) => n.full === 'EL JT')).toBe(false);
  });

  it("takes the update's aliases when it supplies the alias file, even none", () => {
    const withAlt = { ...fromPrimaryOnly, names: [...fromPrimaryOnly.names] };
    const result = applyPartialUpdate([stored], [withAlt], {
      parts: ['primary', 'alias'],
      partAttributes,
    });
    const entity = result.entities[0]!;
    expect(entity.names.map((n) => n.full)).toEqual(['TORRES FELIX, Javier']);
    expect(entity.attributes.aliasRemarks).toBeUndefined();
    expect(entity.addresses).toHaveLength(1);
  });

  it('a reader that declares no parts replaces entities whole', () => {
    const result = applyPartialUpdate([stored], [fromPrimaryOnly]);
    expect(result.entities[0]).toEqual(fromPrimaryOnly);
  });
});
