import { describe, expect, it } from 'vitest';
import type { PartyQuery, ScreeningMatch } from '../core/index.js';
import { inQueryShape, ScreenedRowCache, screenRows } from './batch-screening-rows.js';
import { createScreener, type Screener } from './screener.js';
import { testEntities } from './screener-test-entities.js';

/** A screener that records what it was asked, so the tests can see which rows were screened afresh. */
function recordingScreener(): Pick<Screener, 'screen'> & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    screen(query: PartyQuery): ScreeningMatch[] {
      asked.push(query.id);
      if (query.name === 'boom') throw new Error('cannot screen');
      return [
        {
          entityId: `e-${query.name}`,
          list: 'l',
          listVersion: '1',
          name: query.name,
          matchedAlias: query.name,
          score: 0.9,
          match: true,
          explanation: [],
          algorithm: 't',
        },
      ];
    },
  };
}

describe('screenRows', () => {
  it('screens a row repeated with another id once, and gives both rows the result', () => {
    const screener = recordingScreener();
    const results = screenRows(
      screener,
      [
        { id: 'a', name: 'Maria Lopez' },
        { id: 'b', name: 'Maria Lopez' },
      ],
      {},
    );
    expect(screener.asked).toEqual(['a']);
    expect(results[1]).toEqual(results[0]);
  });

  it('screens afresh when a qualifier or the options differ', () => {
    const screener = recordingScreener();
    const cache = new ScreenedRowCache();
    screenRows(screener, [{ id: 'a', name: 'Maria Lopez' }], {}, cache);
    screenRows(screener, [{ id: 'b', name: 'Maria Lopez', birthDate: '1970' }], {}, cache);
    screenRows(screener, [{ id: 'c', name: 'Maria Lopez' }], { threshold: 0.5 }, cache);
    screenRows(screener, [{ id: 'd', name: 'Maria Lopez' }], {}, cache);
    expect(screener.asked).toEqual(['a', 'b', 'c']);
  });

  it('takes a row with the same fields in another order, or an absent field as undefined, as the same row', () => {
    const screener = recordingScreener();
    const cache = new ScreenedRowCache();
    screenRows(screener, [{ id: 'a', name: 'Maria Lopez', country: 'MX', gender: 'female' }], {}, cache);
    screenRows(screener, [{ gender: 'female', country: 'MX', name: 'Maria Lopez', id: 'b' }], {}, cache);
    screenRows(
      screener,
      [{ id: 'c', name: 'Maria Lopez', country: 'MX', gender: 'female', idNumber: undefined }],
      {},
      cache,
    );
    screenRows(screener, [{ id: 'd', name: 'Maria Lopez', country: 'MX' }], {}, cache);
    screenRows(
      screener,
      [{ id: 'e', name: 'Maria Lopez', country: 'MX', gender: 'female', idNumber: 'X1' }],
      {},
      cache,
    );
    expect(screener.asked).toEqual(['a', 'd', 'e']);
  });

  it('forgets every row once full, then screens a repeated one afresh', () => {
    const screener = recordingScreener();
    const cache = new ScreenedRowCache(2);
    const rows = ['Ana Ruiz', 'Maria Lopez', 'Ana Ruiz', 'Luis Perez', 'Ana Ruiz'];
    screenRows(
      screener,
      rows.map((name, i) => ({ id: `r${i}`, name })),
      {},
      cache,
    );
    expect(screener.asked).toEqual(['r0', 'r1', 'r3', 'r4']);
  });

  it('reports a failing row as an error, repeated rows included, and goes on', () => {
    const screener = recordingScreener();
    const results = screenRows(
      screener,
      [
        { id: 'a', name: 'boom' },
        { id: 'b', name: 'Ana Ruiz' },
        { id: 'c', name: 'boom' },
      ],
      {},
    );
    expect(results[0]).toEqual({ error: 'cannot screen' });
    expect(results[2]).toEqual({ error: 'cannot screen' });
    expect('matches' in results[1]!).toBe(true);
  });
});

describe('inQueryShape', () => {
  it('gives every query the same fields in the same order, with the same values', () => {
    const sparse: PartyQuery = { id: 'a', name: 'Ana Ruiz', gender: 'female' };
    const full: PartyQuery = { id: 'b', name: 'Joaquin Guzman', schema: 'Person', birthDate: '1957' };
    expect(Object.keys(inQueryShape(sparse))).toEqual(Object.keys(inQueryShape(full)));
    expect(inQueryShape(sparse)).toEqual(sparse);
    expect(inQueryShape(full)).toEqual(full);
  });

  it('does not change what the screener finds', () => {
    const screener = createScreener([{ list: 'test', version: '1', entities: testEntities }]);
    for (const query of [
      { id: 'q1', name: 'Joaquin Guzman Loera', birthDate: '1957-04-04', nationality: 'MX' },
      { id: 'q2', name: 'Cartel de Sinaloa', schema: 'Organization' },
      { id: 'q3', name: 'Ana Ruiz', gender: 'female' },
    ] satisfies PartyQuery[])
      expect(screener.screen(inQueryShape(query), { threshold: 0.5 })).toEqual(
        screener.screen(query, { threshold: 0.5 }),
      );
  });
});
