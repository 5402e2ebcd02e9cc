/**
 * A small hand-written watchlist for the screening tests: public facts in the shape the list
 * readers produce, written for these tests (not taken from benchmark rows).
 */
import type { Entity } from '../core/index.js';

type EntityInput = Pick<Entity, 'id' | 'schema' | 'names'> & Partial<Entity>;

/** An entity with every list field empty but those given. */
export function entity(input: EntityInput): Entity {
  return {
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    countries: [],
    identifiers: [],
    programs: [],
    links: [],
    attributes: {},
    ...input,
  };
}

export const testEntities: Entity[] = [
  entity({
    id: 'P1',
    schema: 'Person',
    names: [
      { full: 'GUZMAN LOERA, Joaquin', kind: 'primary', given: 'Joaquin', family: 'GUZMAN LOERA' },
      { full: 'EL CHAPO', kind: 'weak' },
    ],
    birthDates: ['1957-04-04'],
    nationalities: ['Mexico'],
    identifiers: [{ type: 'curp', value: 'GULJ570404HSLZRQ01' }],
  }),
  entity({
    id: 'P2',
    schema: 'Person',
    names: [{ full: 'ZAMBADA GARCIA, Ismael', kind: 'primary' }],
    birthDates: ['1948-01-01'],
    nationalities: ['Mexico'],
  }),
  entity({
    id: 'P3',
    schema: 'Person',
    names: [
      { full: 'OSEGUERA CERVANTES, Nemesio', kind: 'primary' },
      { full: 'EL MENCHO', kind: 'weak' },
    ],
    birthDates: ['1966-07-17'],
  }),
  entity({
    id: 'P4',
    schema: 'Person',
    names: [{ full: 'GARCIA LOPEZ, Maria Fernanda', kind: 'primary' }],
    birthDates: ['1980-02-10'],
    identifiers: [{ type: 'passport', value: 'G1234567', country: 'Mexico' }],
  }),
  entity({
    id: 'C1',
    schema: 'Organization',
    names: [{ full: 'CARIBBEAN TRADING LIMITED', kind: 'primary' }],
  }),
  entity({
    id: 'C2',
    schema: 'Organization',
    names: [
      { full: 'CARTEL DE JALISCO NUEVA GENERACION', kind: 'primary' },
      { full: 'CJNG', kind: 'strong' },
    ],
  }),
  entity({
    id: 'C3',
    schema: 'Company',
    names: [{ full: 'FARMACIA NUEVA ESPERANZA, S.A. DE C.V.', kind: 'primary' }],
    identifiers: [{ type: 'rfc', value: 'FNE010101AB1' }],
  }),
  entity({
    id: 'V1',
    schema: 'Vessel',
    names: [{ full: 'NORTHERN STAR', kind: 'primary' }],
    identifiers: [{ type: 'imo', value: 'IMO 9123456' }],
  }),
];

/** Names nobody listed here has, for "no match" checks. */
export const unlistedNames = ['Patricia Wheeler', 'Tomasz Kowalski', 'Blue Harbour Bakery LLC'];
