import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.js';
import { compareNames, MATCHER_VERSION, prepareName, scoreNames, scoreParty } from './index.js';
import { checkPartyQuery } from './party-query-limits.js';
import { entity } from '../screener-test-entities.js';

const score = (a: string, b: string, schema = 'Organization') =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));
const details = (a: string, b: string, schema = 'Organization') =>
  compareNames(prepareName(a, schema), prepareName(b, schema)).features.map((f) => f.detail);

describe('sentinela-match-5: a typo in a legal-form or common word does not defeat the match', () => {
  it('finds the issue examples and explains the reading', () => {
    expect(score('RPP LIMITED LIABILITY COMPNY', 'RPP LIMITED LIABILITY COMPANY')).toBeGreaterThan(0.95);
    expect(score('CHONGCHONGANG SHIPPING COMPANY LIMITDE', 'CHONGCHONGANG SHIPPING COMPANY LIMITED')).toBe(1);
    expect(
      details('CHONGCHONGANG SHIPPING COMPANY LIMITDE', 'CHONGCHONGANG SHIPPING COMPANY LIMITED'),
    ).toContain('LIMITDE read as the legal form LIMITED (query)');
    expect(
      score(
        'INVESTIGATIVE COMMITTEE OF THE REPUBLIC OF BELARSU',
        'INVESTIGATIVE COMMITTEE OF THE REPUBLIC OF BELARUS',
      ),
    ).toBeGreaterThan(0.95);
  });

  it('reads the list side through typos too', () => {
    expect(
      score(
        'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PROMINVEST',
        'OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PROMINVEST',
      ),
    ).toBe(1);
  });

  it('takes a slip of a legal form the other name took out for that legal form', () => {
    expect(score('EXIAR OJS', 'EXIAR OJSC')).toBeGreaterThan(0.95);
    expect(score('LC NGF', 'LLC NGF')).toBeGreaterThan(0.95);
    expect(details('EXIAR OJS', 'EXIAR OJSC').join('\n')).toMatch(/OJS read as OJSC/);
    // The same word without the legal form on the other side stays a distinctive extra word.
    expect(score('EXIAR OJS', 'EXIAR')).toBeLessThan(0.7);
  });

  it('ranks a dropped, doubled or swapped letter above a shared sound, never a changed ending', () => {
    expect(score('ADOS', 'KADOS')).toBeGreaterThan(score('ADOS', 'ADISA'));
    expect(
      score('64TH GUARDS DETACHED MTOOR RIFLE BRIGADE', '64TH GUARDS DETACHED MOTOR RIFLE BRIGADE'),
    ).toBeGreaterThan(0.95);
    const juana = compareNames(
      prepareName('Juana Lopez Obrador', 'Person'),
      prepareName('Juan Lopez Obrador', 'Person'),
    );
    expect(juana.features.some((f) => f.detail.includes('typo'))).toBe(false);
  });

  it('lets short codes one slip apart agree barely, but not with a replaced consonant', () => {
    expect(score('CAPE AGS', 'CAPE GAS')).toBeGreaterThanOrEqual(0.7);
    expect(score('CAPE GAT', 'CAPE GAS')).toBeLessThan(0.7);
    expect(score('ATN, Yaozong', 'TAN, Yaozong', 'Person')).toBeGreaterThanOrEqual(0.7);
  });
});

describe('sentinela-match-5: personal names one letter apart stay two names', () => {
  const person = (a: string, b: string) => score(a, b, 'Person');
  it('takes a doubled letter or a swap for a slip between people, a letter dropped in a short name for less', () => {
    // A letter dropped inside a short name counts a step under a slip
    // (INNER_DROP_SIMILARITY), above a shared sound; Yasmin and Yasin stay below a doubled letter.
    const yasin = compareNames(prepareName('Yasmin Arfan', 'Person'), prepareName('Yasin Arfan', 'Person'));
    expect(yasin.features.some((f) => f.detail.includes('(0.89)'))).toBe(true);
    expect(person('Yasmin Arfan', 'Yasin Arfan')).toBeLessThan(person('Mohamed Arfan', 'Mohammed Arfan'));
    expect(person('Mohamed Arfan', 'Mohammed Arfan')).toBeGreaterThan(0.95);
  });

  it('never reads a given name as a slip of a dropped particle (Chinese Lin against Bin)', () => {
    expect(person('琳 徐', 'XU, Bin')).toBeLessThan(0.7);
    expect(person('斌 陈', 'YIN CHEIN')).toBeLessThan(0.7);
  });
});

describe('sentinela-match-5: every exact name finds itself', () => {
  it('scores a name written identically 1.0, initials and thin evidence notwithstanding', () => {
    for (const name of ['DOCTOR M.R.O.', 'EL M', '1-P', 'INVESTIGATIVE COMMITTEE OF THE REPUBLIC OF BELARUS'])
      expect(score(name, name)).toBe(1);
    expect(scoreNames(prepareName('DON T', 'Person'), prepareName('DON T', 'Person'))).toBe(1);
  });

  it('carries a version that says which rules produced an explanation', () => {
    expect(MATCHER_VERSION).toBe('sentinela-match-13');
  });
});

describe('names: bounded shortened forms, hidden characters, field sizes', () => {
  it('does not take a name for the shortened form of a much longer word', () => {
    const long = `SINALOA${'X'.repeat(67)}`;
    expect(score('SINALOA', long)).toBeLessThan(0.5);
    expect(
      scoreNames(prepareName('Alex Petrov', 'Person'), prepareName('Alexander Petrov', 'Person')),
    ).toBeGreaterThan(0.8);
  });

  it('removes a bidi override from the query and reports it in the explanation', () => {
    const c = compareNames(
      prepareName('SINA\u202eLOA CARTEL', 'Organization'),
      prepareName('SINALOA CARTEL', 'Organization'),
    );
    expect(c.score).toBe(1);
    expect(c.features.find((f) => f.feature === 'hidden-characters')?.detail).toContain('U+202E');
  });

  it('refuses a field over its documented size with a reason naming it', () => {
    const query = { id: 'q', name: 'x'.repeat(10_000_000) };
    expect(() => checkPartyQuery(query)).toThrow(InputError);
    expect(() => checkPartyQuery(query)).toThrow(/name is 10,000,000 characters; the limit is 1,000/);
    expect(() => checkPartyQuery({ id: 'q', name: 'A', idNumber: '9'.repeat(300) })).toThrow(/idNumber/);
    const listed = entity({ id: 'e', schema: 'Person', names: [{ full: 'A B', kind: 'primary' }] });
    expect(() => scoreParty(query, prepareName(query.name), listed, prepareName('A B', 'Person'))).toThrow(
      InputError,
    );
  });
});
