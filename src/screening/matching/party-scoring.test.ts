import { describe, expect, it } from 'vitest';
import type { Entity, PartyQuery } from '../../core/index.js';
import { DEFAULT_THRESHOLD, PartyScorer, prepareName, scoreParty } from './index.js';

const entity: Entity = {
  id: 'e1',
  schema: 'Person',
  names: [{ full: 'FUENTES RIVAS, Hector Manuel', kind: 'primary' }],
  addresses: [{ full: 'Culiacan, Sinaloa, Mexico', country: 'Mexico' }],
  birthDates: ['1968-03-14'],
  birthPlaces: [],
  nationalities: ['Mexico'],
  countries: [],
  gender: 'male',
  identifiers: [{ type: 'rfc', value: 'FURH-680314-AB1', label: 'R.F.C.' }],
  programs: [],
  links: [],
  attributes: {},
};
const alias = prepareName(entity.names[0]!.full, 'Person');

function score(query: Partial<PartyQuery> & { name: string }) {
  const q: PartyQuery = { id: 'q', ...query };
  return scoreParty(q, prepareName(q.name, q.schema ?? 'Person'), entity, alias);
}

describe('scoreParty qualifiers', () => {
  const base = score({ name: 'Hector Fuentes' }).score;

  it('gives a small boost for the same date of birth', () => {
    const r = score({ name: 'Hector Fuentes', birthDate: '1968-03-14' });
    expect(r.score).toBeGreaterThan(base);
    expect(r.explanation.find((f) => f.feature === 'birth-date')?.detail).toBe(
      'DOB 1968-03-14 vs 1968-03-14: same date',
    );
  });
  it('costs nothing when only the year is known and it agrees', () => {
    const r = score({ name: 'Hector Fuentes', birthDate: '1968' });
    expect(r.score).toBe(base);
    expect(r.explanation.find((f) => f.feature === 'birth-date')?.detail).toContain('year agrees');
  });
  it('penalises a different day less than a different year', () => {
    const day = score({ name: 'Hector Fuentes', birthDate: '1968-07-02' }).score;
    const year = score({ name: 'Hector Fuentes', birthDate: '1975-03-14' }).score;
    expect(day).toBeLessThan(base);
    expect(year).toBeLessThan(day);
    expect(year).toBeLessThan(DEFAULT_THRESHOLD);
  });
  it('penalises a different nationality and rewards the same one', () => {
    expect(score({ name: 'Hector Fuentes', nationality: 'Colombia' }).score).toBeLessThan(base);
    expect(score({ name: 'Hector Fuentes', nationality: 'MX' }).score).toBeGreaterThan(base);
  });
  it('penalises a different gender', () => {
    const r = score({ name: 'Hector Fuentes', gender: 'female' });
    expect(r.score).toBeLessThan(base);
    expect(r.explanation.some((f) => f.feature === 'gender')).toBe(true);
  });
  it('makes an exact identifier match decisive, ignoring spaces, dashes and case', () => {
    const r = score({ name: 'H. M. Fuentes-Rivas Comercial', idNumber: 'furh680314ab1' });
    expect(r.score).toBeGreaterThanOrEqual(0.99);
    expect(r.explanation.find((f) => f.feature === 'identifier')?.detail).toContain('exact match');
  });
  it('lowers the score when the query is of another kind than the entity', () => {
    expect(score({ name: 'Hector Fuentes', schema: 'Vessel' }).score).toBeLessThan(DEFAULT_THRESHOLD);
  });
  it('explains the name comparison first', () => {
    const r = score({ name: 'Hector Fuentes' });
    expect(r.explanation[0]?.feature).toBe('name');
    expect(r.explanation.some((f) => f.detail === 'name part FUENTES matched exactly')).toBe(true);
  });
});

describe('scoreParty with a floor', () => {
  const queries: PartyQuery[] = [
    { id: 'a', name: 'Hector Fuentes', birthDate: '1968-03-14' },
    { id: 'b', name: 'Maria Lopez Ortega', birthDate: '1990' },
    { id: 'c', name: 'Hector Puentes', nationality: 'Mexico' },
    { id: 'd', name: 'Fuentes Rivas Hector', schema: 'Vessel' },
    { id: 'e', name: 'Someone Else', idNumber: 'FURH680314AB1' },
  ];

  it('gives the same score as without it, for candidates above and below', () => {
    for (const q of queries) {
      const prepared = prepareName(q.name, q.schema ?? 'Person');
      const full = scoreParty(q, prepared, entity, alias);
      const floored = scoreParty(q, prepared, entity, alias, { floor: DEFAULT_THRESHOLD });
      expect(floored.score).toBe(full.score);
      if (full.score >= DEFAULT_THRESHOLD) expect(floored.explanation).toEqual(full.explanation);
    }
  });

  it('explains a candidate below the floor by its name score and qualifiers only', () => {
    const q: PartyQuery = { id: 'b', name: 'Maria Lopez Ortega', birthDate: '1990' };
    const r = scoreParty(q, prepareName(q.name, 'Person'), entity, alias, { floor: DEFAULT_THRESHOLD });
    expect(r.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(r.explanation[0]?.feature).toBe('name');
    expect(r.explanation.some((f) => f.feature === 'birth-date')).toBe(true);
    expect(r.explanation.some((f) => f.feature === 'name-part' || f.feature === 'name-conflict')).toBe(false);
  });
});

describe('PartyScorer (many candidates of one query)', () => {
  const queries: PartyQuery[] = [
    { id: 'a', name: 'Hector Fuentes', birthDate: '1968-03-14', nationality: 'Mexico' },
    { id: 'b', name: 'Maria Lopez Ortega', birthDate: '1990' },
    { id: 'c', name: 'Hector Puentes', gender: 'female' },
    { id: 'd', name: 'Fuentes Rivas Hector', schema: 'Vessel' },
    { id: 'e', name: 'Someone Else', idNumber: 'FURH680314AB1' },
    { id: 'f', name: 'H. Fuentes Rivas', birthDate: '1975' },
    // The listed name exactly with another birth year (1.0 - 0.2) and another country too (- 0.1):
    // the default floor itself; and another gender on top (- 0.12): below it whatever the name.
    { id: 'g', name: 'FUENTES RIVAS, Hector Manuel', birthDate: '1970' },
    { id: 'h', name: 'FUENTES RIVAS, Hector Manuel', birthDate: '1970', nationality: 'Colombia' },
    {
      id: 'i',
      name: 'FUENTES RIVAS, Hector Manuel',
      birthDate: '1970',
      nationality: 'Colombia',
      gender: 'female',
    },
    { id: 'j', name: 'Someone Else', birthDate: '1970', gender: 'female', idNumber: 'FURH680314AB1' },
  ];

  it('scores a perfect name down to the floor by its qualifiers, and says -1 below it', () => {
    expect(DEFAULT_THRESHOLD).toBe(0.7);
    const at = (q: PartyQuery) =>
      new PartyScorer(q, prepareName(q.name, 'Person'), DEFAULT_THRESHOLD).score(entity, alias);
    expect(at(queries[6]!)).toBe(0.8);
    expect(at(queries[7]!)).toBe(0.7);
    expect(at(queries[8]!)).toBe(-1);
    // An identifier match is decisive whatever the name and the qualifiers say.
    expect(at(queries[9]!)).toBe(0.99);
  });

  it('scores exactly as scoreParty above the floor and says -1 only below it', () => {
    for (const floor of [0, 0.5, 0.7, 0.8, 0.95]) {
      for (const q of queries) {
        const prepared = prepareName(q.name, q.schema ?? 'Person');
        const reference = scoreParty(q, prepared, entity, alias).score;
        const fast = new PartyScorer(q, prepared, floor).score(entity, alias);
        if (reference >= floor) expect(fast).toBe(reference);
        else expect(fast).toBe(-1);
      }
    }
  });
});

describe('PartyScorer across schemas', () => {
  // `schema` as a string: the list readers give only known schemas, but the scorer must not rely on it.
  const named = (schema: string, full: string): Entity => ({
    ...entity,
    id: schema,
    schema: schema as Entity['schema'],
    names: [{ full, kind: 'primary' }],
  });
  // The same name on each side, so only the schemas keep a party from the top score.
  const entities = [
    named('Person', 'Hector Fuentes Rivas'),
    named('Organization', 'Hector Fuentes Rivas'),
    named('Vessel', 'Hector Fuentes Rivas'),
    named('LegalEntity', 'Hector Fuentes Rivas'),
    // Unknown schema with a legal form: prepared as an organisation, compatible with any query.
    named('Thing', 'Hector Fuentes Rivas SA de CV'),
  ];
  const schemas = [undefined, 'Person', 'Organization', 'Company', 'Vessel', 'Thing', 'LegalEntity'];

  it('scores exactly as scoreParty, schema mismatches included, at every floor', () => {
    for (const e of entities) {
      const listed = prepareName(e.names[0]!.full, e.schema);
      for (const schema of schemas) {
        const q: PartyQuery = {
          id: 'q',
          name: e.names[0]!.full,
          ...(schema ? { schema } : {}),
        } as PartyQuery;
        const prepared = prepareName(q.name, q.schema);
        for (const floor of [0, 0.5, 0.55, 0.6, 0.8]) {
          const reference = scoreParty(q, prepared, e, listed).score;
          const fast = new PartyScorer(q, prepared, floor).score(e, listed);
          expect(fast, `${schema} query, ${e.schema} entity, floor ${floor}`).toBe(
            reference >= floor ? reference : -1,
          );
        }
      }
    }
  });

  it('does not compare a person with a vessel at the default threshold, nor decode the vessel', () => {
    const q: PartyQuery = { id: 'q', name: 'Hector Fuentes Rivas', schema: 'Person' };
    const vessel = entities[2]!;
    let decoded = 0;
    const getter = () => {
      decoded++;
      return vessel;
    };
    const scorer = new PartyScorer(q, prepareName(q.name, q.schema), DEFAULT_THRESHOLD);
    expect(scorer.score(getter, prepareName(vessel.names[0]!.full, 'Vessel'))).toBe(-1);
    expect(decoded).toBe(0);
    // The organisation read from a name of unknown schema is still a candidate for a person.
    const unknown = entities[4]!;
    const asOrganisation = prepareName(unknown.names[0]!.full, unknown.schema);
    expect(asOrganisation.schema).toBe('Organization');
    expect(scorer.score(unknown, asOrganisation)).toBe(
      scoreParty(q, prepareName(q.name, q.schema), unknown, asOrganisation).score,
    );
  });
});
