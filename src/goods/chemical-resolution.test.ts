/** Strict resolution of a reported chemical (name, synonym or CAS number) to the shipped catalog. */
import { describe, expect, it } from 'vitest';
import { CatalogIndex } from './catalog-index.js';
import { resolveChemical } from './chemical-resolution.js';
import { shippedCatalog } from './test-catalog.js';

const index = new CatalogIndex(shippedCatalog());

function itemOf(chemical?: string, cas?: string): string | undefined {
  const r = resolveChemical(index, chemical, cas);
  return r.kind === 'catalog' ? r.item.id : undefined;
}

describe('resolveChemical', () => {
  it('resolves CAS numbers written with or without dashes or a CAS prefix', () => {
    expect(resolveChemical(index, '108247')).toMatchObject({ kind: 'catalog', by: 'cas', cas: '108-24-7' });
    expect(itemOf('108-24-7')).toBe('acetic-anhydride');
    expect(itemOf('CAS 39742-60-4')).toBe('npp');
    expect(itemOf(undefined, '39742604')).toBe('npp');
  });

  it('resolves names and synonyms whatever their case and word order', () => {
    expect(resolveChemical(index, 'acetic oxide')).toMatchObject({ kind: 'catalog', by: 'name' });
    expect(itemOf('ANHYDRIDE ACETIC')).toBe('acetic-anhydride');
    expect(itemOf('heliotropine')).toBe('piperonal');
    expect(itemOf('NPP')).toBe('npp');
  });

  it('keeps chemicals the catalog does not list as unlisted, not merged into a listed one', () => {
    expect(resolveChemical(index, 'Sample compound Q-7')).toEqual({
      kind: 'unlisted',
      name: 'Sample compound Q-7',
    });
    // Ethyl acetate (141-78-6) is an ordinary solvent, not in the catalog.
    expect(resolveChemical(index, '141786')).toEqual({ kind: 'unlisted', cas: '141-78-6' });
    expect(resolveChemical(index, 'ethyl acetate')).toMatchObject({ kind: 'unlisted' });
  });

  it('rejects a CAS number with a wrong check digit, naming the digit expected', () => {
    const r = resolveChemical(index, '108-24-8');
    expect(r).toMatchObject({ kind: 'invalid', field: 'chemical' });
    expect(r.kind === 'invalid' && r.reason).toMatch(/check digit.*7/);
    expect(resolveChemical(index, 'Acetone', '67-64-2')).toMatchObject({ kind: 'invalid', field: 'cas' });
  });

  it('rejects a name and a CAS number naming different catalog chemicals, and an empty row', () => {
    expect(resolveChemical(index, 'Acetone', '108-24-7')).toMatchObject({ kind: 'invalid', field: 'cas' });
    expect(itemOf('Acetone', '67-64-1')).toBe('acetone');
    expect(resolveChemical(index, ' ', '')).toMatchObject({ kind: 'invalid', field: 'chemical' });
  });
});
