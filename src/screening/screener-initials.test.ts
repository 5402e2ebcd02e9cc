import { describe, expect, it } from 'vitest';
import type { PartyQuery } from '../core/index.js';
import { DEFAULT_THRESHOLD } from './matching/index.js';
import { createScreener } from './screener.js';
import { entity, testEntities } from './screener-test-entities.js';

/**
 * Persons as the list readers give them (surname, then given names in full), beside the test
 * watchlist, searched the way payment messages write them: given names cut to initials, apart
 * ("V. V. Putin") or together ("Putin VV"). Public listings (OFAC SDN, UN).
 */
const persons = [
  entity({
    id: 'I1',
    schema: 'Person',
    names: [
      {
        full: 'PUTIN, Vladimir Vladimirovich',
        kind: 'primary',
        given: 'Vladimir Vladimirovich',
        family: 'PUTIN',
      },
    ],
  }),
  entity({
    id: 'I2',
    schema: 'Person',
    names: [{ full: 'AWEYS, Hassan Dahir', kind: 'primary', given: 'Hassan Dahir', family: 'AWEYS' }],
  }),
  entity({
    id: 'I3',
    schema: 'Person',
    names: [{ full: 'CARO QUINTERO, Rafael', kind: 'primary', given: 'Rafael', family: 'CARO QUINTERO' }],
  }),
];
const screener = createScreener([
  { list: 'test-list', version: '1', entities: [...testEntities, ...persons] },
]);
const q = (name: string): PartyQuery => ({ id: 'q', name, schema: 'Person' });

/** Initials forms and the entity each must find. */
const forms: Array<[string, string]> = [
  ['V. V. Putin', 'I1'],
  ['Putin V.V.', 'I1'],
  ['Putin VV', 'I1'],
  ['H. D. Aweys', 'I2'],
  ['HD Aweys', 'I2'],
  ['R. Caro Quintero', 'I3'],
  ['J. Guzman Loera', 'P1'],
];

describe('screener: names written with initials', () => {
  it('finds the listed person at rank 1, above the default threshold, without --exhaustive', () => {
    for (const [name, id] of forms) {
      const [top] = screener.screen(q(name));
      expect(top?.entityId, name).toBe(id);
      expect(top!.score, name).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    }
  });

  it('returns what scoring every alias returns', () => {
    for (const [name] of forms) {
      const indexed = screener.screen(q(name), { minScore: 0.5 });
      const exhaustive = screener.screen(q(name), { minScore: 0.5, exhaustive: true });
      expect(indexed, name).toEqual(exhaustive);
    }
  });

  it('does not find a person through initials alone', () => {
    // Initials agree with Hassan Dahir, the surname with nobody: no candidate, no alert.
    expect(screener.screen(q('H. D. Kowalski'))).toEqual([]);
  });
});
