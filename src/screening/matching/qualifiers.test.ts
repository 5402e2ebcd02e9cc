import { describe, expect, it } from 'vitest';
import type { Entity, PartyQuery } from '../../core/index.js';
import { entity } from '../screener-test-entities.js';
import { mayLowerScore, qualifierAdjustments, qualifierDelta } from './qualifiers.js';

const listed = (over: Partial<Entity>): Entity =>
  entity({ id: 'e', schema: 'Person', names: [{ full: 'Hector Fuentes', kind: 'primary' }], ...over });

const entities = [
  listed({}),
  listed({ birthDates: ['1968-03-14', '1969'], nationalities: ['Mexico'], gender: 'male' }),
  listed({ birthDates: ['1968'], countries: ['MX'], addresses: [{ full: 'Bogota', country: 'Colombia' }] }),
  listed({ addresses: [{ full: 'somewhere' }], nationalities: ['United States'], gender: 'female' }),
  listed({ identifiers: [{ type: 'rfc', value: 'FURH-680314-AB1' }], birthDates: ['1968-03-15'] }),
];
const queries: PartyQuery[] = [
  { id: 'q', name: 'x' },
  { id: 'q', name: 'x', birthDate: '1968-03-14' },
  { id: 'q', name: 'x', birthDate: '1968-03' },
  { id: 'q', name: 'x', birthDate: '1968-04-01', nationality: 'Mexico' },
  { id: 'q', name: 'x', birthDate: '1970', nationality: 'Colombia', gender: 'female' },
  { id: 'q', name: 'x', country: 'USA', gender: 'female' },
  { id: 'q', name: 'x', idNumber: 'furh680314ab1', nationality: 'Spain' },
];

describe('qualifierDelta', () => {
  it('is the delta and identifier match of qualifierAdjustments, without the explanation', () => {
    for (const entity of entities)
      for (const query of queries) {
        const full = qualifierAdjustments(query, entity);
        expect(qualifierDelta(query, entity)).toEqual({
          delta: full.delta,
          identifierMatch: full.identifierMatch,
        });
      }
  });

  it('adds the penalties up: another birth year, another country, another gender', () => {
    const delta = qualifierDelta(queries[4]!, entities[1]!).delta;
    expect(delta).toBeCloseTo(-0.2 - 0.1 - 0.12, 10);
    expect(qualifierAdjustments(queries[4]!, entities[1]!).features.map((f) => f.feature)).toEqual([
      'birth-date',
      'country',
      'gender',
    ]);
  });

  it('says which queries can be lowered by their qualifiers', () => {
    expect(queries.map(mayLowerScore)).toEqual([false, true, true, true, true, true, true]);
  });
});
