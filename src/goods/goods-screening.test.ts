import { describe, expect, it } from 'vitest';
import { AlertSchema } from '../core/index.js';
import { CatalogIndex } from './catalog-index.js';
import { type GoodsAlert, toStoredAlert } from './goods-alert.js';
import { screenOrderLines } from './goods-screening.js';
import { readLine } from './line-identification.js';
import type { OrderLine } from './order-line.js';
import { orderLine, shippedCatalog } from './test-catalog.js';

const catalog = shippedCatalog();
const index = new CatalogIndex(catalog);

function screen(
  lines: OrderLine[],
  extra: Partial<Parameters<typeof screenOrderLines>[1]> = {},
): GoodsAlert[] {
  return screenOrderLines(lines, { catalog: index, catalogVersion: 'test@1', ...extra });
}
const rules = (alerts: GoodsAlert[]) => alerts.map((a) => a.rule).sort();
const identify = (fields: Record<string, string>) => readLine(index, orderLine(fields)).identification;
const itemName = (fields: Record<string, string>) => {
  const id = identify(fields);
  return id?.type === 'chemical' ? id.item.name : id?.hit.model;
};

/** A cross-border line of a listed chemical with its permit: raises nothing by itself. */
const permitted = {
  description: 'Acetic anhydride 99%',
  cas: '108-24-7',
  hs_code: '2915.24',
  origin_country: 'DE',
  ship_to_country: 'MX',
  permit_ref: 'PEN-2026-0042',
};

describe('line identification', () => {
  it('finds listed chemicals by misspelt names, synonyms, word order, salts and mixtures', () => {
    expect(itemName({ description: 'Acetic anhidride tech. grade 98 %', cas: '', hs_code: '' })).toBe(
      'Acetic anhydride',
    );
    expect(itemName({ description: 'anhydride, acetic', cas: '', hs_code: '' })).toBe('Acetic anhydride');
    expect(itemName({ description: 'Pseudoefedrine hydrochloride', cas: '', hs_code: '' })).toBe(
      'Pseudoephedrine',
    );
    expect(itemName({ description: 'Methyl amine 40% solution in water', cas: '', hs_code: '' })).toBe(
      'Methylamine',
    );
    expect(itemName({ description: 'Potasium permanganate', cas: '', hs_code: '' })).toBe(
      'Potassium permanganate',
    );
    expect(itemName({ description: 'Piperidin', cas: '', hs_code: '' })).toBe('Piperidine');
    expect(itemName({ description: 'PMK', cas: '', hs_code: '' })).toBe(
      '3,4-Methylenedioxyphenyl-2-propanone',
    );
    expect(itemName({ description: 'heliotropine', cas: '', hs_code: '' })).toBe('Piperonal');
  });
  it('finds listed chemicals by CAS with or without dashes', () => {
    expect(identify({ description: 'cleaning agent', cas: '108247', hs_code: '' })).toMatchObject({
      by: 'cas',
    });
    expect(identify({ description: 'cleaning agent', cas: '108-24-8', hs_code: '' })).toMatchObject({
      by: 'cas-without-check-digit',
    });
  });
  it('does not take ordinary chemicals with near names for listed ones', () => {
    for (const description of [
      'Nitromethane 99%',
      'Benzoyl chloride',
      'Triethylamine',
      'Diethylamine',
      'Potassium iodide',
      'Piperazine',
      'Petroleum ether 40-60',
      'Ethyl acetate',
    ])
      expect(identify({ description, cas: '', hs_code: '' }), description).toBeUndefined();
  });
  it('weighs a near-miss or an abbreviation against the CAS and HS code', () => {
    // "nitroetane" with nitromethane's own CAS is nitromethane mistyped, not nitroethane.
    expect(identify({ description: 'nitrometane', cas: '75-52-5', hs_code: '2904.20' })).toBeUndefined();
    expect(identify({ description: 'PPA granules', cas: '', hs_code: '3908.90' })).toBeUndefined();
    expect(itemName({ description: 'PPA', cas: '', hs_code: '2939.44' })).toBe('Phenylpropanolamine');
  });
  it('identifies AI accelerators by model only with the rest of the line agreeing', () => {
    expect(identify({ description: 'NVIDIA H100 SXM5 80GB', cas: '', hs_code: '8473.30' })).toMatchObject({
      type: 'dual-use',
      hit: { model: 'H100', eccn: '3A090.a' },
    });
    expect(identify({ description: 'Server 8x H100 GPU', cas: '', hs_code: '8471.50' })).toMatchObject({
      hit: { eccn: '4A090.a' },
    });
    expect(
      identify({ description: 'H100 rotary hammer drill', cas: '', hs_code: '8467.21' }),
    ).toBeUndefined();
    expect(identify({ description: 'Corsair H100i cooler', cas: '', hs_code: '8473.30' })).toBeUndefined();
    expect(
      identify({ description: 'Dell Latitude 5440 laptop', cas: '', hs_code: '8471.30' }),
    ).toBeUndefined();
    expect(
      identify({ description: 'LG UltraGear 27in monitor', cas: '', hs_code: '8528.52' }),
    ).toBeUndefined();
  });
});

describe('rules', () => {
  it('an ordinary line raises nothing', () => {
    expect(
      screen([
        orderLine(),
        orderLine({
          description: 'Laptop computer',
          cas: '',
          hs_code: '8471.30',
          unit: 'pcs',
          quantity: '20',
        }),
      ]),
    ).toEqual([]);
  });

  it('missing-permit: a UN-tabled chemical crossing a border without a permit reference', () => {
    const [alert] = screen([orderLine({ ...permitted, permit_ref: '' })]);
    expect(alert).toMatchObject({
      rule: 'missing-permit',
      item: 'Acetic anhydride',
      severity: 'high',
      catalog_version: 'test@1',
    });
    expect(alert!.lists).toEqual(['US List II', 'UN Table I', 'EU Category 2A']);
    expect(alert!.evidence.summary).toMatch(/pre-export notification/);
    expect(alert!.evidence.verification).toMatchObject({ cas: 'official' });
    expect(screen([orderLine(permitted)])).toEqual([]);
    // A domestic sale is left to the split-order rule.
    expect(screen([orderLine({ ...permitted, origin_country: 'MX', permit_ref: '' })])).toEqual([]);
  });

  it('missing-permit: the DEA import declaration is asked for at or above the threshold, in gallons too', () => {
    const acetone = {
      description: 'Acetone',
      cas: '67-64-1',
      hs_code: '2914.11',
      origin_country: 'DE',
      ship_to_country: 'US',
      buyer_country: 'US',
    };
    const above = screen([orderLine({ ...acetone, quantity: '600', unit: 'US gal' })]);
    expect(above[0]!.evidence.requires).toEqual([
      'a pre-export notification (UN Table II, 1988 Convention art. 12(10))',
      'a DEA import declaration (US List II, at or above the import/export threshold of 500 US gallons or 1,500 kg)',
      'an EU export authorisation (Reg. (EC) 111/2005, Category 3)',
    ]);
    const below = screen([orderLine({ ...acetone, quantity: '400', unit: 'gal' })]);
    expect(below[0]!.evidence.requires).not.toContainEqual(expect.stringMatching(/DEA/));
    expect(
      screen([orderLine({ ...acetone, quantity: '1600', unit: 'kg' })])[0]!.evidence.requires,
    ).toContainEqual(expect.stringMatching(/DEA import declaration/));
  });

  it('unit-review: pieces against a mass threshold', () => {
    const alerts = screen([
      orderLine({
        description: 'Piperonal',
        cas: '120-57-0',
        hs_code: '2932.93',
        quantity: '3',
        unit: 'pcs',
        origin_country: 'MX',
      }),
    ]);
    expect(rules(alerts)).toEqual(['unit-review']);
    expect(alerts[0]!.evidence.summary).toMatch(/a count of pieces \(3 pcs\)/);
  });

  it('missing-permit: an AI accelerator to a licence destination without a licence', () => {
    const line = orderLine({
      description: 'NVIDIA H100 PCIe 80GB',
      cas: '',
      hs_code: '8473.30',
      origin_country: 'US',
      ship_to_country: 'CN',
      buyer_country: 'CN',
      unit: 'pcs',
      quantity: '8',
    });
    const alerts = screen([line]);
    expect(rules(alerts)).toEqual(['missing-permit']);
    expect(alerts[0]).toMatchObject({ severity: 'high', lists: ['ECCN 3A090.a'] });
    expect(screen([{ ...line, permitRef: 'BIS-L-12345' }])).toEqual([]);
  });

  it('misdeclaration: a listed CAS under a harmless description, and an HS code that disagrees', () => {
    const alerts = screen([
      orderLine({
        ...permitted,
        description: 'Industrial cleaning agent',
        cas: '108-24-7',
        hs_code: '3402.90',
      }),
    ]);
    expect(rules(alerts)).toEqual(['misdeclaration']);
    expect(alerts[0]!.evidence.summary).toMatch(
      /declared as "Industrial cleaning agent", but CAS 108-24-7 is Acetic anhydride's/,
    );
    expect(alerts[0]!.evidence.summary).toMatch(/HS 3402.90 declared/);
    expect(screen([orderLine({ ...permitted, hs_code: '2915.24' })])).toEqual([]);
    // A listed name with another chemical's CAS.
    expect(rules(screen([orderLine({ ...permitted, cas: '64-19-7' })]))).toEqual(['misdeclaration']);
  });

  it('cas-check-digit: a wrong check digit is a red flag, high when the digits point at a listed chemical', () => {
    const [listed] = screen([orderLine({ ...permitted, description: 'solvent', cas: '108-24-8' })]).filter(
      (a) => a.rule === 'cas-check-digit',
    );
    expect(listed).toMatchObject({ severity: 'high', item: 'Acetic anhydride' });
    expect(rules(screen([orderLine({ cas: '141-78-7' })]))).toEqual(['cas-check-digit']);
    expect(screen([orderLine({ cas: '141-78-6' })])).toEqual([]);
  });

  it('transshipment: ship-to abroad, a third country, a free zone, a forwarder as consignee', () => {
    const alerts = screen([
      orderLine({ ...permitted, buyer_country: 'MX', ship_to_country: 'GT', via_countries: 'PA' }),
      orderLine({ ...permitted, consignee: 'Rapid Freight Logistics Ltd' }),
      orderLine({ ...permitted, consignee: 'Almacen Zona Libre de Colon' }),
    ]);
    expect(rules(alerts)).toEqual(['transshipment', 'transshipment', 'transshipment']);
    expect(alerts[0]!.evidence.summary).toMatch(/shipped to GT while the buyer is in MX; routed through PA/);
    // Ordinary goods on the same route raise nothing.
    expect(screen([orderLine({ ship_to_country: 'GT', via_countries: 'PA', origin_country: 'DE' })])).toEqual(
      [],
    );
  });

  it('controlled-elsewhere: listed at the origin but not at the destination; proposed or newly scheduled', () => {
    const benzaldehyde = {
      description: 'Benzaldehyde',
      cas: '100-52-7',
      hs_code: '2912.21',
      permit_ref: 'X-1',
    };
    const alerts = screen([orderLine({ ...benzaldehyde, origin_country: 'US', ship_to_country: 'MX' })]);
    expect(rules(alerts)).toEqual(['controlled-elsewhere']);
    expect(alerts[0]!.evidence.summary).toMatch(/controlled in US \(US List I\)/);
    expect(screen([orderLine({ ...benzaldehyde, origin_country: 'MX', ship_to_country: 'MX' })])).toEqual([]);
    const proposed = screen([
      orderLine({
        description: 'BMK glycidic acid',
        cas: '',
        hs_code: '',
        permit_ref: 'P-1',
        origin_country: 'CN',
        ship_to_country: 'MX',
      }),
    ]);
    expect(proposed.find((a) => a.rule === 'controlled-elsewhere')!.evidence.summary).toMatch(
      /proposed for US List I on 2025-10-02/,
    );
    const recent = screen([
      orderLine({
        description: '1-boc-4-piperidone',
        cas: '79099-07-3',
        hs_code: '2933.39',
        permit_ref: 'P',
        date: '2026-03-01',
        origin_country: 'MX',
      }),
    ]);
    expect(recent.find((a) => a.rule === 'controlled-elsewhere')!.evidence.summary).toMatch(
      /newly scheduled: US listing 2025-10-02/,
    );
    expect(
      screen([
        orderLine({
          description: '1-boc-4-piperidone',
          cas: '79099-07-3',
          hs_code: '2933.39',
          permit_ref: 'P',
          date: '2028-03-01',
          origin_country: 'MX',
        }),
      ]),
    ).toEqual([]);
  });

  it('unit-review: a volume against a mass-only threshold', () => {
    const alerts = screen([
      orderLine({
        description: 'Benzyl cyanide',
        cas: '140-29-4',
        hs_code: '2926.90',
        quantity: '20',
        unit: 'l',
        origin_country: 'MX',
      }),
    ]);
    expect(rules(alerts)).toEqual(['unit-review']);
    expect(alerts[0]!.evidence.summary).toMatch(/no density is assumed/);
    expect(
      screen([
        orderLine({
          description: 'Benzyl cyanide',
          cas: '140-29-4',
          hs_code: '2926.90',
          quantity: '0.5',
          unit: 'kg',
          origin_country: 'MX',
        }),
      ]),
    ).toEqual([]);
  });

  it('split-order: a month of small lines from two spellings and two sites of one buyer', () => {
    const pmk = {
      description: 'Piperonal',
      cas: '120-57-0',
      hs_code: '2932.93',
      origin_country: 'MX',
      quantity: '1.5',
      unit: 'kg',
    };
    const lines = [
      orderLine({ ...pmk, date: '2026-03-02', buyer: 'Aromas del Bajio SA de CV' }),
      orderLine({
        ...pmk,
        date: '2026-03-09',
        buyer: 'AROMAS DEL BAJIO, S.A. DE C.V.',
        buyer_address: 'Calle 5, Leon',
      }),
      orderLine({
        ...pmk,
        date: '2026-03-20',
        buyer: 'Aromas del Bajío S.A. de C.V.',
        quantity: '1500',
        unit: 'g',
      }),
    ];
    const alerts = screen(lines);
    expect(rules(alerts)).toEqual(['split-order']);
    expect(alerts[0]!.line_ids).toEqual(lines.map((l) => l.lineId).sort());
    expect(alerts[0]!.evidence.summary).toMatch(
      /3 orders of Piperonal .* total 4.5 kg, at or above the domestic sales threshold of 4 kg/,
    );
    // Two lines below the threshold together raise nothing; another buyer's lines are not added.
    expect(screen(lines.slice(0, 2))).toEqual([]);
    expect(
      screen([lines[0]!, lines[1]!, orderLine({ ...pmk, date: '2026-03-20', buyer: 'Perfumeria Sol SA' })]),
    ).toEqual([]);
  });

  it('split-order: across a month boundary within 31 days', () => {
    const mk = (date: string) =>
      orderLine({
        description: 'Safrole',
        cas: '94-59-7',
        hs_code: '2932.94',
        origin_country: 'MX',
        quantity: '2.5',
        unit: 'kg',
        date,
        buyer: 'Quimica Tula SA',
      });
    const alerts = screen([mk('2026-03-25'), mk('2026-04-03')]);
    expect(rules(alerts)).toEqual(['split-order']);
    expect(alerts[0]!.evidence.period).toMatch(/across a month boundary/);
    expect(screen([mk('2026-03-01'), mk('2026-04-20')])).toEqual([]);
  });

  it('party-risk: a watchlisted buyer; a first-time buyer of a regulated item', () => {
    const partyCheck = (name: string) =>
      name.startsWith('Frontera')
        ? { list: 'sample', listVersion: '1', entityId: 'E1', name: 'FRONTERA SA', score: 0.95 }
        : undefined;
    const alerts = screen([orderLine({ ...permitted, buyer: 'Frontera SA' })], { partyCheck });
    expect(rules(alerts)).toEqual(['party-risk']);
    expect(alerts[0]!.severity).toBe('high');
    const history = [
      orderLine({ date: '2026-01-05' }),
      orderLine({ ...permitted, date: '2026-03-10', buyer: 'Nueva Quimica Express SA' }),
    ];
    const first = screen(history);
    expect(rules(first)).toEqual(['party-risk']);
    expect(first[0]!.evidence.summary).toMatch(/first-time buyer/);
    expect(
      screen([orderLine({ date: '2026-01-05', buyer: 'Nueva Quimica Express SA' }), history[1]!]),
    ).toEqual([]);
  });

  it('company-shopping: a refused buyer orders the same item from another seller', () => {
    const refusals = [
      {
        date: '2026-03-01',
        seller: 'Quimicos del Golfo',
        buyer: 'Grupo Pacifico SA',
        item: '108-24-7',
        reason: 'no end-use statement',
      },
    ];
    const line = orderLine({
      ...permitted,
      buyer: 'GRUPO PACIFICO S.A.',
      seller: 'Reactivos Sur SA',
      date: '2026-03-05',
    });
    const alerts = screen([line], { refusals });
    expect(rules(alerts)).toEqual(['company-shopping']);
    expect(screen([{ ...line, seller: 'Quimicos del Golfo' }], { refusals })).toEqual([]);
    expect(screen([{ ...line, date: '2026-02-20' }], { refusals })).toEqual([]);
  });

  it('alerts are deterministic and convert to the shared Alert', () => {
    const line = orderLine({ ...permitted, permit_ref: '' });
    const a = screen([line]);
    const b = screen([line]);
    expect(a[0]!.id).toBe(b[0]!.id);
    const stored = toStoredAlert(a[0]!, {
      createdAt: '2026-03-10T00:00:00Z',
      sources: [{ name: 'goods-catalog', version: 'test@1' }],
    });
    expect(AlertSchema.parse(stored)).toMatchObject({
      kind: 'goods',
      id: a[0]!.id,
      rule: { name: 'missing-permit' },
    });
  });
});
