import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Entity, InputError } from '../core/index.js';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { readList, readOfacCsv } from './index.js';

const fixture = (...parts: string[]) => resolve(import.meta.dirname, 'fixtures', ...parts);
const byId = (entities: Entity[]) => new Map(entities.map((e) => [e.id, e]));

function countBySchema(entities: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.schema] = (counts[e.schema] ?? 0) + 1;
  return counts;
}

describe('readOfacCsv on a small sample set', () => {
  it('reads a folder as one list with aliases, addresses and remarks facts', async () => {
    const list = await readOfacCsv([fixture('ofac-sample')]);
    expect(list.list).toBe('us-ofac-sdn');
    expect(list.format).toBe('ofac-csv');
    expect(list.files.map((f) => f.path.split('/').pop())).toEqual(['sdn.csv', 'alt.csv', 'add.csv']);
    expect(list.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.bytes > 0)).toBe(true);
    const entities = byId(list.entities);
    expect(entities.size).toBe(3);

    const cartel = entities.get('9001')!;
    expect(cartel.schema).toBe('Organization');
    expect(cartel.programs).toEqual(['SDNTK', 'FTO']);
    expect(cartel.names).toEqual([
      { full: 'SAMPLE CARTEL', kind: 'primary' },
      { full: 'CARTEL DE MUESTRA', kind: 'strong', origin: 'alias' },
      { full: 'LOS EJEMPLOS', kind: 'weak' },
    ]);
    expect(cartel.attributes.organizationType).toEqual(['Transnational Terrorist Group']);
    expect(cartel.countries).toEqual(['Mexico']);

    const person = entities.get('9002')!;
    expect(person.schema).toBe('Person');
    expect(person.names[0]).toEqual({
      full: 'EJEMPLO RUIZ, Juan Carlos',
      kind: 'primary',
      family: 'EJEMPLO RUIZ',
      given: 'Juan Carlos',
    });
    expect(person.names[1]).toMatchObject({ full: 'RUIZ, Juan', kind: 'former' });
    expect(person.birthDates).toEqual(['1981-10-01', '1980']);
    expect(person.birthPlaces).toEqual(['Matamoros, Tamaulipas, Mexico']);
    expect(person.nationalities).toEqual(['Mexico']);
    expect(person.gender).toBe('male');
    expect(person.identifiers.map((i) => i.type)).toEqual(['rfc', 'curp', 'passport']);
    expect(person.links).toEqual([{ relation: 'linked-to', targetName: 'SAMPLE CARTEL' }]);
    expect(person.addresses).toEqual([
      {
        full: 'Calle Uno 1, Matamoros, Tamaulipas, Mexico',
        origin: 'address',
        street: 'Calle Uno 1',
        city: 'Matamoros, Tamaulipas',
        country: 'Mexico',
      },
    ]);

    const vessel = entities.get('9003')!;
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.identifiers).toEqual([
      { type: 'call-sign', value: 'XYZ12', label: 'Call Sign' },
      { type: 'imo', value: '9999991', label: 'Vessel Registration Identification IMO' },
      { type: 'mmsi', value: '352000001', label: 'MMSI' },
    ]);
    expect(vessel.attributes).toMatchObject({
      vesselType: ['Cargo'],
      tonnage: ['1200'],
      grossRegisteredTonnage: ['900'],
      vesselFlag: ['Panama'],
      vesselOwner: ['Naviera Muestra S.A.'],
    });
    expect(vessel.countries).toEqual(['Panama']);
  });

  it('counts alias rows for unknown entities as a warning, not an error', async () => {
    const list = await readOfacCsv([fixture('ofac-sample')]);
    expect(list.warnings).toHaveLength(1);
    expect(list.warnings[0]).toMatch(
      /alt\.csv: 1 alias row\(s\) for 1 ent_num\(s\) with no primary row \(e\.g\. 9999\)/,
    );
  });

  it('applies an update file over a full file by ent_num', async () => {
    const list = await readOfacCsv([fixture('ofac-sample'), fixture('ofac-update', 'sdn_update.csv')], {
      partial: true,
    });
    expect(list.partial).toBe(true);
    const entities = byId(list.entities);
    expect(entities.size).toBe(4);
    expect(entities.get('9001')!.programs).toEqual(['SDNTK', 'FTO', 'SDGT']);
    // The replaced primary row keeps the aliases joined from alt.csv.
    expect(entities.get('9001')!.names.map((n) => n.full)).toContain('CARTEL DE MUESTRA');
    expect(entities.get('9004')!.identifiers[0]).toMatchObject({ type: 'rfc', value: 'NEE010101AA1' });
  });

  it('decodes Windows-1252 bytes with a warning', async () => {
    const list = await readOfacCsv([fixture('ofac-latin1')]);
    expect(list.entities[0]!.names[0]!.full).toBe('PEÑA NIETO, José');
    expect(list.warnings[0]).toMatch(/sdn\.csv:1: not valid UTF-8; decoded the file as Windows-1252/);
  });

  it('rejects cons and sdn files in one version', async () => {
    const error = await readList([fixture('ofac-sample'), sharedData('sanctions', 'ofac_non_sdn_2025-12')], {
      format: 'ofac-csv',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
  });
});

describeWithSharedData('readOfacCsv on the shared OFAC files', () => {
  const sdn2024 = sharedData('sanctions', 'ofac_sdn_2024-05-03');

  it('reads every row of the 2024 SDN file', async () => {
    const list = await readList([sdn2024]);
    expect(list.list).toBe('us-ofac-sdn');
    expect(list.entities).toHaveLength(14965);
    expect(countBySchema(list.entities)).toEqual({
      Person: 6854,
      Vessel: 851,
      Aircraft: 376,
      Organization: 6884,
    });
    // Without sdn_comments.csv the cut remarks are said to be cut, not read as whole.
    expect(list.warnings).toEqual([
      '18 entities have remarks cut at 1000 characters and no comments file (sdn_comments.csv) was given: facts after the cut are not read',
    ]);
    const entities = byId(list.entities);
    const sinaloa = entities.get('11440')!;
    expect(sinaloa.names[0]!.full).toBe('SINALOA CARTEL');
    expect(sinaloa.programs).toEqual(['SDNTK', 'ILLICIT-DRUGS-EO14059']);
    expect(sinaloa.names.filter((n) => n.kind === 'former').map((n) => n.full)).toEqual([
      'MEXICAN FEDERATION',
      'GUADALAJARA CARTEL',
    ]);

    const mencho = entities.get('17674')!;
    expect(mencho.birthDates).toEqual(['1966-07-17', '1964-07-17']);
    expect(mencho.birthPlaces).toEqual(['Naranjo de Chila, Aguililla, Michoacan, Mexico']);
    expect(mencho.names).toContainEqual({ full: 'Mencho', kind: 'weak' });

    const aguilar = entities.get('7163')!;
    expect(aguilar.birthDates).toEqual(['1953-09-29']);
    expect(aguilar.identifiers).toContainEqual({
      type: 'rfc',
      value: 'AUAM-530929',
      country: 'Mexico',
      label: 'R.F.C.',
    });

    const ebano = entities.get('4243')!;
    expect(ebano.schema).toBe('Vessel');
    expect(ebano.identifiers).toContainEqual({
      type: 'imo',
      value: '7406784',
      label: 'Vessel Registration Identification IMO',
    });
    const marAzul = entities.get('4238')!;
    expect(marAzul.identifiers).toContainEqual({ type: 'call-sign', value: 'CL2192', label: 'Call Sign' });
  });

  it('finds Mexican R.F.C. and C.U.R.P. numbers throughout the file', async () => {
    const list = await readList([sdn2024]);
    const types = new Map<string, number>();
    for (const e of list.entities)
      for (const i of e.identifiers) types.set(i.type, (types.get(i.type) ?? 0) + 1);
    // Counted with grep over the Remarks column: "R.F.C." and "C.U.R.P." labelled facts.
    expect(types.get('rfc')).toBeGreaterThan(300);
    expect(types.get('curp')).toBeGreaterThan(400);
    const modesta = byId(list.entities).get('10356')!;
    expect(modesta.names[0]).toMatchObject({ family: 'ZAMBADA NIEBLA', given: 'Modesta' });
    expect(modesta.birthDates).toEqual(['1982-11-22']);
    expect(modesta.birthPlaces).toEqual(['Culiacan, Sinaloa, Mexico']);
    expect(modesta.nationalities).toEqual(['Mexico']);
    expect(modesta.identifiers).toEqual([
      { type: 'passport', value: '95040018273', country: 'Mexico', label: 'Passport' },
      { type: 'rfc', value: 'ZANM-821122-H87', country: 'Mexico', label: 'R.F.C.' },
      { type: 'curp', value: 'ZANM821122MSLMBD07', country: 'Mexico', label: 'C.U.R.P.' },
    ]);
  });

  it('applies the 2025 excerpt over the 2024 file: the cartels gain FTO', async () => {
    const list = await readList([
      sdn2024,
      sharedData('sanctions', 'ofac_sdn_2025-11_excerpt', 'sdn_excerpt.csv'),
    ]);
    expect(list.entities).toHaveLength(14965);
    const entities = byId(list.entities);
    expect(entities.get('11440')!.programs).toEqual(['SDNTK', 'FTO', 'SDGT', 'ILLICIT-DRUGS-EO14059']);
    expect(entities.get('17671')!.programs).toContain('FTO');
    expect(entities.get('11438')!.names[0]!.full).toBe('CARTEL DEL NORESTE');
    expect(entities.get('17674')!.names[0]).toMatchObject({ family: 'OSEGUERA CERVANTES', given: 'Ruben' });
    expect(entities.get('11440')!.attributes.organizationType).toEqual(['Transnational Terrorist Group']);
  });

  it('joins the 2025 alias and address files to the 2024 primary file', async () => {
    const list = await readList([sdn2024, sharedData('sanctions', 'ofac_2025-12_alt_add_comments')]);
    const entities = byId(list.entities);
    expect(entities.get('11440')!.names).toContainEqual({
      full: 'CARTEL DE SINALOA',
      kind: 'strong',
      origin: 'alias',
    });
    expect(
      entities
        .get('17671')!
        .names.filter((n) => n.kind === 'strong')
        .map((n) => n.full),
    ).toEqual(['NEW GENERATION CARTEL OF JALISCO', 'CJNG', 'JALISCO NEW GENERATION CARTEL']);
    expect(entities.get('7163')!.addresses.length).toBeGreaterThan(0);
    // Entities designated after May 2024 have aliases but no primary row: counted warnings.
    expect(
      list.warnings.some((w) =>
        /alt\.csv: \d+ alias row\(s\) for \d+ ent_num\(s\) with no primary row/.test(w),
      ),
    ).toBe(true);
  });

  it('reads the non-SDN consolidated list with its comments', async () => {
    const list = await readList([sharedData('sanctions', 'ofac_non_sdn_2025-12')]);
    expect(list.list).toBe('us-ofac-cons');
    expect(list.entities).toHaveLength(442);
    expect(countBySchema(list.entities)).toEqual({ Person: 79, Organization: 363 });
    expect(list.warnings).toEqual([]);
    // ent 17250's remarks are cut after "1027700070518 " and continue with "(Russia)" in cons_comments.csv.
    const continued = byId(list.entities).get('17250')!;
    expect(continued.identifiers).toContainEqual(
      expect.objectContaining({ label: 'Registration Number', value: '1027700070518', country: 'Russia' }),
    );
  });
});
